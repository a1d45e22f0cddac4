package dev.resface.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.training.ResidualGanTrainer;
import dev.resface.training.StepLosses;
import dev.resface.training.TrainConfig;
import dev.resface.util.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a race, proof that it is fair: resface and the PyTorch reference start from the same weights and images
 * (exported as .npy), run the same iterations, and must give the same losses. Which tolerance is "the same" is
 * measured, not assumed: Adam's first step moves every weight by the learning rate in the direction of its gradient's
 * sign, so a weight whose gradient is near zero moves either way on float rounding alone. The reference is therefore
 * run twice, in NCHW and in channels-last memory; resface may differ from it by no more than a few times what that
 * layout change alone makes PyTorch differ from itself.
 */
public final class ReferenceCheck {
    /** The order the reference prints an iteration's losses in. */
    static final List<String> LOSSES = List.of("loss_D", "loss_G0", "loss_G0_adv", "loss_G0_dual", "G0_pix", "G0_per",
            "loss_G1", "loss_G1_adv", "loss_G1_dual", "G1_pix", "G1_per");
    /** How many times PyTorch's own layout spread resface may differ by. */
    public static final double SPREAD_FACTOR = 3;
    /** A difference this small passes whatever the spread: float32 sums over a batch agree to about this much. */
    public static final double FLOOR = 1e-4;
    /** Scale below which a loss is compared absolutely: the perceptual term can start near zero. */
    private static final double SMALL_LOSS = 1e-2;

    /** Per iteration: resface against the reference, and the reference against itself in the other layout. */
    public record Outcome(Difference[] resface, Difference[] layoutSpread) {
        public boolean passes() {
            for (int i = 0; i < resface.length; i++) {
                if (!(resface[i].relative() <= Math.max(FLOOR, SPREAD_FACTOR * layoutSpread[i].relative()))) {
                    return false;
                }
            }
            return true;
        }

        public String describe() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < resface.length; i++) {
                s.append(i == 0 ? "" : "; ").append(String.format("iteration %d: %.1e (%s), PyTorch against itself"
                        + " %.1e (%s)", i + 1, resface[i].relative(), resface[i].loss(), layoutSpread[i].relative(),
                        layoutSpread[i].loss()));
            }
            return s.toString();
        }
    }

    /** The worst relative difference of an iteration's losses, and which loss it was. */
    public record Difference(double relative, String loss) {}

    private ReferenceCheck() {}

    public static Outcome run(PyTorchReference reference, ModelConfig model, int batch, int iterations) {
        TrainConfig train = Benchmark.trainConfig(batch, iterations);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("resface-reference-check-");
            List<double[]> ours = new ArrayList<>();
            int s = model.imageSize();
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
            List<double[]> theirs = values(reference.run("check", args).path("losses"));
            args.add("--channels-last");
            List<double[]> theirsChannelsLast = values(reference.run("check", args).path("losses"));
            return new Outcome(compare(ours, theirs), compare(theirsChannelsLast, theirs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.delete(dir);
        }
    }

    /** Per iteration, the worst relative difference between two runs' losses. */
    static Difference[] compare(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            throw new IllegalStateException("one side ran " + a.size() + " iterations, the other " + b.size());
        }
        Difference[] out = new Difference[a.size()];
        for (int i = 0; i < a.size(); i++) {
            out[i] = new Difference(0, LOSSES.get(0));
            for (int k = 0; k < LOSSES.size(); k++) {
                double x = a.get(i)[k];
                double y = b.get(i)[k];
                double d = Math.abs(x - y) / Math.max(SMALL_LOSS, Math.max(Math.abs(x), Math.abs(y)));
                if (!(d <= out[i].relative())) {
                    out[i] = new Difference(Double.isNaN(d) ? Double.POSITIVE_INFINITY : d, LOSSES.get(k));
                }
            }
        }
        return out;
    }

    static double[] values(StepLosses losses) {
        return LOSSES.stream().mapToDouble(name -> losses.values().get(name)).toArray();
    }

    private static List<double[]> values(JsonNode iterations) {
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
