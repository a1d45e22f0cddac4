package dev.resface.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.training.residualgan.ResidualGanTrainer;
import dev.resface.training.StepLosses;
import dev.resface.training.TrainConfig;
import dev.resface.util.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Before a race, proof that it is fair: resface and the PyTorch reference start from the same weights and images
 * (exported as .npy), run the same iterations, and must give the same losses. "The same" is measured against a
 * yardstick, not assumed: the reference runs the iterations in float64 too, and resface's float32 losses may be no
 * further from those than a few times the furthest of PyTorch's own float32 runs (NCHW and channels last), over
 * several draws of weights and images. Float32 runs part from float64 even at the first iteration's generator losses,
 * because D has taken one Adam step by then, and Adam's first step moves every weight by the learning rate in the
 * direction of its gradient's sign, so a weight whose gradient is near zero moves either way on rounding alone: how
 * far that goes depends on the CPU's kernels, so it is measured on the machine that races.
 */
public final class ReferenceCheck {
    /** The order the reference prints an iteration's losses in. */
    static final List<String> LOSSES = List.of("loss_D", "loss_G0", "loss_G0_adv", "loss_G0_dual", "G0_pix", "G0_per",
            "loss_G1", "loss_G1_adv", "loss_G1_dual", "G1_pix", "G1_per");
    /** How many times PyTorch's own float32 distance to float64 resface's may be. */
    public static final double SPREAD_FACTOR = 10;
    /** A difference this small passes whatever the spread: float32 sums over a batch agree to about this much. */
    public static final double FLOOR = 1e-4;
    /** Scale below which a loss is compared absolutely: the perceptual term can start near zero. */
    private static final double SMALL_LOSS = 1e-2;

    /** One draw of weights and images: each side's losses per iteration, in the order of {@link #LOSSES}. */
    public record Draw(List<double[]> resface, List<double[]> nchw, List<double[]> channelsLast,
            List<double[]> float64) {}

