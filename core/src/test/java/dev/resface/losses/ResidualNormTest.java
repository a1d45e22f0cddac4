package dev.resface.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ResidualNormTest extends WithManager {
    /** Two images of four values: (1, -2, 0, 2) and (0.5, 0.5, 0.5, 0.5). */
    private NDArray residuals() {
        return m.create(new float[] {1, -2, 0, 2, 0.5f, 0.5f, 0.5f, 0.5f}, new Shape(2, 1, 2, 2));
    }

    @Test
    void l1IsThePerImageSumOfMagnitudes() {
        // (1 + 2 + 0 + 2 + 4 * 0.5) / 2 = 3.5
        assertThat(ResidualNorm.L1.of(residuals()).getFloat()).isCloseTo(3.5f, within(1e-6f));
    }

    @Test
    void l2IsSqrtPTimesTheEuclideanNormAndEqualsL1OnAUniformResidual() {
        // image 1: sqrt(4) * sqrt(1 + 4 + 0 + 4) = 2 * 3 = 6; image 2: 2 * sqrt(4 * 0.25) = 2 = its L1 -> mean 4
        assertThat(ResidualNorm.L2.of(residuals()).getFloat()).isCloseTo(4f, within(1e-5f));
        NDArray uniform = m.create(new float[] {0.5f, -0.5f, 0.5f, -0.5f}, new Shape(1, 1, 2, 2));
        assertThat(ResidualNorm.L2.of(uniform).getFloat()).isCloseTo(ResidualNorm.L1.of(uniform).getFloat(), within(1e-5f));
    }

    @Test
    void l2HasAFiniteGradientAtAZeroResidual() {
        NDArray zero = m.zeros(new Shape(2, 3, 4, 4));
        zero.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            gc.backward(ResidualNorm.L2.of(zero));
        }
        float[] g = zero.getGradient().toFloatArray();
        for (float v : g) {
            assertThat(v).isEqualTo(0f);
        }
    }

    @Test
    void logChargesFaintChangesAsL1AndLargeOnesLittleMore() {
        // 0.1 ln(1 + 10 |r|) per value: image 1: 0.1 (ln 11 + ln 21 + 0 + ln 21) = 0.848694, image 2: 0.4 ln 6 = 0.716704
        assertThat(ResidualNorm.LOG.of(residuals()).getFloat()).isCloseTo((0.848694f + 0.716704f) / 2, within(1e-5f));
        NDArray faint = m.create(new float[] {1e-3f, -1e-3f}, new Shape(1, 1, 1, 2));
        assertThat(ResidualNorm.LOG.of(faint).getFloat()).isCloseTo(ResidualNorm.L1.of(faint).getFloat(), within(2e-5f));
        // the slope at |r| = 0.9 is 1 / (1 + 9) of L1's
        NDArray rim = m.create(new float[] {-0.9f}, new Shape(1, 1, 1, 1));
        rim.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            gc.backward(ResidualNorm.LOG.of(rim));
        }
        assertThat(rim.getGradient().getFloat()).isCloseTo(-0.1f, within(1e-6f));
    }

    @Test
    void noneWeighsTheTermZeroAndTheOthersByAlpha() {
        assertThat(ResidualNorm.NONE.weight(3e-2)).isZero();
        assertThat(ResidualNorm.L1.weight(3e-2)).isEqualTo(3e-2);
        assertThat(ResidualNorm.L2.weight(3e-2)).isEqualTo(3e-2);
        assertThat(ResidualNorm.parse(" L2 ")).isEqualTo(ResidualNorm.L2);
        assertThatThrownBy(() -> ResidualNorm.parse("l3")).hasMessageContaining("l1, l2, log or none");
    }
}
