package dev.resface.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.AttributeSplit.TestSet;
import dev.resface.data.FaceAttribute;
import dev.resface.editing.Editor;
import dev.resface.evaluation.EditEvaluation;
import dev.resface.evaluation.EditSummary;
import dev.resface.evaluation.GroundTruthEvaluation;
import dev.resface.evaluation.GroundTruthEvaluation.DirectionResult;
import dev.resface.model.Direction;
import dev.resface.model.GeneratorDesign;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The method learns: a short run on SynthFaces at 32px moves G0's and G1's eyeglasses edits toward the true
 * counterparts, with the residual concentrated on the glasses. Seed and iteration count are fixed, not time.
 *
 * <p>Measured over five seeds (Intel Xeon Sapphire Rapids, AVX-512 kernels, 2 threads), PSNR gain adding / removing
 * and the residual's share inside the mask (bar: 3x the mask's area, 16-17% of the image, so about 0.49), with the
 * training path of issue #11 (channels-last memory, the decoder's upsampled convs; 2026-12-01):
 * seed 1: +2.13 / +6.31 dB, 0.80 / 0.76; 2: +1.69 / +7.13 dB, 0.80 / 0.75; 3: +1.82 / +5.84 dB, 0.81 / 0.74;
 * 4: +1.56 / +7.00 dB, 0.81 / 0.76; 5 (the test's): +0.90 / +6.56 dB, 0.80 / 0.76. The worst, this seed's adding,
 * clears the 0.5 dB bar by 0.4 dB, and every seed clears the mask bar by 25 points. Before that change the same seeds
 * gave +1.12 to +1.98 dB adding (seed 5: +1.48): the float order alone moves a seed by 0.6 dB.
 *
 * <p>The second test trains the CPU preset's G (the full-resolution path) with the same recipe. Over five seeds (AMD
 * EPYC Zen 4, AVX-512 kernels, two seeds side by side; 2026-12-03), PSNR gain adding / removing, removal's median
 * remnant and MAE outside the mask: seed 1: +1.95 / +7.73 dB, 0.44, 1.48; 2: +2.42 / +8.83 dB, 0.37, 1.28;
 * 3: +2.56 / +7.95 dB, 0.43, 1.43; 4: +1.85 / +8.15 dB, 0.43, 1.07; 5 (the test's): +2.49 / +9.11 dB, 0.34, 0.81.
 * The bars (adding 1.0 dB, removing 5.0 dB, remnant 0.6, outside 2.5 grey levels) leave the worst seed a margin of
 * 0.85 dB (seed 4 adding), 2.7 dB (seed 1 removing), 0.16 (seed 1's remnant) and 1.0 grey level (seed 1).
 */
class GlassesLearningTest {
    /** The CPU preset's G, which the second test trains. */
    static final GeneratorDesign DEFAULT_DESIGN = GeneratorDesign.parse("skip", null);
    static final double DEFAULT_ADD_GAIN_DB = 1.0;
    static final double DEFAULT_REMOVE_GAIN_DB = 5.0;
    static final double DEFAULT_REMOVE_REMNANT = 0.6;
    static final double DEFAULT_REMOVE_OUTSIDE = 2.5;

    @Test
    void shortTrainingAddsAndRemovesGlassesTowardTheTruth(@TempDir Path dir) throws Exception {
        LearningRun.Trained t = train(dir,
                new ModelConfig(32, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false));
        TestSet test = t.data().split().balancedTestSet(0, 5);
        GroundTruthEvaluation evaluation =
                new GroundTruthEvaluation(t.data().dataset(), t.data().cache(), FaceAttribute.EYEGLASSES, 0);
        try (Editor editor = Editor.open(t.run())) {
            DirectionResult add = evaluation.evaluate(editor.model(), Direction.ADD, test.negatives());
            DirectionResult remove = evaluation.evaluate(editor.model(), Direction.REMOVE, test.positives());
            System.err.println("add: " + add.summary().verdict() + " mask share " + add.summary().meanResidualMaskShare()
                    + " of area " + add.summary().meanMaskAreaShare());
            System.err.println("remove: " + remove.summary().verdict() + " mask share " + remove.summary().meanResidualMaskShare()
                    + " of area " + remove.summary().meanMaskAreaShare());
            assertThat(test.perClass()).isGreaterThanOrEqualTo(10);
            assertThat(add.summary().gain()).isGreaterThanOrEqualTo(0.5);
            assertThat(remove.summary().gain()).isGreaterThanOrEqualTo(0.5);
            assertThat(add.summary().meanResidualMaskShare()).isGreaterThanOrEqualTo(3 * add.summary().meanMaskAreaShare());
            assertThat(remove.summary().meanResidualMaskShare()).isGreaterThanOrEqualTo(3 * remove.summary().meanMaskAreaShare());
        }
    }

    /**
     * The CPU preset's G (DEFAULT_DESIGN) at the same size and budget: it must remove glasses, as the truth sees it, far
     * better than Table 1's does here. Bars and the five seeds they were set from: see the class comment.
     */
    @Test
    void theDefaultGeneratorRemovesGlassesCleanly(@TempDir Path dir) throws Exception {
        LearningRun.Trained t = train(dir, new ModelConfig(32, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true,
                false, null, DEFAULT_DESIGN, null));
        EditEvaluation evaluation = new EditEvaluation(t.data().dataset(), t.data().cache(), FaceAttribute.EYEGLASSES,
                null, null, null, null);
        try (Editor editor = Editor.open(t.run())) {
            EditSummary add = LearningRun.summary(evaluation, editor, Direction.ADD);
            EditSummary remove = LearningRun.summary(evaluation, editor, Direction.REMOVE);
            System.err.printf("default G: add %+.2f dB, remnant %.3f, outside %.2f; remove %+.2f dB, remnant %.3f,"
                    + " outside %.2f%n", add.psnrEdited() - add.psnrInput(), add.remnantMedian(), add.maeOutside(),
                    remove.psnrEdited() - remove.psnrInput(), remove.remnantMedian(), remove.maeOutside());
            assertThat(remove.faces()).isGreaterThanOrEqualTo(10);
            assertThat(add.psnrEdited() - add.psnrInput()).isGreaterThanOrEqualTo(DEFAULT_ADD_GAIN_DB);
            assertThat(remove.psnrEdited() - remove.psnrInput()).isGreaterThanOrEqualTo(DEFAULT_REMOVE_GAIN_DB);
            assertThat(remove.remnantMedian()).isLessThanOrEqualTo(DEFAULT_REMOVE_REMNANT);
            assertThat(remove.maeOutside()).isLessThanOrEqualTo(DEFAULT_REMOVE_OUTSIDE);
        }
    }

    private static LearningRun.Trained train(Path dir, ModelConfig model) throws Exception {
        return LearningRun.train(dir, model, FaceAttribute.EYEGLASSES, 3e-2, LearningRun.ITERATIONS, LearningRun.SEED);
    }

}
