package dev.resface.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.image.RgbImage;
import org.junit.jupiter.api.Test;

class ImageConversionsTest {
    @Test
    void byteMapping() {
        assertThat(ImageConversions.toByte(-1f)).isZero();
        assertThat(ImageConversions.toByte(1f)).isEqualTo(255);
        assertThat(ImageConversions.toByte(0f)).isEqualTo(128); // 127.5 rounds up
        assertThat(ImageConversions.toByte(3f)).isEqualTo(255);
        assertThat(ImageConversions.toByte(-2f)).isZero();
        assertThat(ImageConversions.toByte(Float.NaN)).isEqualTo(128);
        assertThat(ImageConversions.toByte(Float.POSITIVE_INFINITY)).isEqualTo(255);
    }

    @Test
    void chwLayoutIsChannelPlanes() {
        // 2x1 image: pixel 0 red, pixel 1 blue. CHW = R plane [1, -1], G plane [-1, -1], B plane [-1, 1]
        float[] chw = {1f, -1f, -1f, -1f, -1f, 1f};
        RgbImage img = ImageConversions.toRgb(chw, 2, 1);
        assertThat(img.pixels()).containsExactly((byte) 255, 0, 0, 0, 0, (byte) 255);
        assertThat(ImageConversions.toChw(img)).containsExactly(chw);
    }

    @Test
    void roundTripIsExactOn8BitValues() {
        RgbImage img = RgbImage.blank(16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int v = y * 16 + x;
                img.set(x, y, 0, v);
                img.set(x, y, 1, 255 - v);
                img.set(x, y, 2, (v * 7) & 0xFF);
            }
        }
        float[] chw = ImageConversions.toChw(img);
        assertThat(chw).hasSize(16 * 16 * 3);
        assertThat(chw[0]).isEqualTo(-1f);
        assertThat(chw[255]).isEqualTo(1f);
        RgbImage back = ImageConversions.toRgb(chw, 16);
        assertThat(back.pixels()).containsExactly(img.pixels());
    }

    @Test
    void addClippedClips() {
        float[] out = ImageConversions.addClipped(new float[] {0.5f, -0.5f, 0f}, new float[] {0.8f, -0.8f, 0.25f});
        assertThat(out).containsExactly(1f, -1f, 0.25f);
    }

    @Test
    void residualMagnitudeSumsAbsOverChannels() {
        // 2x1: pixel 0 = |0.5| + |-0.25| + |0| = 0.75; pixel 1 = 0 + 0 + |-1| = 1
        float[] r = {0.5f, 0f, -0.25f, 0f, 0f, -1f};
        assertThat(ImageConversions.residualMagnitude(r, 2, 1)).containsExactly(0.75f, 1f);
        assertThat(ImageConversions.maxMagnitude(r, 2, 1)).isEqualTo(1f);
    }

    @Test
    void zeroResidualIsTheZeroColourEverywhere() {
        RgbImage heat = ImageConversions.heatMap(new float[3 * 4 * 3], 4, 3, 1.0);
        int zero = Colormap.INFERNO.zeroColour();
        assertThat(zero).isEqualTo(0x000004);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                assertThat(heat.get(x, y, 0) << 16 | heat.get(x, y, 1) << 8 | heat.get(x, y, 2)).isEqualTo(zero);
            }
        }
        RgbImage auto = ImageConversions.heatMapAutoScale(new float[3 * 4 * 3], 4, 3);
        assertThat(auto.pixels()).containsExactly(heat.pixels());
    }

    @Test
    void largerMagnitudeIsBrighter() {
        // 21 pixels in a row, pixel i has magnitude i * 0.1 (in the R channel), scale 2 => t = i / 20
        int w = 21;
        float[] r = new float[3 * w];
        for (int i = 0; i < w; i++) {
            r[i] = (i % 2 == 0 ? 1 : -1) * i * 0.1f;
        }
        RgbImage heat = ImageConversions.heatMap(r, w, 1, 2.0);
        double previous = -1;
        for (int x = 0; x < w; x++) {
            int rgb = heat.get(x, 0, 0) << 16 | heat.get(x, 0, 1) << 8 | heat.get(x, 0, 2);
            double luma = Colormap.luma(rgb);
            assertThat(luma).as("luma at pixel %d", x).isGreaterThan(previous);
            previous = luma;
        }
        // the top of the scale is the colormap's last colour; above the scale clips to it
        assertThat(heat.get(w - 1, 0, 0)).isEqualTo(252);
        assertThat(heat.get(w - 1, 0, 1)).isEqualTo(255);
        assertThat(heat.get(w - 1, 0, 2)).isEqualTo(164);
        RgbImage clipped = ImageConversions.heatMap(r, w, 1, 0.5);
        assertThat(clipped.get(w - 1, 0, 1)).isEqualTo(255);
    }

    @Test
    void colormapLumaIsMonotoneOverFineSteps() {
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double luma = Colormap.luma(Colormap.INFERNO.rgb(i / 100.0));
            assertThat(luma).as("luma at %d%%", i).isGreaterThan(previous);
            previous = luma;
        }
    }

    @Test
    void rejectsWrongLengthsAndScales() {
        assertThatThrownBy(() -> ImageConversions.toRgb(new float[10], 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageConversions.heatMap(new float[12], 2, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageConversions.heatMap(new float[12], 2, 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
