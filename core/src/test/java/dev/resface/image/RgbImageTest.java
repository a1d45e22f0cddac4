package dev.resface.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The raster shortcuts of {@link RgbImage#from} and {@link RgbImage#toBufferedImage} against the colour model's getRGB. */
class RgbImageTest {
    private static BufferedImage random(int type, int w, int h, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static void assertSamePixels(RgbImage ours, BufferedImage image) {
        assertThat(ours.width()).isEqualTo(image.getWidth());
        assertThat(ours.height()).isEqualTo(image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                assertThat(new int[] {ours.get(x, y, 0), ours.get(x, y, 1), ours.get(x, y, 2)}).as("(%d, %d)", x, y)
                        .containsExactly(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
            }
        }
    }

    @Test
    void everyImageTypeAndSubImageReadsAsItsColourModelSays() {
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_4BYTE_ABGR};
        for (int type : types) {
            BufferedImage image = random(type, 13, 7, type);
            assertSamePixels(RgbImage.from(image), image);
            // a view into a larger raster: its buffer holds more than its pixels
            BufferedImage part = image.getSubimage(2, 1, 9, 5);
            assertSamePixels(RgbImage.from(part), part);
        }
    }

    @Test
    void toBufferedImageRoundTrips() {
        BufferedImage image = random(BufferedImage.TYPE_3BYTE_BGR, 11, 6, 3);
        RgbImage ours = RgbImage.from(image);
        BufferedImage back = ours.toBufferedImage();
        assertSamePixels(ours, back);
        assertThat(RgbImage.from(back).pixels()).containsExactly(ours.pixels());
    }
}
