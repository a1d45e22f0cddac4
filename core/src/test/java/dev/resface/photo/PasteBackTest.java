package dev.resface.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PasteBackTest {
    static RgbImage grey(int w, int h, int value) {
        byte[] px = new byte[3 * w * h];
        Arrays.fill(px, (byte) value);
        return new RgbImage(w, h, px);
    }

    /** A 16px crop covering photo pixels 40..119 (5 photo pixels per crop pixel) of a 200x160 photo. */
    static final SimilarityTransform PHOTO_TO_CROP = new SimilarityTransform(0.2, 0, -40 * 0.2 + 0.1 - 0.5, -40 * 0.2 + 0.1 - 0.5);

    @Test
    void theMaskIsOneInsideAndFallsSmoothlyToZeroAtTheSquaresEdge() {
        double band = 2;
        assertThat(PasteBack.ramp(-0.5, 16, band)).isZero(); // on the edge
        assertThat(PasteBack.ramp(-3, 16, band)).isZero(); // outside
        assertThat(PasteBack.ramp(0.5, 16, band)).isCloseTo(0.5, within(1e-12)); // halfway into the band
        assertThat(PasteBack.ramp(1.5, 16, band)).isEqualTo(1); // through it
        assertThat(PasteBack.ramp(7.5, 16, band)).isEqualTo(1);
        assertThat(PasteBack.ramp(14.5, 16, band)).isCloseTo(0.5, within(1e-12)); // the far side alike
        assertThat(PasteBack.ramp(15.5, 16, band)).isZero();
    }

    @Test
    void aConstantChangeLandsInsideTheSquareAndNothingOutsideItMoves() {
        RgbImage photo = grey(200, 160, 100);
        float[] change = new float[3 * 16 * 16];
        Arrays.fill(change, 0.2f);
        PasteBack.add(photo, change, 16, PHOTO_TO_CROP);
        // the crop's centre: the full change, 0.2 * 127.5 = 25.5, rounded half up
        assertThat(photo.get(80, 80, 0)).isEqualTo(126);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 200; x++) {
                boolean inside = x >= 40 && x < 120 && y >= 40 && y < 120;
                if (!inside) {
                    assertThat(photo.get(x, y, 1)).as("(%d, %d)", x, y).isEqualTo(100);
                } else {
                    assertThat(photo.get(x, y, 1)).as("(%d, %d)", x, y).isBetween(100, 126);
                }
            }
        }
        // the band's first pixel inside the edge is barely touched, the change grows toward the middle
        assertThat(photo.get(40, 80, 2)).isBetween(100, 101);
        assertThat(photo.get(45, 80, 2)).isGreaterThan(photo.get(42, 80, 2));
    }

    @Test
    void aZeroChangeLeavesEveryPixelAsItWas() {
        RgbImage photo = grey(200, 160, 0);
        for (int i = 0; i < photo.pixels().length; i++) {
            photo.pixels()[i] = (byte) (i * 31);
        }
        byte[] before = photo.pixels().clone();
        PasteBack.add(photo, new float[3 * 16 * 16], 16, PHOTO_TO_CROP);
        assertThat(photo.pixels()).isEqualTo(before);
    }

    @Test
    void aSquareHalfOutsideThePhotoIsClipped() {
        RgbImage photo = grey(60, 60, 10);
        float[] change = new float[3 * 16 * 16];
        Arrays.fill(change, -1f);
        PasteBack.add(photo, change, 16, PHOTO_TO_CROP); // covers 40..119: only 40..59 of this photo
        assertThat(photo.get(59, 59, 0)).isZero(); // clipped at 0, not wrapped
        assertThat(photo.get(39, 59, 0)).isEqualTo(10);
    }
}
