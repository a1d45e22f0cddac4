package dev.resface.data;

import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a 178x218 aligned CelebA image becomes a square training crop. The square is cut out, then resized to
 * {@code size x size} by exact area averaging ({@link AreaResize}: the f x f box mean for an integer factor f, rounded
 * half up).
 */
public enum CropRecipe {
    /** The paper's crop: the central 128x128 (x 25..152, y 45..172), resized if size != 128. */
    PAPER(25, 45, 128),
    /** The common CelebA crop: the central 178x178 starting at row 20 (x 0..177, y 20..197). */
    CELEBA_178(0, 20, 178);

    private final int left;
    private final int top;
    private final int side;

    CropRecipe(int left, int top, int side) {
        this.left = left;
        this.top = top;
        this.side = side;
    }

    /** First source column of the square. */
    public int left() {
        return left;
    }

    /** First source row of the square. */
    public int top() {
        return top;
    }

    /** Side of the square in source pixels before resizing. */
    public int side() {
        return side;
    }

    /** Lower-case name used in file names and flags, e.g. "paper", "celeba_178". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the enum name in any case, with '-' or '_'. */
    public static CropRecipe parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CropRecipe r : values()) {
            if (r.name().equals(key)) {
                return r;
            }
        }
        throw new BadInputException("unknown crop recipe '" + text + "'; expected one of "
                + Arrays.stream(values()).map(CropRecipe::id).collect(Collectors.joining(", ")));
    }

    /** Crops a 178x218 image to a {@code size x size} image. */
    public RgbImage crop(RgbImage source, int size) {
        if (source.width() != CelebaLayout.IMAGE_WIDTH || source.height() != CelebaLayout.IMAGE_HEIGHT) {
            throw new IllegalArgumentException("expected a " + CelebaLayout.IMAGE_WIDTH + "x"
                    + CelebaLayout.IMAGE_HEIGHT + " image, got " + source.width() + "x" + source.height());
        }
        checkSize(size);
        return AreaResize.resize(source, left, top, side, side, size, size);
    }

    /**
     * Maps a point from 178x218 source pixel coordinates into crop pixel coordinates, with integer coordinates at
     * pixel centres: {@code u = (x - left + 0.5) * size / side - 0.5} (and the same for y with top). At size == side
     * this is a plain shift; at half size, source pixels 0 and 1 of the square map to -0.25 and 0.25 (the centre of
     * crop pixel 0 is between them). Points outside the square map outside [-0.5, size - 0.5].
     */
    public double[] mapPoint(double x, double y, int size) {
        return toCrop(size).apply(x, y);
    }

    /** {@link #mapPoint} as a transform, to chain after a photo's alignment. */
    public SimilarityTransform toCrop(int size) {
        checkSize(size);
        double scale = (double) size / side;
        return new SimilarityTransform(scale, 0, (0.5 - left) * scale - 0.5, (0.5 - top) * scale - 0.5);
    }

    private static void checkSize(int size) {
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException("crop size " + size + " out of range 1..4096");
        }
    }
}
