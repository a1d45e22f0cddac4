package dev.resface.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.BadInputException;
import dev.resface.data.BatchAssembler;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.data.synth.SynthConfig;
import dev.resface.data.synth.SynthFaces;
import dev.resface.engine.Machine;
import dev.resface.engine.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {
    /**
     * 48px and 4,000 faces: at 32px the subtle beards (stubble, moustache only) left 3 of 72 No_Beard test faces wrong
     * whatever the training (95.8%, one face above the bar); at 48px with 2,000 faces one seed in five still fell to
     * 94.4% (4 of 72), where twice the faces give it 98.1% (3 of 154).
     */
    static final int SIZE = 48;
    static final int FACES = 4000;
    /** Training seed; -Dresface.classifierSeed=N runs one of the seeds measured below. */
    static final long SEED = Long.getLong("resface.classifierSeed", 1);

    @Test
    void binaryCrossEntropyHandComputed() {
        Torch.start();
        try (NDManager m = Torch.newManager()) {
            // logit 0, label 1: log 2; logit 2, label 0: 2 + log(1 + e^-2); logit -30, label 0: ~e^-30; weights 1, 0.5, 3
            float loss = ClassifierTraining.binaryCrossEntropy(m.create(new float[] {0, 2, -30}, new Shape(1, 3)),
                    m.create(new float[] {1, 0, 0}, new Shape(1, 3)), m.create(new float[] {1, 0.5f, 3}, new Shape(1, 3)))
                    .getFloat();
            assertThat((double) loss).isCloseTo((Math.log(2) + 0.5 * (2 + Math.log(1 + Math.exp(-2)))) / 3, within(1e-6));
        }
    }

    @Test
    void eachClassWeighsHalfOfItsAttributesLoss(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        SynthFaces.write(data, 40, 3, SynthConfig.defaults().withCounterparts(false));
        CelebaDataset dataset = CelebaDataset.open(data);
        int[] pool = java.util.stream.IntStream.range(0, dataset.size()).toArray();
        float[][] w = ClassifierTraining.classWeights(dataset, pool, List.of(FaceAttribute.EYEGLASSES));
        long positives = java.util.Arrays.stream(pool).filter(i -> dataset.label(i, FaceAttribute.EYEGLASSES)).count();
        assertThat(positives).isBetween(1L, 39L);
        // positives * w+ = negatives * w- = half the pool
        assertThat(positives * (double) w[0][1]).isCloseTo(20, within(1e-4));
        assertThat((40 - positives) * (double) w[0][0]).isCloseTo(20, within(1e-4));
    }

    /**
     * The bar: at least 95% held-out accuracy for each of the six attributes after a CI-sized training.
     * Measured over five training seeds (Intel Xeon Sapphire Rapids, AVX-512 kernels, 2 threads), the weakest
     * attribute each time, with every other attribute at 99.7% or more:
     * seed 1: Smiling 99.75%; 2: No_Beard 99.35%; 3: No_Beard 99.35%; 4: No_Beard 98.05%; 5: Smiling 99.75%.
     * The worst, 98.05%, clears the bar by 3 points (5 faces of 154); before the balanced loss, the falling rate, 48px
     * and 4,000 faces, seeds ranged down to 94.4% on one CPU and 87.5% on another setting.
     */
    @Test
    void learnsAllSixAttributesOfSynthFaces(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        SynthFaces.write(data, FACES, 7, SynthConfig.defaults().withCounterparts(false));
        ClassifierConfig config = new ClassifierConfig(data.toString(), List.of(FaceAttribute.values()), "paper",
                false, SIZE, 0.5, 3000, 32, 1e-3, 0, SEED);
        long t0 = System.nanoTime();
        List<ClassifierTraining.Accuracy> accuracies = ClassifierTraining.run(config, dir.resolve("classifier"));
        System.out.printf("classifier on SynthFaces (%.0f s):%n%s", (System.nanoTime() - t0) / 1e9,
                ClassifierTraining.table(accuracies));
        assertThat(accuracies).hasSize(6);
        for (ClassifierTraining.Accuracy a : accuracies) {
            assertThat(a.perClass()).as(a.attribute().celebaName()).isGreaterThanOrEqualTo(20);
            assertThat(a.accuracy()).as(a.attribute().celebaName()).isGreaterThanOrEqualTo(0.95);
        }

        // reopened from disk it gives the same answers
        Path saved = dir.resolve("classifier");
        assertThat(Files.readString(saved.resolve(AttributeClassifier.ACCURACY))).contains("No_Beard")
                .contains(Machine.current().line());
        try (AttributeClassifier c = AttributeClassifier.open(saved)) {
            CelebaDataset dataset = CelebaDataset.open(data);
            PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, SIZE,
                    PackedImages.defaultPath(data, CropRecipe.PAPER, SIZE), false);
            assertThat(ClassifierTraining.heldOut(c, dataset, cache)).isEqualTo(accuracies);
            float[] p = c.probabilities(BatchAssembler.assemble(cache, new int[] {0, 1}, null), 2);
            assertThat(p).hasSize(12);
            for (float v : p) {
                assertThat(v).isBetween(0f, 1f);
            }
        }

        byte[] weights = Files.readAllBytes(saved.resolve(AttributeClassifier.WEIGHTS));
        Files.write(saved.resolve(AttributeClassifier.WEIGHTS), java.util.Arrays.copyOf(weights, weights.length / 2));
        assertThatThrownBy(() -> AttributeClassifier.open(saved)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(AttributeClassifier.WEIGHTS).hasMessageContaining("corrupt");
        assertThatThrownBy(() -> AttributeClassifier.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("classifier.json").hasMessageContaining("not a classifier folder");
    }
}
