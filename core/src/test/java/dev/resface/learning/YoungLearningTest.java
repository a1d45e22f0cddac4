package dev.resface.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.FaceAttribute;
import dev.resface.editing.Editor;
import dev.resface.evaluation.EditEvaluation;
import dev.resface.evaluation.EditSummary;
import dev.resface.model.Direction;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global attribute learns: a short run on SynthFaces at 32px with the CPU preset's G makes faces younger and older
 * toward their true counterparts (grey hair and wrinkles taken away or drawn), without repainting the rest.
 *
 * <p>Measured over five seeds (AMD EPYC Zen 4, AVX-512 kernels, one intra-op thread, two seeds side by side;
 * 2026-12-07), at alpha 1e-3 (the CPU preset's global alpha at 32px): PSNR gain young / old, the old edit's median
 * remnant, MAE outside the mask young / old: seed 1: +2.02 / +5.49 dB, 0.60, 6.1 / 10.2; 2: +2.37 / +5.98 dB, 0.55,
 * 5.9 / 9.6; 3: +1.48 / +5.56 dB, 0.58, 8.0 / 9.2; 4: +2.08 / +5.61 dB, 0.58, 5.9 / 8.5; 5 (the test's): +2.15 /
 * +5.40 dB, 0.58, 5.0 / 10.2; the same seed at two threads (the clean-clone CI run): +2.06 / +5.62 dB, 0.57, 5.1 /
 * 11.2. The bars leave the worst a margin of 0.48 dB (seed 3 young), 0.9 dB (seed 5 old), 0.10 (seed 1's remnant)
 * and 1.8 grey levels (seed 5 old at two threads). At the paper's alpha (1.6e-5 here) the same seeds
 * gave -1.50 to +2.39 dB young and +0.26 to +5.29 dB old, and changed 18 to 48 grey levels outside: this test fails
 * there. At 3e-3 seed 2 gave +1.76 / +5.81 dB and only 2.4 / 5.9 outside (one seed: a lead, not a setting).
 */
class YoungLearningTest {
    /** -Dresface.learningAlpha=A tries another alpha (a 32px value). */
    static final double ALPHA = Double.parseDouble(System.getProperty("resface.learningAlpha", "1e-3"));
    static final double YOUNG_GAIN_DB = 1.0;
    static final double OLD_GAIN_DB = 4.5;
    static final double OLD_REMNANT = 0.7;
    static final double YOUNG_OUTSIDE = 11;
    static final double OLD_OUTSIDE = 13;

    @Test
    void shortTrainingMakesFacesYoungerAndOlderTowardTheTruth(@TempDir Path dir) throws Exception {
        ModelConfig model = new ModelConfig(32, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false, null,
                GlassesLearningTest.DEFAULT_DESIGN, null);
        LearningRun.Trained t = LearningRun.train(dir, model, FaceAttribute.YOUNG, ALPHA, LearningRun.ITERATIONS,
                LearningRun.SEED);
        EditEvaluation evaluation = new EditEvaluation(t.data().dataset(), t.data().cache(), FaceAttribute.YOUNG,
                null, null, null, null);
        try (Editor editor = Editor.open(t.run())) {
            EditSummary young = LearningRun.summary(evaluation, editor, Direction.ADD);
            EditSummary old = LearningRun.summary(evaluation, editor, Direction.REMOVE);
            System.err.printf("Young, alpha %.1e, seed %d: young %+.2f dB, remnant %.3f, outside %.2f; old %+.2f dB,"
                    + " remnant %.3f, outside %.2f%n", ALPHA, LearningRun.SEED, young.psnrEdited() - young.psnrInput(),
                    young.remnantMedian(), young.maeOutside(), old.psnrEdited() - old.psnrInput(), old.remnantMedian(),
                    old.maeOutside());
            assertThat(old.faces()).isGreaterThanOrEqualTo(10);
            assertThat(young.psnrEdited() - young.psnrInput()).isGreaterThanOrEqualTo(YOUNG_GAIN_DB);
            assertThat(old.psnrEdited() - old.psnrInput()).isGreaterThanOrEqualTo(OLD_GAIN_DB);
            assertThat(old.remnantMedian()).isLessThanOrEqualTo(OLD_REMNANT);
            assertThat(young.maeOutside()).isLessThanOrEqualTo(YOUNG_OUTSIDE);
            assertThat(old.maeOutside()).isLessThanOrEqualTo(OLD_OUTSIDE);
        }
    }
}
