package dev.resface.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.FaceAttribute;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    static TrainConfig decaying(long iterations, Double from) {
        return new TrainConfig(FaceAttribute.EYEGLASSES, iterations, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(null, null, true), true, from, 1, 10, 10, 1);
    }

    @Test
    void withoutDecayEveryRateStaysThePapers() {
        TrainConfig c = decaying(10, null);
        for (long it = 1; it <= 10; it++) {
            assertThat(c.rateScale(it)).isEqualTo(1.0);
        }
        assertThat(c.discriminatorLearningRate()).isEqualTo(2e-4);
    }

    @Test
    void decayIsLinearFromItsStartToTheLastIteration() {
        TrainConfig c = decaying(10, 0.6); // constant through iteration 6, then 4/4, 3/4, 2/4, 1/4
        assertThat(c.rateScale(1)).isEqualTo(1.0);
        assertThat(c.rateScale(6)).isEqualTo(1.0);
        assertThat(c.rateScale(7)).isCloseTo(1.0, within(1e-12));
        assertThat(c.rateScale(8)).isCloseTo(0.75, within(1e-12));
        assertThat(c.rateScale(10)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aDecayStartOutsideTheRunIsRefused() {
        assertThatThrownBy(() -> decaying(10, 1.0)).hasMessageContaining("[0, 1)");
    }
}
