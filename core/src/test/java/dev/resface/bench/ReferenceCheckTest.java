package dev.resface.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.bench.ReferenceCheck.Draw;
import dev.resface.bench.ReferenceCheck.Outcome;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How two runs' losses are compared, and when resface counts as computing the same losses as the reference. */
class ReferenceCheckTest {
    private static final int PERCEPTUAL = ReferenceCheck.LOSSES.indexOf("G0_per");

    private static double[] losses(double first, double perceptual) {
        double[] v = new double[ReferenceCheck.LOSSES.size()];
        java.util.Arrays.fill(v, 2.0);
        v[0] = first;
        v[ReferenceCheck.LOSSES.indexOf("G0_per")] = perceptual;
        return v;
    }

    @Test
    void eachLossIsComparedRelativeToItsSize() {
        double[][] d = ReferenceCheck.distances(List.of(losses(4.0, 0.0), losses(2.0, 500.0)),
                List.of(losses(4.002, 0.0), losses(2.0, 500.5)));
        assertThat(d[0][0]).isCloseTo(0.002 / 4.002, offset(1e-12));
        assertThat(d[1][PERCEPTUAL]).isCloseTo(0.5 / 500.5, offset(1e-12));
        assertThat(d[1][0]).isZero();
    }

    @Test
    void aLossNearZeroIsComparedAbsolutely() {
        // 0.001 against 0.002 is a 50% difference of a tiny value; against the 0.01 floor it is 0.1.
        double[][] d = ReferenceCheck.distances(List.<double[]>of(losses(2.0, 0.001)), List.<double[]>of(losses(2.0, 0.002)));
        assertThat(d[0][PERCEPTUAL]).isCloseTo(0.1, offset(1e-12));
    }

    @Test
    void aNanIsInfinitelyFar() {
        double[][] d = ReferenceCheck.distances(List.<double[]>of(losses(Double.NaN, 1.0)), List.<double[]>of(losses(2.0, 1.0)));
        assertThat(d[0][0]).isInfinite();
        assertThat(new Outcome(d, new double[][] {filled(1)}).passes()).isFalse();
    }

    @Test
    void eachLossPassesWithinTenTimesPyTorchsOwnFloat32DistanceOrTheFloor() {
        double[][] pytorch = {filled(2e-4)};
        double[][] within = {filled(1.9e-3)};
        assertThat(new Outcome(within, pytorch).passes()).isTrue();
        double[][] past = {filled(1.9e-3)};
        past[0][3] = 2.1e-3;
        assertThat(new Outcome(past, pytorch).passes()).isFalse();
        assertThat(new Outcome(past, pytorch).describe()).isEqualTo("iteration 1, " + ReferenceCheck.LOSSES.get(3)
                + ": resface 2.1e-03, PyTorch float32 2.0e-04");
        assertThat(new Outcome(new double[][] {filled(9e-5)}, new double[][] {filled(0)}).passes()).isTrue();
        assertThat(new Outcome(new double[][] {filled(2e-4)}, new double[][] {filled(0)}).passes()).isFalse();
    }

    private static double[] filled(double v) {
        double[] out = new double[ReferenceCheck.LOSSES.size()];
        java.util.Arrays.fill(out, v);
        return out;
    }

    /**
     * Losses recorded by the check itself (128px, batch 2, two iterations, three draws, D with and without batch norm;
     * AMD EPYC, Zen 4, AVX-512 kernels, libtorch 2.7.1 against Debian's torch 1.13, 2026-12-07). With batch norm in D,
     * PyTorch's float32 generator losses part from float64 by up to 5.6e-3 at the first iteration, about what a
     * planted bug moves a loss by; without it by 2.3e-4, so that check is the one that must catch a wrong loss, which
     * both share.
     */
    private static Map<String, List<Draw>> recorded() throws Exception {
        try (InputStream in = ReferenceCheckTest.class.getResourceAsStream("reference-check.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<Draw>> out = new LinkedHashMap<>();
            for (String key : new String[] {"noBatchNorm", "batchNorm"}) {
                List<Draw> draws = new ArrayList<>();
                for (JsonNode d : root.get(key)) {
                    draws.add(new Draw(ReferenceCheck.values(d.get("resface")),
                            ReferenceCheck.values(d.get("nchw")), ReferenceCheck.values(d.get("channelsLast")),
                            ReferenceCheck.values(d.get("float64"))));
                }
                out.put(key, draws);
            }
            return out;
        }
    }

    @Test
    void theHonestRunsPassWithAndWithoutBatchNorm() throws Exception {
        for (List<Draw> draws : recorded().values()) {
            Outcome o = ReferenceCheck.judge(draws);
            assertThat(o.passes()).as(o.describe()).isTrue();
        }
    }

    /** A bug planted in resface's losses of every iteration, as a wrong line in the loss code would put it. */
    private static Outcome planted(List<Draw> draws, java.util.function.Consumer<double[]> bug) {
        List<Draw> out = new ArrayList<>();
        for (Draw d : draws) {
            List<double[]> wrong = new ArrayList<>();
            for (double[] it : d.resface()) {
                double[] v = it.clone();
                bug.accept(v);
                wrong.add(v);
            }
            out.add(new Draw(wrong, d.nchw(), d.channelsLast(), d.float64()));
        }
        return ReferenceCheck.judge(out);
    }

    @Test
    void aLossScaledByOnePercentAWrongSignOrAMissingTermIsCaught() throws Exception {
        List<Draw> draws = recorded().get("noBatchNorm");
        int total = ReferenceCheck.LOSSES.indexOf("loss_G0");
        int adversarial = ReferenceCheck.LOSSES.indexOf("loss_G0_adv");
        int dual = ReferenceCheck.LOSSES.indexOf("loss_G1_dual");
        int total1 = ReferenceCheck.LOSSES.indexOf("loss_G1");
        assertThat(planted(draws, v -> {
            v[total] += 0.01 * v[adversarial];
            v[adversarial] *= 1.01;
        }).passes()).as("adversarial term scaled by 1.01").isFalse();
        assertThat(planted(draws, v -> v[total1] -= 2 * v[dual]).passes()).as("dual term with the wrong sign").isFalse();
        assertThat(planted(draws, v -> v[total1] -= v[dual]).passes()).as("dual term missing").isFalse();
        assertThat(planted(draws, v -> v[0] *= 1.001).passes()).as("D's loss 0.1% off").isFalse();
    }
}
