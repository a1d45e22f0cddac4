package dev.resface.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.data.FaceAttribute;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaceSamplerTest {
    private static final int N = 2000;

    private static FaceParams[] sample(long seed, int n, SynthConfig config) {
        SplittableRandom rng = new SplittableRandom(seed);
        FaceParams[] out = new FaceParams[n];
        for (int i = 0; i < n; i++) {
            out[i] = FaceParams.sample(rng, config);
        }
        return out;
    }

    private static double rate(FaceParams[] faces, FaceAttribute a) {
        int on = 0;
        for (FaceParams p : faces) {
            on += p.has(a) ? 1 : 0;
        }
        return (double) on / faces.length;
    }

    private static double pearson(FaceParams[] faces, FaceAttribute a, FaceAttribute b) {
        double ma = rate(faces, a);
        double mb = rate(faces, b);
        double cov = 0;
        for (FaceParams p : faces) {
            cov += ((p.has(a) ? 1 : 0) - ma) * ((p.has(b) ? 1 : 0) - mb);
        }
        cov /= faces.length;
        return cov / Math.sqrt(ma * (1 - ma) * mb * (1 - mb));
    }

    @Test
    void marginalsAreCelebaLike() {
        FaceParams[] faces = sample(42, N, SynthConfig.defaults());
        assertThat(rate(faces, FaceAttribute.MALE)).isBetween(0.37, 0.47);
        assertThat(rate(faces, FaceAttribute.YOUNG)).isBetween(0.72, 0.82);
        assertThat(rate(faces, FaceAttribute.SMILING)).isBetween(0.43, 0.53);
        assertThat(rate(faces, FaceAttribute.MOUTH_SLIGHTLY_OPEN)).isBetween(0.43, 0.53);
        assertThat(rate(faces, FaceAttribute.NO_BEARD)).isBetween(0.80, 0.88);
        assertThat(rate(faces, FaceAttribute.EYEGLASSES)).isBetween(0.17, 0.23);
    }

    @Test
    void beardsOnlyOnMenSoMaleAndNoBeardCorrelateNegatively() {
        FaceParams[] faces = sample(7, 500, SynthConfig.defaults());
        for (FaceParams p : faces) {
            if (!p.male()) {
                assertThat(p.noBeard()).as("a sampled woman has no beard").isTrue();
            }
        }
        assertThat(pearson(faces, FaceAttribute.MALE, FaceAttribute.NO_BEARD)).isLessThan(-0.3);
    }

    @Test
    void correlationsFollowCeleba() {
        FaceParams[] faces = sample(9, N, SynthConfig.defaults());
        assertThat(pearson(faces, FaceAttribute.SMILING, FaceAttribute.MOUTH_SLIGHTLY_OPEN)).isGreaterThan(0.4);
        assertThat(pearson(faces, FaceAttribute.MALE, FaceAttribute.EYEGLASSES)).isGreaterThan(0.1);
        assertThat(pearson(faces, FaceAttribute.YOUNG, FaceAttribute.EYEGLASSES)).isLessThan(-0.1);
        assertThat(pearson(faces, FaceAttribute.MALE, FaceAttribute.YOUNG)).isLessThan(-0.1);
        int longWomen = 0;
        int women = 0;
        int longMen = 0;
        int men = 0;
        for (FaceParams p : faces) {
            if (p.male()) {
                men++;
                longMen += p.longHair() ? 1 : 0;
            } else {
                women++;
                longWomen += p.longHair() ? 1 : 0;
            }
        }
        assertThat((double) longWomen / women).isGreaterThan(0.6);
        assertThat((double) longMen / men).isLessThan(0.15);
    }

    @Test
    void eyeglassesRateIsConfigurable() {
        assertThat(rate(sample(3, N, SynthConfig.defaults().withEyeglassesRate(0.07)), FaceAttribute.EYEGLASSES))
                .isBetween(0.05, 0.09);
        assertThat(rate(sample(3, N, SynthConfig.defaults().withEyeglassesRate(0)), FaceAttribute.EYEGLASSES))
                .isZero();
        assertThatThrownBy(() -> SynthConfig.defaults().withEyeglassesRate(1.5))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void withChangesOneAttributeAndUnbeardsWomen() {
        FaceParams bearded = sample(1, 1, SynthConfig.defaults())[0]
                .with(FaceAttribute.MALE, true).with(FaceAttribute.NO_BEARD, false);
        FaceParams woman = bearded.flip(FaceAttribute.MALE);
        assertThat(woman.male()).isFalse();
        assertThat(woman.noBeard()).isTrue();
        assertThat(woman.look()).isSameAs(bearded.look());
        for (FaceAttribute a : FaceAttribute.values()) {
            FaceParams flipped = bearded.flip(a);
            assertThat(flipped.has(a)).isNotEqualTo(bearded.has(a));
            for (FaceAttribute other : FaceAttribute.values()) {
                boolean coupled = a == FaceAttribute.MALE && other == FaceAttribute.NO_BEARD;
                if (other != a && !coupled) {
                    assertThat(flipped.has(other)).as("%s after flipping %s", other, a).isEqualTo(bearded.has(other));
                }
            }
        }
        assertThat(bearded.with(FaceAttribute.SMILING, bearded.smiling())).isEqualTo(bearded);
    }
}
