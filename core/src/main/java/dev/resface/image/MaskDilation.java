package dev.resface.image;

/** Growing a binary mask, as masks of SynthFaces are grown when drawn and when scored. */
public final class MaskDilation {
    private MaskDilation() {}

    /**
     * Binary dilation with a square (2 * radius + 1) structuring element: a pixel is set if any pixel within
     * Chebyshev distance {@code radius} is set (image borders do not count as set). Radius 0 returns a copy.
     */
    public static boolean[] dilate(boolean[] mask, int width, int height, int radius) {
        if (width <= 0 || height <= 0 || mask.length != width * height) {
            throw new IllegalArgumentException(
                    "mask has " + mask.length + " pixels, not " + width + "x" + height);
        }
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0, got " + radius);
        }
        // separable: horizontal max then vertical max, each using a running count of set pixels in the window
        boolean[] horiz = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int count = 0;
            for (int x = 0; x < Math.min(radius, width); x++) {
                if (mask[row + x]) {
                    count++;
                }
            }
            for (int x = 0; x < width; x++) {
                int enter = x + radius;
                if (enter < width && mask[row + enter]) {
                    count++;
                }
                int leave = x - radius - 1;
                if (leave >= 0 && mask[row + leave]) {
                    count--;
                }
                horiz[row + x] = count > 0;
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int x = 0; x < width; x++) {
            int count = 0;
            for (int y = 0; y < Math.min(radius, height); y++) {
                if (horiz[y * width + x]) {
                    count++;
                }
            }
            for (int y = 0; y < height; y++) {
                int enter = y + radius;
                if (enter < height && horiz[enter * width + x]) {
                    count++;
                }
                int leave = y - radius - 1;
                if (leave >= 0 && horiz[leave * width + x]) {
                    count--;
                }
                out[y * width + x] = count > 0;
            }
        }
        return out;
    }
}
