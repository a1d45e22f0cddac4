package dev.resface.tools;

import static org.bytedeco.pytorch.global.torch.ScalarType.BFloat16;
import static org.bytedeco.pytorch.global.torch.ScalarType.Float;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Times resface's networks through bytedeco's PyTorch presets (libtorch's C++ API from Java) in float32 and in
 * bfloat16, which DJL 0.36 cannot hold: G1's inference as the editor runs it (Table 1's G: 5x5, two 4x4 stride-2
 * convs, two 3x3 convs each followed by nearest upsampling, the even 4x4 "same" conv; leaky ReLU 0.2 and batch norm
 * on running statistics), and a training iteration of G0, G1 and D (Table 1's D: five 4x4 stride-2 convs, no batch
 * norm, a 3-class head over the last map) with the adversarial and residual terms only, D on [x0, x1, x~0, x~1],
 * then both generators, Adam at 2e-4. Pure bf16 (weights, activations and Adam's state), as there is no autocast.
 * Prints figures; asserts nothing.
 */
public final class Bf16Probe {
    private static final double SLOPE = 0.2;

    private final ScalarType type;
    private final List<Tensor> g0 = new ArrayList<>();
    private final List<Tensor> g1 = new ArrayList<>();
    private final List<Tensor> d = new ArrayList<>();
    private final int width;

    private final int headKernel;

    private Bf16Probe(ScalarType type, int size, double widthScale) {
        this.type = type;
        this.width = (int) Math.round(64 * widthScale);
        for (List<Tensor> g : List.of(g0, g1)) {
            int c = width;
            convInto(g, c, 3, 5);
            convInto(g, 2 * c, c, 4);
            convInto(g, 4 * c, 2 * c, 4);
            convInto(g, 2 * c, 4 * c, 3);
            convInto(g, c, 2 * c, 3);
            convInto(g, 3, c, 4);
        }
        int[] channels = {3, width, 2 * width, 4 * width, 8 * width, 16 * width};
        for (int i = 1; i < channels.length; i++) {
            convInto(d, channels[i], channels[i - 1], 4);
        }
        headKernel = size / 32;
        convInto(d, 3, 16 * width, headKernel); // the head over the whole last map
    }

    /** A conv's weight ~ N(0, 0.02) and zero bias, as trainable leaves of this probe's type. */
    private void convInto(List<Tensor> params, int out, int in, int k) {
        params.add(leaf(torch.randn(out, in, k, k).mul(new Scalar(0.02))));
        params.add(leaf(torch.zeros(out)));
    }

    private Tensor leaf(Tensor t) {
        Tensor typed = t.to(type);
        typed.set_requires_grad(true);
        return typed;
    }

    private Tensor conv(Tensor x, List<Tensor> p, int layer, int stride, int pad) {
        return torch.conv2d(x, p.get(2 * layer), new TensorOptional(p.get(2 * layer + 1)), new long[] {stride, stride},
                new long[] {pad, pad}, new long[] {1, 1}, 1);
    }

    /** Leaky ReLU, then batch norm without scale or shift: on the batch while training, else on unit statistics. */
    private Tensor activate(Tensor x, boolean training) {
        Tensor a = torch.leaky_relu(x, new Scalar(SLOPE));
        long channels = a.size(1);
        Tensor mean = torch.zeros(channels).to(type);
        Tensor variance = torch.ones(channels).to(type);
        return torch.batch_norm(a, new TensorOptional(), new TensorOptional(), new TensorOptional(mean),
                new TensorOptional(variance), training, 0.1, 1e-5, true);
    }

    private static Tensor up(Tensor x) {
        return torch.upsample_nearest2d(x, new long[] {2 * x.size(2), 2 * x.size(3)});
    }

    /** The residual G adds to x. */
    Tensor generate(List<Tensor> g, Tensor x, boolean training) {
        Tensor h = activate(conv(x, g, 0, 1, 2), training);
        h = activate(conv(h, g, 1, 2, 1), training);
        h = activate(conv(h, g, 2, 2, 1), training);
        h = up(activate(conv(h, g, 3, 1, 1), training));
        h = up(activate(conv(h, g, 4, 1, 1), training));
        Tensor out = conv(h, g, 5, 1, 2); // size + 1: drop the first row and column
        return out.slice(2, new LongOptional(1), new LongOptional(out.size(2)), 1)
                .slice(3, new LongOptional(1), new LongOptional(out.size(3)), 1);
    }

    Tensor judge(Tensor x) {
        Tensor h = x;
        for (int layer = 0; layer < 5; layer++) {
            h = torch.leaky_relu(conv(h, d, layer, 2, 1), new Scalar(SLOPE));
        }
        return conv(h, d, 5, 1, 0).flatten(1, 3);
    }

    private static Tensor classes(long n, long cls) {
        return torch.full(new long[] {n}, new Scalar(cls), new org.bytedeco.pytorch.TensorOptions(torch.ScalarType.Long));
    }

    /** D's step on [x0, x1, x~0, x~1], then G0 and G1's adversarial and residual terms; Adam on each. */
    void iteration(Tensor x0, Tensor x1, Adam dOptimizer, Adam gOptimizer) {
        long n = x0.size(0);
        Tensor r0 = generate(g0, x0, true);
        Tensor r1 = generate(g1, x1, true);
        Tensor all = torch.cat(new TensorVector(x0, x1, x0.add(r0).detach(), x1.add(r1).detach()));
        Tensor labels = torch.cat(new TensorVector(classes(n, 0), classes(n, 1), classes(2 * n, 2)));
        dOptimizer.zero_grad();
        torch.cross_entropy(judge(all).to(Float), labels).backward();
        dOptimizer.step();
        gOptimizer.zero_grad();
        Tensor edits = torch.cat(new TensorVector(x0.add(r0), x1.add(r1)));
        Tensor wanted = torch.cat(new TensorVector(classes(n, 1), classes(n, 0)));
        Tensor sparsity = r0.abs().mean().add(r1.abs().mean()).to(Float).mul(new Scalar(5e-4));
        torch.cross_entropy(judge(edits).to(Float), wanted).add(sparsity).backward();
        gOptimizer.step();
    }

    private static double[] time(int warmup, int timed, Runnable r) {
        double[] ms = new double[timed];
        for (int i = -warmup; i < timed; i++) {
            long t0 = System.nanoTime();
            // every tensor a call makes is freed when its scope closes, not when the JVM collects its Java object
            try (PointerScope scope = new PointerScope()) {
                r.run();
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String figure(double[] sortedMs, double perItem, String unit) {
        return String.format(Locale.ROOT, "%.2f %s (median of %d, range %.2f-%.2f)", sortedMs[sortedMs.length / 2] / perItem,
                unit, sortedMs.length, sortedMs[0] / perItem, sortedMs[sortedMs.length - 1] / perItem);
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        torch.set_num_threads(threads);
        torch.manual_seed(1);
        System.out.println("bytedeco pytorch presets 2.10.0-1.5.13, " + threads + " threads, MKL " + torch.hasMKL()
                + ", oneDNN " + torch.hasMKLDNN() + " (enabled " + torch.globalContext().userEnabledMkldnn() + "), kernels "
                + torch.get_cpu_capability().getString() + ", denormals flushed " + org.bytedeco.pytorch.Context.setFlushDenormal(true));
        for (int round = 0; round < rounds; round++) {
            for (ScalarType type : new ScalarType[] {Float, BFloat16}) {
                String name = type == Float ? "float32" : "bf16";
                for (int[] sw : new int[][] {{128, 100}, {64, 50}}) {
                    int size = sw[0];
                    Bf16Probe p = new Bf16Probe(type, size, sw[1] / 100.0);
                    for (int batch : new int[] {1, 32}) {
                        Tensor x = torch.rand(batch, 3, size, size).mul(new Scalar(2)).sub(new Scalar(1)).to(type);
                        double[] ms;
                        try (InferenceMode guard = new InferenceMode()) {
                            ms = time(3, batch == 1 ? 30 : 5, () -> p.generate(p.g1, x, false).to(Float).contiguous());
                        }
                        System.out.printf(Locale.ROOT, "round %d %-7s G inference %3dpx width %.2f batch %2d: %s%n",
                                round + 1, name, size, sw[1] / 100.0, batch, figure(ms, batch, "ms/image"));
                    }
                    int batch = 8;
                    Tensor x0 = torch.rand(batch, 3, size, size).mul(new Scalar(2)).sub(new Scalar(1)).to(type);
                    Tensor x1 = torch.rand(batch, 3, size, size).mul(new Scalar(2)).sub(new Scalar(1)).to(type);
                    List<Tensor> gs = new ArrayList<>(p.g0);
                    gs.addAll(p.g1);
                    AdamOptions o = new AdamOptions(2e-4);
                    Adam dOpt = new Adam(new TensorVector(p.d.toArray(new Tensor[0])), o);
                    Adam gOpt = new Adam(new TensorVector(gs.toArray(new Tensor[0])), new AdamOptions(2e-4));
                    double[] ms = time(2, 5, () -> p.iteration(x0, x1, dOpt, gOpt));
                    System.out.printf(Locale.ROOT, "round %d %-7s train     %3dpx width %.2f batch %2d: %s%n", round + 1,
                            name, size, sw[1] / 100.0, batch, figure(ms, 1000, "s/iteration"));
                }
            }
        }
    }
}
