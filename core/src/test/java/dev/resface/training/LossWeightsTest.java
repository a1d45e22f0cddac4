package dev.resface.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.FaceAttribute;
import org.junit.jupiter.api.Test;

class LossWeightsTest {
    @Test
    void presetsAndSizeScaling() {
        LossWeights presets = new LossWeights(null, null, true);
        assertThat(presets.effectiveAlpha(FaceAttribute.EYEGLASSES, 128)).isEqualTo(5e-4);
        assertThat(presets.effectiveBeta(FaceAttribute.EYEGLASSES, 128)).isCloseTo(5e-5, within(1e-12));
        assertThat(presets.effectiveAlpha(FaceAttribute.MALE, 128)).isEqualTo(1e-6);
        // (128/32)^2 = 16: 5e-4 -> 8e-3, the scaled value at 32px (docs/method.md, 3).
        assertThat(presets.effectiveAlpha(FaceAttribute.SMILING, 32)).isCloseTo(8e-3, within(1e-12));
        LossWeights fixed = new LossWeights(3e-2, null, false);
        assertThat(fixed.effectiveAlpha(FaceAttribute.EYEGLASSES, 32)).isEqualTo(3e-2);
        assertThat(fixed.effectiveBeta(FaceAttribute.EYEGLASSES, 32)).isCloseTo(3e-3, within(1e-12));
    }
}
