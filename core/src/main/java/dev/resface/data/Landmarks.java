package dev.resface.data;

/**
 * The five CelebA landmarks of one aligned image, in 178x218 pixel coordinates, in the order of
 * {@link CelebaLayout#LANDMARK_NAMES}: left eye, right eye, nose, left mouth corner, right mouth corner.
 */
public record Landmarks(int[] xy) {
    public static final int POINTS = 5;
    public static final int LEFT_EYE = 0;
    public static final int RIGHT_EYE = 1;
    public static final int NOSE = 2;
    public static final int LEFT_MOUTH = 3;
    public static final int RIGHT_MOUTH = 4;

    public Landmarks {
        if (xy.length != 2 * POINTS) {
            throw new IllegalArgumentException("expected " + 2 * POINTS + " coordinates, got " + xy.length);
        }
        xy = xy.clone();
    }

    @Override
    public int[] xy() {
        return xy.clone();
    }

    public int x(int point) {
        return xy[2 * point];
    }

    public int y(int point) {
        return xy[2 * point + 1];
    }

    /** The points mapped into the crop's coordinates (x0, y0, x1, y1, ...), see {@link CropRecipe#mapPoint}. */
    public double[] inCrop(CropRecipe recipe, int size) {
        double[] out = new double[2 * POINTS];
        for (int p = 0; p < POINTS; p++) {
            double[] m = recipe.mapPoint(x(p), y(p), size);
            out[2 * p] = m[0];
            out[2 * p + 1] = m[1];
        }
        return out;
    }
}
