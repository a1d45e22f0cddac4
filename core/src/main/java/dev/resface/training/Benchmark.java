package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.model.Direction;
import dev.resface.model.FlopCount;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.util.PeakMemory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Times training iterations and generator inference on random images; prints figures, asserts nothing. */
public final class Benchmark {
    private final PrintStream out;

    public Benchmark(PrintStream out) {
        this.out = out;
    }

    public record TrainTiming(double medianSeconds, double imagesPerSecond, double gflops) {}

    public TrainTiming training(ModelConfig model, int batch, int warmup, int timed) {
        TrainConfig config = new TrainConfig(FaceAttribute.EYEGLASSES, warmup + timed, batch, 2e-4, null, 0.5, 0.999,
                new LossWeights(null, null, true), true, null, 1, 1, 1, 1);
        int s = model.imageSize();
        double[] seconds = new double[timed];
        try (NDManager manager = Torch.newManager(); ResidualGan gan = new ResidualGan(model, manager)) {
            ResidualGanTrainer trainer = new ResidualGanTrainer(gan, config);
            for (int i = 0; i < warmup + timed; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x0 = step.randomUniform(-1, 1, new Shape(batch, 3, s, s));
                    NDArray x1 = step.randomUniform(-1, 1, new Shape(batch, 3, s, s));
                    long t0 = System.nanoTime();
                    trainer.step(x0, x1);
                    if (i >= warmup) {
                        seconds[i - warmup] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
        }
        double median = median(seconds);
        double gflops = FlopCount.trainingStep(model, true) * batch / median / 1e9;
        TrainTiming t = new TrainTiming(median, batch / median, gflops);
        out.printf("train %3dpx width %.2f batch %2d: %.3f s/iteration (median of %d after %d warm-up, range %s),"
                        + " %.1f images/s, %.1f GFLOP/s%n",
                s, model.width(), batch, median, timed, warmup, range(seconds, 1, "%.3f"), t.imagesPerSecond(), gflops);
        return t;
    }

    /**
     * Batch assembly as training does it, from a packed cache of the faces in {@code data}: both sides' images
     * (flipped where the sampler says) into tensors, beside the training step it feeds. Returns the median seconds
     * per iteration.
     */
    public double data(Path data, int size, int batch, int timed, double stepSeconds) {
        CelebaTrainingData faces = new CelebaTrainingData(new DataConfig(data.toString(), "paper", true, null, false),
                FaceAttribute.EYEGLASSES, size, batch, 1);
        double[] seconds = new double[timed];
        try (NDManager manager = Torch.newManager()) {
            Shape shape = new Shape(batch, 3, size, size);
            int warmup = 2;
            for (int i = 0; i < warmup + timed; i++) {
                try (NDManager step = manager.newSubManager()) {
                    long t0 = System.nanoTime();
                    step.create(faces.negatives(i), shape);
                    step.create(faces.positives(i), shape);
                    if (i >= warmup) {
                        seconds[i - warmup] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
        }
        double median = median(seconds);
        out.printf("data  %3dpx batch %2d: %.2f ms/iteration (median of %d, range %s), %.2f%% of the step's %.3f s%n",
                size, batch, median * 1000, timed, range(seconds, 1000, "%.2f"), 100 * median / stepSeconds,
                stepSeconds);
        return median;
    }

    public double inference(ModelConfig model, int batch, int timed) {
        int s = model.imageSize();
        double[] seconds = new double[timed];
        try (NDManager manager = Torch.newManager(); ResidualGan gan = new ResidualGan(model, manager)) {
            float[] x = new float[batch * 3 * s * s];
            for (int i = -2; i < timed; i++) {
                long t0 = System.nanoTime();
                gan.changes(Direction.REMOVE, x, batch, 1f);
                if (i >= 0) {
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        double msPerImage = median(seconds) * 1000 / batch;
        out.printf("G inference %3dpx width %.2f batch %2d: %.2f ms/image (median of %d, range %s)%n", s, model.width(),
                batch, msPerImage, timed, range(seconds, 1000.0 / batch, "%.2f"));
        return msPerImage;
    }

    public void peakMemory() {
        out.printf("peak RSS: %.2f GB%n", PeakMemory.peakRssBytes() / 1e9);
    }

    /** "min-max" of the timings, scaled. */
    private static String range(double[] v, double scale, String format) {
        double lo = Arrays.stream(v).min().orElse(Double.NaN) * scale;
        double hi = Arrays.stream(v).max().orElse(Double.NaN) * scale;
        return String.format(java.util.Locale.ROOT, format + "-" + format, lo, hi);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
