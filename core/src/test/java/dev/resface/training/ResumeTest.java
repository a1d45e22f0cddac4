package dev.resface.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.data.FaceAttribute;
import dev.resface.model.Direction;
import dev.resface.model.ImageRegion;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class ResumeTest {
    /** Deterministic noise images: batch i is a function of i alone, like the real sampler. */
    public static class NoiseData implements TrainingData {
        final int size;
        final int batch;

        public NoiseData(int size, int batch) {
            this.size = size;
            this.batch = batch;
        }

        @Override
        public int imageSize() {
            return size;
        }

        private float[] images(long seed, int n) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] out = new float[n * 3 * size * size];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) r.nextDouble(-1, 1);
            }
            return out;
        }

        @Override
        public float[] negatives(long iteration) {
            return images(2 * iteration, batch);
        }

        @Override
        public float[] positives(long iteration) {
            return images(2 * iteration + 1, batch);
        }

        @Override
        public float[] sampleNegatives(int k) {
            return images(-1, k);
        }

        @Override
        public float[] samplePositives(int k) {
            return images(-2, k);
        }

        @Override
        public int trainingFaceCount(boolean withAttribute) {
            return 3 * batch;
        }

        @Override
        public float[] trainingFaces(boolean withAttribute, int from, int count) {
            return images(withAttribute ? -3 - from : -100 - from, count);
        }

        @Override
        public String describe() {
            return "noise";
        }
    }

    /** NaN positives at 0-based iteration {@code at}: the run stops there, as a kill would. */
    static NoiseData poisonedAt(long at) {
        return new NoiseData(32, 2) {
            @Override
            public float[] positives(long iteration) {
                float[] x = super.positives(iteration);
                if (iteration == at) {
                    java.util.Arrays.fill(x, Float.NaN);
                }
                return x;
            }
        };
    }

    public static RunConfig config(long iterations) {
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false);
        TrainConfig train = new TrainConfig(FaceAttribute.EYEGLASSES, iterations, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(null, null, true), true, null, 3, 2, 2, 1);
        return new RunConfig(model, train, new DataConfig("noise", "paper", false, null, false));
    }

    public static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    /**
     * With the region D, its weights and Adam state go into the checkpoint and come back; with spectral norm, the
     * power iteration's vectors; R1's double backward changes nothing of it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "region D", "spectral norm", "R1"})
    void twoHalvesEndBitIdenticalToOneWholeRun(String variant, @TempDir Path dir) throws Exception {
        NoiseData data = new NoiseData(32, 2);
        LongFunction<RunConfig> config = n -> switch (variant) {
            case "region D" -> config(n).withModel(config(n).model().withRegionDiscriminator(
                    new ImageRegion(0.1, 0.25, 0.9, 0.75)));
            case "spectral norm" -> config(n).withModel(config(n).model().withDiscriminatorSpectralNorm(true));
            case "R1" -> config(n).withTrain(config(n).train().withLossWeights(
                    new LossWeights(null, null, true, null, null, 1.0)));
            default -> config(n);
        };
        RunFolder whole = new RunFolder(dir.resolve("whole"));
        new TrainingRun(config.apply(6), whole, data, quiet()).run(false);

        RunFolder halves = new RunFolder(dir.resolve("halves"));
        new TrainingRun(config.apply(3), halves, data, quiet()).run(false);
        new TrainingRun(config.apply(6), halves, data, quiet()).run(true);

        assertThat(Files.readAllBytes(halves.checkpoint())).isEqualTo(Files.readAllBytes(whole.checkpoint()));
        assertThat(Files.readAllLines(halves.metrics())).hasSize(6);
        String wholeLosses = Files.readString(whole.metrics()).replaceAll(",\"it_per_s\":[0-9.E-]+", "");
        String halvesLosses = Files.readString(halves.metrics()).replaceAll(",\"it_per_s\":[0-9.E-]+", "");
        assertThat(halvesLosses).isEqualTo(wholeLosses);
        assertThat(Files.exists(halves.sample(6))).isTrue();
    }

    /** The mean residual G0 gives fixed noise: a score that moves with every update. */
    static ProgressScorer meanResidual(NoiseData data) {
        return gan -> {
            float[] r = gan.changes(Direction.ADD, data.sampleNegatives(2), 2, 1f);
            double sum = 0;
            for (float v : r) {
                sum += v;
            }
            return Map.of("mean_residual", sum / r.length);
        };
    }

    @Test
    void aDecayingLearningRateResumesBitIdentically(@TempDir Path dir) throws Exception {
        NoiseData data = new NoiseData(32, 2);
        RunFolder whole = new RunFolder(dir.resolve("whole"));
        new TrainingRun(decaying(config(6)), whole, data, quiet()).run(false);
        RunFolder constant = new RunFolder(dir.resolve("constant"));
        new TrainingRun(config(6), constant, data, quiet()).run(false);
        assertThat(Files.readAllBytes(whole.checkpoint())).isNotEqualTo(Files.readAllBytes(constant.checkpoint()));

        // Interrupted inside the decay (the last checkpoint is iteration 4), then resumed: the schedule continues.
        NoiseData interrupted = poisonedAt(4);
        RunFolder halves = new RunFolder(dir.resolve("halves"));
        assertThatThrownBy(() -> new TrainingRun(decaying(config(6)), halves, interrupted, quiet()).run(false))
                .isInstanceOf(TrainingRun.TrainingDiverged.class);
        new TrainingRun(decaying(config(6)), halves, data, quiet()).run(true);
        assertThat(Files.readAllBytes(halves.checkpoint())).isEqualTo(Files.readAllBytes(whole.checkpoint()));
    }

    static RunConfig decaying(RunConfig c) {
        TrainConfig t = c.train();
        return new RunConfig(c.model(), new TrainConfig(t.attribute(), t.iterations(), t.batchSize(), t.learningRate(),
                t.discriminatorLearningRate(), t.adamBeta1(), t.adamBeta2(), t.lossWeights(), t.dual(), 0.5, t.seed(),
                t.sampleEvery(), t.checkpointEvery(), t.logEvery()), c.data());
    }

    @Test
    void scoringWhileTrainingChangesNoUpdateAndItsLogResumes(@TempDir Path dir) throws Exception {
        NoiseData data = new NoiseData(32, 2);
        RunFolder plain = new RunFolder(dir.resolve("plain"));
        new TrainingRun(config(6), plain, data, quiet()).run(false);
        RunFolder whole = new RunFolder(dir.resolve("whole"));
        new TrainingRun(config(6), whole, data, quiet()).scoredBy(meanResidual(data), 2).run(false);
        RunFolder halves = new RunFolder(dir.resolve("halves"));
        new TrainingRun(config(3), halves, data, quiet()).scoredBy(meanResidual(data), 2).run(false);
        new TrainingRun(config(6), halves, data, quiet()).scoredBy(meanResidual(data), 2).run(true);

        assertThat(Files.readAllBytes(whole.checkpoint())).isEqualTo(Files.readAllBytes(plain.checkpoint()));
        assertThat(Files.readAllBytes(halves.checkpoint())).isEqualTo(Files.readAllBytes(plain.checkpoint()));
        List<String> wholeScores = Files.readAllLines(whole.scores());
        List<String> halvesScores = Files.readAllLines(halves.scores());
        assertThat(wholeScores).hasSize(4).allMatch(l -> l.contains("mean_residual"));
        // 0, 2, 4, 6; the first half also scored its last iteration, 3, which the resumed run keeps.
        assertThat(halvesScores).hasSize(5);
        assertThat(halvesScores.get(2)).startsWith("{\"iteration\":3,");
        assertThat(List.of(halvesScores.get(0), halvesScores.get(1), halvesScores.get(3), halvesScores.get(4)))
                .isEqualTo(wholeScores);
        assertThat(wholeScores.get(0)).isNotEqualTo(wholeScores.get(3).replace("\"iteration\":6", "\"iteration\":0"));
        assertThat(Files.exists(whole.scoreCurves())).isTrue();
    }

    @Test
    void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws Exception {
        NoiseData poisoned = poisonedAt(4);
        RunFolder run = new RunFolder(dir.resolve("run"));
        assertThatThrownBy(() -> new TrainingRun(config(8), run, poisoned, quiet()).run(false))
                .isInstanceOf(TrainingRun.TrainingDiverged.class)
                .hasMessageContaining("iteration 5")
                .hasMessageContaining("last good checkpoint, iteration 4");
        // The checkpoint (every 2 iterations) is the one of iteration 4, and it loads.
        RunFolder whole = new RunFolder(dir.resolve("whole"));
        new TrainingRun(config(4), whole, new NoiseData(32, 2), quiet()).run(false);
        assertThat(Files.readAllBytes(run.checkpoint())).isEqualTo(Files.readAllBytes(whole.checkpoint()));
    }

    @Test
    void startingOverAnExistingRunIsRefused(@TempDir Path dir) throws Exception {
        RunFolder run = new RunFolder(dir.resolve("run"));
        new TrainingRun(config(2), run, new NoiseData(32, 2), quiet()).run(false);
        assertThatThrownBy(() -> new TrainingRun(config(2), run, new NoiseData(32, 2), quiet()).run(false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--resume");
    }

    @Test
    void aCorruptCheckpointIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        RunFolder run = new RunFolder(dir.resolve("run"));
        new TrainingRun(config(2), run, new NoiseData(32, 2), quiet()).run(false);
        byte[] bytes = Files.readAllBytes(run.checkpoint());
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(run.checkpoint(), bytes);
        assertThatThrownBy(() -> new TrainingRun(config(4), run, new NoiseData(32, 2), quiet()).run(true))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(run.checkpoint().toString())
                .hasMessageContaining("corrupt");
        Files.write(run.checkpoint(), java.util.Arrays.copyOf(bytes, 100));
        assertThatThrownBy(() -> new TrainingRun(config(4), run, new NoiseData(32, 2), quiet()).run(true))
                .isInstanceOf(BadInputException.class).hasMessageContaining("truncated or corrupt");
    }
}
