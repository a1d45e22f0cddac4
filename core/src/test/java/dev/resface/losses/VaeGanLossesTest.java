package dev.resface.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class VaeGanLossesTest extends WithManager {
    private NDArray rows(float... v) {
        return m.create(v, new Shape(2, v.length / 2));
    }

    @Test
    void priorIsTheKlDivergenceToTheStandardNormalPerFace() {
        // face 1: mu (1, 0), log var (0, ln 2): -1/2 [(1 + 0 - 1 - 1) + (1 + ln 2 - 0 - 2)] = 1 - ln(2) / 2
        // face 2: mu (0, 0), log var (0, 0): 0. Mean over the two faces.
        NDArray mu = rows(1, 0, 0, 0);
        NDArray logVar = rows(0, (float) Math.log(2), 0, 0);
        double expected = (1 - Math.log(2) / 2) / 2;
        assertThat(VaeGanLosses.prior(mu, logVar).getFloat()).isCloseTo((float) expected, within(1e-6f));
        assertThat(VaeGanLosses.prior(rows(0, 0, 0, 0), rows(0, 0, 0, 0)).getFloat()).isZero();
    }

    @Test
    void similarityIsHalfTheSquaredDistanceOfDisLPerFace() {
        // face 1: (1 - 0)^2 + (3 - 1)^2 = 5; face 2: (2 - 2)^2 + (0 - 1)^2 = 1 -> (5/2 + 1/2) / 2 = 1.5
        assertThat(VaeGanLosses.similarity(rows(1, 3, 2, 0), rows(0, 1, 2, 1)).getFloat()).isCloseTo(1.5f, within(1e-6f));
    }

    @Test
    void dCostsAreTheGuardedLogsOfItsSigmoid() {
        // logits 0 and ln 3: sigmoid 1/2 and 3/4
        NDArray logits = m.create(new float[] {0, (float) Math.log(3)}, new Shape(2, 1));
        double real = -(Math.log(0.5 + 1e-3) + Math.log(0.75 + 1e-3)) / 2;
        double fake = -(Math.log(0.5 + 1e-3) + Math.log(0.25 + 1e-3)) / 2;
        assertThat(VaeGanLosses.realCost(logits).getFloat()).isCloseTo((float) real, within(1e-6f));
        assertThat(VaeGanLosses.fakeCost(logits).getFloat()).isCloseTo((float) fake, within(1e-6f));
        // A certain D still costs at most -log(1e-3), so no log of zero.
        NDArray sure = m.create(new float[] {-100, -100}, new Shape(2, 1));
        assertThat(VaeGanLosses.realCost(sure).getFloat()).isCloseTo((float) -Math.log(1e-3), within(1e-4f));
    }

    @Test
    void eachNetworkGetsItsOwnShare() {
        NDArray a = m.create(2f);
        NDArray b = m.create(3f);
        NDArray c = m.create(5f);
        // D: 0.66 * 2 + 0.34 * 3
        assertThat(VaeGanLosses.discriminator(a, b, 0.66).getFloat()).isCloseTo(2.34f, within(1e-6f));
        // decoder: gamma * llike - (1 - gamma) * D's cost on what it generated = 0.1 * 2 - 0.9 * 5
        assertThat(VaeGanLosses.decoder(a, c, 0.1).getFloat()).isCloseTo(0.2f - 4.5f, within(1e-5f));
        // encoder: prior + llike
        assertThat(VaeGanLosses.encoder(a, b).getFloat()).isEqualTo(5f);
    }
}
