package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CropRecipeTest {
    private static RgbImage random(long seed) {
        Random r = new Random(seed);
        RgbImage img = RgbImage.blank(178, 218);
        r.nextBytes(img.pixels());
        return img;
    }

    @Test
    void paperAt128IsTheExactCentralSquare() {
        RgbImage src = random(1);
        RgbImage crop = CropRecipe.PAPER.crop(src, 128);
        assertThat(crop.width()).isEqualTo(128);
        assertThat(crop.height()).isEqualTo(128);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(crop.get(x, y, c)).isEqualTo(src.get(25 + x, 45 + y, c));
                }
            }
        }
        // Corners: x 25..152, y 45..172 inclusive.
        assertThat(crop.get(127, 127, 1)).isEqualTo(src.get(152, 172, 1));
    }

    @Test
    void paperAt64IsTheTwoByTwoBoxMeanRoundedHalfUp() {
        RgbImage src = random(2);
        RgbImage crop = CropRecipe.PAPER.crop(src, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                for (int c = 0; c < 3; c++) {
                    int sx = 25 + 2 * x;
                    int sy = 45 + 2 * y;
                    int sum = src.get(sx, sy, c) + src.get(sx + 1, sy, c) + src.get(sx, sy + 1, c)
                            + src.get(sx + 1, sy + 1, c);
                    assertThat(crop.get(x, y, c)).as("(%d,%d,%d)", x, y, c).isEqualTo((sum + 2) / 4);
                }
            }
        }
    }

    @Test
    void roundingIsHalfUp() {
        RgbImage src = RgbImage.blank(178, 218);
        // Box of output (0,0) at 64: sum 1+1+0+0 = 2 -> mean 0.5 -> 1; box of (1,0): 1+0+0+0 -> 0.25 -> 0.
        src.set(25, 45, 0, 1);
        src.set(26, 45, 0, 1);
        src.set(27, 45, 0, 1);
        RgbImage crop = CropRecipe.PAPER.crop(src, 64);
        assertThat(crop.get(0, 0, 0)).isEqualTo(1);
        assertThat(crop.get(1, 0, 0)).isEqualTo(0);
    }

    @Test
    void celeba178CropsFromRow20() {
        RgbImage src = random(3);
        RgbImage crop = CropRecipe.CELEBA_178.crop(src, 178);
        assertThat(crop.get(0, 0, 0)).isEqualTo(src.get(0, 20, 0));
        assertThat(crop.get(177, 177, 2)).isEqualTo(src.get(177, 197, 2));
        assertThat(crop.get(50, 60, 1)).isEqualTo(src.get(50, 80, 1));
    }

    @Test
    void fractionalFactorIsTheExactAreaMean() {
        RgbImage src = random(4);
        int size = 64; // 178 / 64 = 2.78125 source pixels per output pixel
        RgbImage crop = CropRecipe.CELEBA_178.crop(src, size);
        double s = 178.0 / size;
        for (int[] p : new int[][] {{0, 0}, {1, 0}, {17, 40}, {63, 63}, {31, 32}}) {
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int sy = 0; sy < 178; sy++) {
                    double wy = overlap(sy, p[1] * s, (p[1] + 1) * s);
                    for (int sx = 0; sx < 178 && wy > 0; sx++) {
                        double wx = overlap(sx, p[0] * s, (p[0] + 1) * s);
                        sum += wx * wy * src.get(sx, sy + 20, c);
                    }
                }
                double mean = sum / (s * s);
                assertThat((double) crop.get(p[0], p[1], c)).isCloseTo(mean, within(0.5 + 1e-9));
            }
        }
    }

    @Test
    void constantImageStaysConstantAtAnySize() {
        RgbImage src = RgbImage.blank(178, 218);
        java.util.Arrays.fill(src.pixels(), (byte) 200);
        for (CropRecipe r : CropRecipe.values()) {
            for (int size : new int[] {32, 64, 100, 128, 150, 256}) {
                RgbImage crop = r.crop(src, size);
                for (byte b : crop.pixels()) {
                    assertThat(b & 0xFF).isEqualTo(200);
                }
            }
        }
    }

    private static double overlap(int pixel, double lo, double hi) {
        return Math.max(0, Math.min(pixel + 1, hi) - Math.max(pixel, lo));
    }

    @Test
    void mapsPointsIntoCropCoordinates() {
        assertThat(CropRecipe.PAPER.mapPoint(25, 45, 128)).containsExactly(0, 0);
        assertThat(CropRecipe.PAPER.mapPoint(152, 172, 128)).containsExactly(127, 127);
        assertThat(CropRecipe.PAPER.mapPoint(89, 100, 128)).containsExactly(64, 55);
        // At 64, source pixels 25 and 26 average into crop pixel 0: their centres map to -0.25 and 0.25.
        assertThat(CropRecipe.PAPER.mapPoint(25, 45, 64)).containsExactly(-0.25, -0.25);
        assertThat(CropRecipe.PAPER.mapPoint(26, 46, 64)).containsExactly(0.25, 0.25);
        assertThat(CropRecipe.PAPER.mapPoint(25.5, 45.5, 64)).containsExactly(0, 0);
        assertThat(CropRecipe.CELEBA_178.mapPoint(0, 20, 178)).containsExactly(0, 0);
        assertThat(CropRecipe.CELEBA_178.mapPoint(88.5, 108.5, 64)).containsExactly(31.5, 31.5);
        Landmarks lm = new Landmarks(new int[] {69, 111, 106, 113, 77, 142, 73, 152, 108, 154});
        assertThat(lm.inCrop(CropRecipe.PAPER, 128)).containsExactly(44, 66, 81, 68, 52, 97, 48, 107, 83, 109);
    }

    @Test
    void parsesRecipeNames() {
        assertThat(CropRecipe.parse("paper")).isEqualTo(CropRecipe.PAPER);
        assertThat(CropRecipe.parse("celeba-178")).isEqualTo(CropRecipe.CELEBA_178);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CropRecipe.parse("tight"))
                .hasMessage("unknown crop recipe 'tight'; expected one of paper, celeba_178");
    }
}
