package dev.resface.evaluation.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.resface.landmarks.CelebaPoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandmarkErrorTest {
    // left eye, right eye, nose, left mouth, right mouth; eyes 10 px apart
    static final double[] TRUTH = {0, 0, 10, 0, 5, 5, 2, 10, 8, 10};

    @Test
    void handComputedCase() {
        // left eye off by (3,4) = 5 px, right eye exact: eyes = (5 + 0) / 2 / 10
        // nose off by 1, left mouth exact, right mouth off by (-6,8) = 10: rest = (1 + 0 + 10) / 3 / 10
        double[] predicted = {3, 4, 10, 0, 5, 6, 2, 10, 2, 18};
        LandmarkError e = LandmarkError.of(predicted, TRUTH);
        assertThat(e.eyes()).isCloseTo(0.25, within(1e-12));
        assertThat(e.rest()).isCloseTo(11.0 / 30, within(1e-12));
    }

    @Test
    void againstACounterpartTheGivenNormaliserIsUsed() {
        double[] shifted = TRUTH.clone();
        for (int i = 0; i < shifted.length; i += 2) {
            shifted[i] += 2; // every point 2 px to the right
        }
        LandmarkError e = LandmarkError.of(shifted, TRUTH, 40);
        assertThat(e.eyes()).isCloseTo(0.05, within(1e-12));
        assertThat(e.rest()).isCloseTo(0.05, within(1e-12));
        assertThat(LandmarkError.of(TRUTH, TRUTH)).isEqualTo(new LandmarkError(0, 0));
    }

    @Test
    void meanIsPerColumn() {
        LandmarkError m = LandmarkError.mean(List.of(new LandmarkError(0.1, 0.3), new LandmarkError(0.3, 0.5)));
        assertThat(m.eyes()).isCloseTo(0.2, within(1e-12));
        assertThat(m.rest()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void zeroInterOcularIsRejected() {
        double[] collapsed = {1, 1, 1, 1, 5, 5, 2, 10, 8, 10};
        assertThatThrownBy(() -> LandmarkError.of(TRUTH, collapsed)).hasMessageContaining("inter-ocular");
    }

    @Test
    void fivePointsFromSixtyEight() {
        double[] p = new double[136];
        for (int i = 36; i < 42; i++) {
            p[2 * i] = i; // x 36..41: mean 38.5
            p[2 * i + 1] = 2;
        }
        for (int i = 42; i < 48; i++) {
            p[2 * i] = 100 + i; // mean 144.5
            p[2 * i + 1] = 4;
        }
        p[60] = 7;  // nose tip 30
        p[61] = 8;
        p[96] = 9;  // mouth corner 48
        p[97] = 10;
        p[108] = 11; // mouth corner 54
        p[109] = 12;
        double[] five = CelebaPoints.fromIbug68(p);
        assertThat(five).containsExactly(38.5, 2, 144.5, 4, 7, 8, 9, 10, 11, 12);
        assertThat(CelebaPoints.interOcular(five)).isCloseTo(Math.hypot(106, 2), within(1e-12));
    }
}