    /**
     * Per iteration and loss: resface's worst distance to float64 over the draws, and PyTorch's own float32 runs'
     * worst. Each loss is judged against its own spread: D's loss at the first iteration comes before any step and
     * agrees to float rounding, while the generators' losses carry the spread of D's first step.
     */
    public record Outcome(double[][] resface, double[][] pytorch) {
        public boolean passes() {
            for (int i = 0; i < resface.length; i++) {
                for (int k = 0; k < LOSSES.size(); k++) {
                    if (!(resface[i][k] <= allowed(i, k))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private double allowed(int i, int k) {
            return Math.max(FLOOR, SPREAD_FACTOR * pytorch[i][k]);
        }

        /** One line: each iteration's loss that came closest to (or went past) what it is allowed. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < resface.length; i++) {
                int worst = 0;
                for (int k = 1; k < LOSSES.size(); k++) {
                    if (!(resface[i][k] / allowed(i, k) <= resface[i][worst] / allowed(i, worst))) {
                        worst = k;
                    }
                }
                s.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "iteration %d, %s: resface %.1e,"
                        + " PyTorch float32 %.1e", i + 1, LOSSES.get(worst), resface[i][worst], pytorch[i][worst]));
            }
            return s.toString();
        }
    }

    private ReferenceCheck() {}

    /** Distances to float64, the worst over the draws, and for PyTorch over both layouts too. */
    public static Outcome judge(List<Draw> draws) {
        double[][] resface = null;
        double[][] pytorch = null;
        for (Draw d : draws) {
            resface = worse(resface, distances(d.resface(), d.float64()));
            pytorch = worse(pytorch, distances(d.nchw(), d.float64()));
            pytorch = worse(pytorch, distances(d.channelsLast(), d.float64()));
        }
        return new Outcome(resface, pytorch);
    }

    private static double[][] worse(double[][] a, double[][] b) {
        if (a == null) {
            return b;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int k = 0; k < a[i].length; k++) {
                out[i][k] = b[i][k] <= a[i][k] ? a[i][k] : b[i][k];
            }
        }
        return out;
    }

    /** {@code draws} draws (seeds 1 to draws) of weights and images, each run by resface and thrice by the reference. */
    public static List<Draw> run(PyTorchReference reference, ModelConfig model, int batch, int iterations, int draws) {
        List<Draw> out = new ArrayList<>();
        for (int seed = 1; seed <= draws; seed++) {
            out.add(draw(reference, model, batch, iterations, seed));
        }
        return out;
    }

    private static Draw draw(PyTorchReference reference, ModelConfig model, int batch, int iterations, int seed) {
        TrainConfig train = Benchmark.trainConfig(batch, iterations);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("resface-reference-check-");
            List<double[]> ours = new ArrayList<>();
            int s = model.imageSize();
            Torch.seed(seed);
            try (NDManager manager = Torch.newManager(); ResidualGan gan = new ResidualGan(model, manager)) {
                export(gan.g0(), dir, "g0");
                export(gan.g1(), dir, "g1");
                export(gan.d(), dir, "d");
                ResidualGanTrainer trainer = new ResidualGanTrainer(gan, train);
                for (int i = 0; i < iterations; i++) {
                    try (NDManager step = manager.newSubManager()) {
                        NDArray x0 = step.randomUniform(-1, 1, new Shape(batch, 3, s, s));
                        NDArray x1 = step.randomUniform(-1, 1, new Shape(batch, 3, s, s));
                        write(x0, dir.resolve("x0." + i + ".npy"));
                        write(x1, dir.resolve("x1." + i + ".npy"));
                        ours.add(values(trainer.step(x0, x1)));
                    }
                }
            }
            List<String> args = new ArrayList<>(List.of("check", dir.toString(), "--iterations", Integer.toString(iterations)));
            args.addAll(PyTorchReference.options(model, train));
            List<double[]> nchw = values(reference.run("check", args).path("losses"));
            List<double[]> channelsLast = values(reference.run("check", with(args, "--channels-last")).path("losses"));
            List<double[]> float64 = values(reference.run("check", with(args, "--float64")).path("losses"));
            return new Draw(ours, nchw, channelsLast, float64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static List<String> with(List<String> args, String flag) {
        List<String> out = new ArrayList<>(args);
        out.add(flag);
        return out;
    }

    /**
     * Per iteration and loss, the relative difference of two runs' losses (absolute below {@value #SMALL_LOSS}); a NaN
     * is infinitely far.
     */
    static double[][] distances(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            throw new IllegalStateException("one side ran " + a.size() + " iterations, the other " + b.size());
        }
        double[][] out = new double[a.size()][LOSSES.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < LOSSES.size(); k++) {
                double x = a.get(i)[k];
                double y = b.get(i)[k];
                double d = Math.abs(x - y) / Math.max(SMALL_LOSS, Math.max(Math.abs(x), Math.abs(y)));
                out[i][k] = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
            }
        }
        return out;
    }

    static double[] values(StepLosses losses) {
        return LOSSES.stream().mapToDouble(name -> losses.values().get(name)).toArray();
    }

    static List<double[]> values(JsonNode iterations) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode it : iterations) {
            double[] v = new double[LOSSES.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = it.get(k).asDouble();
            }
            out.add(v);
        }
        return out;
    }

    /** A block's parameters in its own order, running statistics included, numbered so they sort in that order. */
    private static void export(Block block, Path dir, String name) throws IOException {
        var params = block.getParameters();
        for (int i = 0; i < params.size(); i++) {
            write(params.valueAt(i).getArray(), dir.resolve(String.format("%s.%03d.npy", name, i)));
        }
    }

    private static void write(NDArray a, Path file) throws IOException {
        NpyFile.write(file, a.toFloatArray(), a.getShape().getShape());
    }
}
