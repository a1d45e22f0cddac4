package dev.resface.model;

import ai.djl.ndarray.NDArray;

/**
 * A box of the aligned face as fractions of its side, so that it means the same at every image size: where the
 * region discriminator ({@link ModelConfig#regionDiscriminator()}) looks.
 *
 * @param left first column, as a fraction of the width, in [0, 1)
 * @param top first row, as a fraction of the height
 * @param right end column (exclusive), in (left, 1]
 * @param bottom end row (exclusive)
 */
public record ImageRegion(double left, double top, double right, double bottom) {
    /** D's three stride-2 layers need at least this many pixels a side to leave one position. */
    public static final int MIN_SIDE = 8;

    public ImageRegion {
        if (!(left >= 0 && top >= 0 && right <= 1 && bottom <= 1 && left < right && top < bottom)) {
            throw new IllegalArgumentException(String.format(
                    "a region is a box inside the image, 0 <= left < right <= 1 and 0 <= top < bottom <= 1, got"
                            + " %.3f, %.3f, %.3f, %.3f", left, top, right, bottom));
        }
    }

    /** First and end pixel of the box at {@code size}: {x0, y0, x1, y1}, the box grown outward to whole pixels. */
    public int[] pixels(int size) {
        int x0 = (int) Math.floor(left * size + 1e-9);
        int y0 = (int) Math.floor(top * size + 1e-9);
        int x1 = (int) Math.ceil(right * size - 1e-9);
        int y1 = (int) Math.ceil(bottom * size - 1e-9);
        if (x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE) {
            throw new IllegalArgumentException(String.format("the region is %dx%d px at %dpx; it needs at least %d a side",
                    x1 - x0, y1 - y0, size, MIN_SIDE));
        }
        return new int[] {x0, y0, x1, y1};
    }

    /** The box cut out of images (N,3,size,size); a view, so gradients flow back into the whole image. */
    public NDArray crop(NDArray images) {
        int[] p = pixels((int) images.getShape().get(3));
        return images.get(String.format(":, :, %d:%d, %d:%d", p[1], p[3], p[0], p[2]));
    }
}
