package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.FaceAttribute;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimAndDetailTest {
    static float[] constant(int w, int h, float v) {
        float[] x = new float[3 * w * h];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void ssimOfConstantImagesIsTheLuminanceTerm() {
        // grey levels 127.5 and 153: variances and covariance vanish, so SSIM = (2 a b + C1) / (a^2 + b^2 + C1)
        double c1 = Math.pow(0.01 * 255, 2);
        double expected = (2 * 127.5 * 153 + c1) / (127.5 * 127.5 + 153 * 153 + c1);
        assertThat(Ssim.of(constant(16, 12, 0f), constant(16, 12, 0.2f), 16, 12)).isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(0.983609, within(1e-6)); // 39021.5025 / 39671.7525
    }

    @Test
    void ssimIsOneForIdenticalImagesAndFallsWithNoise() {
        Random r = new Random(3);
        float[] x = new float[3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        assertThat(Ssim.of(x, x, 32, 32)).isCloseTo(1.0, within(1e-12));
        double previous = 1;
        for (double noise : new double[] {0.02, 0.1, 0.4}) {
            float[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] += (float) (noise * r.nextGaussian());
            }
            double s = Ssim.of(x, y, 32, 32);
            assertThat(s).isLessThan(previous);
            previous = s;
        }
        // a single 11x11 window with one channel offset by a constant: only the luminance term of that channel drops
        float[] a = new float[3 * 121];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) / 7f - 0.5f;
        }
        float[] b = a.clone();
        for (int i = 0; i < 121; i++) {
            b[i] += 0.1f; // +12.75 grey levels in red
        }
        double[] red = new double[121];
        for (int i = 0; i < 121; i++) {
            red[i] = GroundTruthScore.grey(a[i]);
        }
        double mean = 0;
        double[] k = gaussian();
        for (int i = 0; i < 121; i++) {
            mean += k[i] * red[i];
        }
        double c1 = Math.pow(0.01 * 255, 2);
        double luminance = (2 * mean * (mean + 12.75) + c1) / (mean * mean + (mean + 12.75) * (mean + 12.75) + c1);
        assertThat(Ssim.of(a, b, 11, 11)).isCloseTo((luminance + 2) / 3, within(1e-4));
    }

    static double[] gaussian() {
        double[] k = new double[121];
        double sum = 0;
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 11; x++) {
                k[y * 11 + x] = Math.exp(-((x - 5) * (x - 5) + (y - 5) * (y - 5)) / 4.5);
                sum += k[y * 11 + x];
            }
        }
        for (int i = 0; i < 121; i++) {
            k[i] /= sum;
        }
        return k;
    }

    @Test
    void aStreakAlongARowCountsWhileSpeckleOfBothSignsCancels() {
        // 4x4, no region: a band of +8 along row 1 of every channel, against +8 / -8 alternating over the same pixels
        float[] input = constant(4, 4, 0f);
        float[] band = input.clone();
        float[] speckle = input.clone();
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 4; x++) {
                band[c * 16 + 4 + x] = 8 / 127.5f;
                speckle[c * 16 + 4 + x] = (x % 2 == 0 ? 8 : -8) / 127.5f;
            }
        }
        DetailPreservation streaked = DetailPreservation.of(input, band, new boolean[16], 4);
        DetailPreservation speckled = DetailPreservation.of(input, speckle, new boolean[16], 4);
        assertThat(streaked.maeOutside()).isCloseTo(speckled.maeOutside(), within(1e-6));
        assertThat(streaked.streak()).isCloseTo(Math.sqrt(64.0 / 4), within(1e-4)); // one of four rows at 8
        assertThat(speckled.streak()).isCloseTo(0, within(1e-4));
    }

    @Test
    void detailPreservationHandComputed() {
        // 2x2 image, region = pixel 0; red of pixel 0 +10 grey levels, green of pixel 3 +5
        float[] input = constant(2, 2, 0f);
        float[] edited = input.clone();
        edited[0] += 10 / 127.5f;
        edited[4 + 3] += 5 / 127.5f;
        DetailPreservation d = DetailPreservation.of(input, edited, new boolean[] {true, false, false, false}, 2);
        assertThat(d.maeOutside()).isCloseTo(5.0 / 9, within(1e-4));
        assertThat(d.psnrOutside()).isCloseTo(10 * Math.log10(255.0 * 255 * 9 / 25), within(1e-3));
        assertThat(d.energyInside()).isCloseTo(100.0 / 125, within(1e-4));
        // rows outside the region: red row 0 holds pixel 1 only (0), green row 1 has mean 2.5; five other rows 0
        assertThat(d.streak()).isCloseTo(Math.sqrt(2.5 * 2.5 / 6), within(1e-4));
        DetailPreservation none = DetailPreservation.of(input, input, new boolean[4], 2);
        assertThat(none.streak()).isZero();
        assertThat(none.maeOutside()).isZero();
        assertThat(none.psnrOutside()).isInfinite();
        assertThat(none.energyInside()).isNaN();
    }

    @Test
    void regionsFromFiveLandmarks() {
        double[] five = {40, 50, 80, 50, 60, 70, 45, 90, 75, 90}; // inter-ocular 40
        boolean[] eyes = AttributeRegion.of(FaceAttribute.EYEGLASSES, five, 128, 128);
        // x 10..110, y 32..68
        assertThat(eyes[32 * 128 + 10]).isTrue();
        assertThat(eyes[32 * 128 + 9]).isFalse();
        assertThat(eyes[68 * 128 + 110]).isTrue();
        assertThat(eyes[69 * 128 + 110]).isFalse();
        assertThat(count(eyes)).isEqualTo(101 * 37);
        boolean[] mouth = AttributeRegion.of(FaceAttribute.SMILING, five, 128, 128);
        // x 31..89, y 74..110
        assertThat(count(mouth)).isEqualTo(59 * 37);
        assertThat(mouth[74 * 128 + 31]).isTrue();
        assertThat(mouth[73 * 128 + 31]).isFalse();
        boolean[] beard = AttributeRegion.of(FaceAttribute.NO_BEARD, five, 128, 128);
        // x 13..107, y 70..127
        assertThat(count(beard)).isEqualTo(95 * 58);
        assertThat(count(AttributeRegion.of(FaceAttribute.MALE, five, 128, 128))).isEqualTo(128 * 128);
    }

    static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
