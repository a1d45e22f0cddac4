package dev.resface.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.model.Direction;
import dev.resface.model.FlopCount;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.training.CelebaTrainingData;
import dev.resface.training.DataConfig;
import dev.resface.training.LossWeights;
import dev.resface.training.residualgan.ResidualGanTrainer;
import dev.resface.training.TrainConfig;
import dev.resface.util.PeakMemory;
import java.io.PrintStream;
import java.nio.file.Path;

/** Times training iterations and generator inference on random images; prints figures, asserts nothing. */
public final class Benchmark {
    private final PrintStream out;

    public Benchmark(PrintStream out) {
        this.out = out;
    }

    public record TrainTiming(double medianSeconds, double imagesPerSecond, double gflops) {}

    /** How every timed iteration trains (Eyeglasses' loss weights); the PyTorch reference is given the same. */
    public static TrainConfig trainConfig(int batch, long iterations) {
        return new TrainConfig(FaceAttribute.EYEGLASSES, iterations, batch, 2e-4, null, 0.5, 0.999,
                new LossWeights(null, null, true), true, null, 1, 1, 1, 1);
    }

    /** Seconds of each timed training iteration on random images, after {@code warmup} untimed ones. */
    public static double[] trainingSeconds(ModelConfig model, int batch, int warmup, int timed) {
        TrainConfig config = trainConfig(batch, warmup + timed);
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
        return seconds;
    }

    public TrainTiming training(ModelConfig model, int batch, int warmup, int timed) {
        double[] seconds = trainingSeconds(model, batch, warmup, timed);
        int s = model.imageSize();
        double median = Timings.median(seconds);
        double gflops = FlopCount.trainingStep(model, true) * batch / median / 1e9;
        TrainTiming t = new TrainTiming(median, batch / median, gflops);
        out.printf("train %3dpx width %.2f batch %2d: %.3f s/iteration (median of %d after %d warm-up, range %s),"
                        + " %.1f images/s, %.1f GFLOP/s%n",
                s, model.width(), batch, median, timed, warmup, Timings.range(seconds, 1, "%.3f"), t.imagesPerSecond(),
                gflops);
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
        double median = Timings.median(seconds);
        out.printf("data  %3dpx batch %2d: %.2f ms/iteration (median of %d, range %s), %.2f%% of the step's %.3f s%n",
                size, batch, median * 1000, timed, Timings.range(seconds, 1000, "%.2f"), 100 * median / stepSeconds,
                stepSeconds);
        return median;
    }

    /** Seconds of each timed call of G1 (the editor's path: a frozen model, an image array in, a change array out). */
    public static double[] inferenceSeconds(ModelConfig model, int batch, int warmup, int timed) {
        int s = model.imageSize();
        double[] seconds = new double[timed];
        try (NDManager manager = Torch.newManager(); ResidualGan gan = new ResidualGan(model, manager)) {
            gan.freeze(); // as a run loaded to edit
            float[] x = new float[batch * 3 * s * s];
            for (int i = -warmup; i < timed; i++) {
                long t0 = System.nanoTime();
                gan.changes(Direction.REMOVE, x, batch, 1f);
                if (i >= 0) {
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        return seconds;
    }

    public double inference(ModelConfig model, int batch, int timed) {
        double[] seconds = inferenceSeconds(model, batch, 2, timed);
        double msPerImage = Timings.median(seconds) * 1000 / batch;
        out.printf("G inference %3dpx width %.2f batch %2d: %.2f ms/image (median of %d, range %s)%n",
                model.imageSize(), model.width(), batch, msPerImage, timed, Timings.range(seconds, 1000.0 / batch, "%.2f"));
        return msPerImage;
    }

    public void peakMemory() {
        out.printf("peak RSS: %.2f GB%n", PeakMemory.peakRssBytes() / 1e9);
    }
}
