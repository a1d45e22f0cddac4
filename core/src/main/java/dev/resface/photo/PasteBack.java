package dev.resface.photo;

import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;

/**
 * Adds a model's change, computed on its small aligned crop, to the photo at full resolution: each photo pixel under
 * the crop samples the change bilinearly where it lands in the crop, weighted by a feathered mask of the crop square
 * (1 inside, falling smoothly to 0 over the outer {@value #FEATHER} of its side), so no seam shows where the edit
 * ends. Pixels the mask gives no weight are never written: outside every face's square the photo stays bit-identical.
 */
public final class PasteBack {
    /** Share of the crop's side over which the mask falls from 1 to 0. */
    public static final double FEATHER = 0.125;

    private PasteBack() {}

    /**
     * @param photo edited in place
     * @param change the model's change on the crop, CHW in [-1, 1] image units (2 = full 8-bit range)
     * @param size the crop's side
     * @param photoToCrop photo pixel centres to crop pixel centres
     */
    public static void add(RgbImage photo, float[] change, int size, SimilarityTransform photoToCrop) {
        if (change.length != 3 * size * size) {
            throw new IllegalArgumentException("change has " + change.length + " values, a " + size + "px crop "
                    + 3 * size * size);
        }
        int[] area = footprint(photo, size, photoToCrop.inverse());
        double band = FEATHER * size;
        for (int y = area[1]; y <= area[3]; y++) {
            for (int x = area[0]; x <= area[2]; x++) {
                double[] uv = photoToCrop.apply(x, y);
                double weight = ramp(uv[0], size, band) * ramp(uv[1], size, band);
                if (weight <= 0) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    double v = photo.get(x, y, c) + weight * 127.5 * sample(change, c, size, uv[0], uv[1]);
                    photo.set(x, y, c, (int) Math.max(0, Math.min(255, Math.round(v))));
                }
            }
        }
    }

    /** The weight at crop coordinate {@code t}: 0 at and beyond the square's edge, 1 once {@code band} inside. */
    static double ramp(double t, int size, double band) {
        double inside = Math.min(t + 0.5, size - 0.5 - t);
        if (inside <= 0) {
            return 0;
        }
        if (inside >= band) {
            return 1;
        }
        double s = inside / band;
        return s * s * (3 - 2 * s);
    }

    /** The photo pixels the crop square covers: {x0, y0, x1, y1}, inclusive, clipped to the photo. */
    private static int[] footprint(RgbImage photo, int size, SimilarityTransform cropToPhoto) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double u : new double[] {-0.5, size - 0.5}) {
            for (double v : new double[] {-0.5, size - 0.5}) {
                double[] p = cropToPhoto.apply(u, v);
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        return new int[] {(int) Math.max(0, Math.floor(minX)), (int) Math.max(0, Math.floor(minY)),
                (int) Math.min(photo.width() - 1, Math.ceil(maxX)), (int) Math.min(photo.height() - 1, Math.ceil(maxY))};
    }

    /** Bilinear sample of one channel at crop coordinate (u, v), clamped to the crop's border pixels. */
    private static double sample(float[] chw, int c, int size, double u, double v) {
        double x = Math.max(0, Math.min(size - 1, u));
        double y = Math.max(0, Math.min(size - 1, v));
        int x0 = Math.min((int) x, size - 2);
        int y0 = Math.min((int) y, size - 2);
        double fx = x - x0;
        double fy = y - y0;
        int plane = c * size * size;
        double top = (1 - fx) * chw[plane + y0 * size + x0] + fx * chw[plane + y0 * size + x0 + 1];
        double bottom = (1 - fx) * chw[plane + (y0 + 1) * size + x0] + fx * chw[plane + (y0 + 1) * size + x0 + 1];
        return (1 - fy) * top + fy * bottom;
    }
}
