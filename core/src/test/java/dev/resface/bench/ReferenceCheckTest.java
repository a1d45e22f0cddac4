package dev.resface.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.bench.ReferenceCheck.Difference;
import dev.resface.bench.ReferenceCheck.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How two runs' losses are compared, and when resface counts as computing the same losses as the reference. */
class ReferenceCheckTest {
    private static double[] losses(double first, double perceptual) {
        double[] v = new double[ReferenceCheck.LOSSES.size()];
        java.util.Arrays.fill(v, 2.0);
        v[0] = first;
        v[ReferenceCheck.LOSSES.indexOf("G0_per")] = perceptual;
        return v;
    }

    @Test
    void theWorstLossOfEachIterationIsFoundRelativeToItsSize() {
        Difference[] d = ReferenceCheck.compare(List.of(losses(4.0, 0.0), losses(2.0, 500.0)),
                List.of(losses(4.002, 0.0), losses(2.0, 500.5)));
        assertThat(d[0].loss()).isEqualTo("loss_D");
        assertThat(d[0].relative()).isCloseTo(0.002 / 4.002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d[1].loss()).isEqualTo("G0_per");
        assertThat(d[1].relative()).isCloseTo(0.5 / 500.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aLossNearZeroIsComparedAbsolutely() {
        // 0.001 against 0.002 is a 50% difference of a tiny value; against the 0.01 floor it is 0.1.
        Difference[] d = ReferenceCheck.compare(List.<double[]>of(losses(2.0, 0.001)), List.<double[]>of(losses(2.0, 0.002)));
        assertThat(d[0].relative()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aNanIsTheWorstDifference() {
        Difference[] d = ReferenceCheck.compare(List.<double[]>of(losses(Double.NaN, 1.0)), List.<double[]>of(losses(2.0, 1.0)));
        assertThat(d[0].relative()).isInfinite();
        assertThat(new Outcome(d, new Difference[] {new Difference(1, "loss_D")}).passes()).isFalse();
    }

    @Test
    void resfacePassesWithinThreeTimesPyTorchsOwnLayoutSpreadOrTheFloor() {
        Difference[] spread = {new Difference(2e-4, "loss_G1_dual"), new Difference(1e-2, "loss_D")};
        assertThat(new Outcome(new Difference[] {new Difference(5e-4, "x"), new Difference(2.9e-2, "x")}, spread).passes())
                .isTrue();
        assertThat(new Outcome(new Difference[] {new Difference(7e-4, "x"), new Difference(1e-2, "x")}, spread).passes())
                .isFalse();
        Difference[] none = {new Difference(0, "loss_D")};
        assertThat(new Outcome(new Difference[] {new Difference(9e-5, "x")}, none).passes()).isTrue();
        assertThat(new Outcome(new Difference[] {new Difference(2e-4, "x")}, none).passes()).isFalse();
    }
}
