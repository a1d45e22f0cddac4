package dev.resface.report;

import dev.resface.image.RgbImage;

/**
 * Conversions between the model's float images and 8-bit {@link RgbImage}s, plus residual heat maps.
 *
 * <p>Model images are {@code float[]} in CHW layout (channel planes R, G, B, each row-major) with values in [-1, 1].
 * The 8-bit mapping is {@code byte = round((clip(v, -1, 1) + 1) * 127.5)} and back {@code v = byte / 127.5 - 1}, so a
 * round trip that starts from 8-bit values is exact. NaN values (a diverged model) are drawn as mid grey (v = 0)
 * rather than failing the report.
 */
public final class ImageConversions {
    private ImageConversions() {}

    /** Clips to [-1, 1] and maps to 0..255 (NaN becomes 128, mid grey). */
    public static int toByte(float v) {
        if (Float.isNaN(v)) {
            v = 0f;
        }
        float c = Math.max(-1f, Math.min(1f, v));
        return Math.round((c + 1f) * 127.5f);
    }

    /** CHW float [-1, 1] (square, {@code size} x {@code size}) to an 8-bit image. */
    public static RgbImage toRgb(float[] chw, int size) {
        return toRgb(chw, size, size);
    }

    /** CHW float [-1, 1] to an 8-bit image; values outside [-1, 1] are clipped. */
    public static RgbImage toRgb(float[] chw, int width, int height) {
        int plane = checkLength(chw, width, height, "image");
        byte[] out = new byte[plane * 3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                out[3 * i + c] = (byte) toByte(chw[c * plane + i]);
            }
        }
        return new RgbImage(width, height, out);
    }

    /** 8-bit image to CHW float in [-1, 1] ({@code v = byte / 127.5 - 1}). */
    public static float[] toChw(RgbImage image) {
        int plane = image.width() * image.height();
        byte[] px = image.pixels();
        float[] out = new float[plane * 3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = (px[3 * i + c] & 0xFF) / 127.5f - 1f;
            }
        }
        return out;
    }

    /** The manipulated image {@code clip(x + r, -1, 1)}, the same length as {@code x}. */
    public static float[] addClipped(float[] x, float[] r) {
        return addClipped(x, r, 1f);
    }

    /** {@code clip(x + strength * r, -1, 1)}: the written-out edit (the model itself never clips). */
    public static float[] addClipped(float[] x, float[] r, float strength) {
        if (x.length != r.length) {
            throw new IllegalArgumentException("image has " + x.length + " values but residual has " + r.length);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(-1f, Math.min(1f, x[i] + strength * r[i]));
        }
        return out;
    }

    /**
     * Per-pixel residual magnitude: the sum over the three channels of {@code |r|} (L1 over channels), so a residual
     * inside [-2, 2] has magnitude in [0, 6]. NaN components count as 0. Result is row-major, {@code width*height}.
     */
    public static float[] residualMagnitude(float[] residual, int width, int height) {
        int plane = checkLength(residual, width, height, "residual");
        float[] mag = new float[plane];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                float v = residual[c * plane + i];
                if (!Float.isNaN(v)) {
                    mag[i] += Math.abs(v);
                }
            }
        }
        return mag;
    }

    /** Largest finite per-pixel magnitude of a residual (0 for an all-zero residual). */
    public static float maxMagnitude(float[] residual, int width, int height) {
        return largest(residualMagnitude(residual, width, height));
    }

    private static float largest(float[] magnitudes) {
        float max = 0f;
        for (float m : magnitudes) {
            if (Float.isFinite(m) && m > max) {
                max = m;
            }
        }
        return max;
    }

    /**
     * Residual heat map with a fixed scale: each pixel's magnitude (see {@link #residualMagnitude}) divided by
     * {@code scale}, clipped to [0, 1], through {@link Colormap#INFERNO}. Pass the same scale for every image that
     * should be compared (e.g. the max over a whole grid, or a constant across training iterations). A zero residual
     * is {@link Colormap#INFERNO}'s zero colour everywhere; larger magnitude is brighter.
     *
     * @param scale magnitude that maps to the top of the colormap; must be finite and > 0
     */
    public static RgbImage heatMap(float[] residual, int width, int height, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("heat map scale must be finite and > 0, got " + scale);
        }
        return colour(residualMagnitude(residual, width, height), width, height, scale);
    }

    /**
     * Heat map scaled by this residual's own maximum magnitude (not comparable across images; prefer
     * {@link #heatMap(float[], int, int, double)} with a shared scale). An all-zero residual gives the zero colour.
     */
    public static RgbImage heatMapAutoScale(float[] residual, int width, int height) {
        return magnitudeHeatMap(residualMagnitude(residual, width, height), width, height);
    }

    /**
     * {@link #heatMapAutoScale} from the per-pixel magnitudes themselves ({@code width*height}, row-major), for a
     * caller that can compute them without a whole CHW residual (a photo's: a third of the memory).
     */
    public static RgbImage magnitudeHeatMap(float[] magnitudes, int width, int height) {
        float max = largest(magnitudes);
        return colour(magnitudes, width, height, max > 0 ? max : 1.0);
    }

    private static RgbImage colour(float[] mag, int width, int height, double scale) {
        RgbImage out = RgbImage.blank(width, height);
        byte[] px = out.pixels();
        for (int i = 0; i < mag.length; i++) {
            int rgb = Colormap.INFERNO.rgb(mag[i] / scale);
            px[3 * i] = (byte) (rgb >> 16);
            px[3 * i + 1] = (byte) (rgb >> 8);
            px[3 * i + 2] = (byte) rgb;
        }
        return out;
    }

    static int checkLength(float[] chw, int width, int height, String what) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad " + what + " size " + width + "x" + height);
        }
        int plane = width * height;
        if (chw.length != plane * 3) {
            throw new IllegalArgumentException(
                    what + " of " + width + "x" + height + " needs " + plane * 3 + " CHW values, got " + chw.length);
        }
        return plane;
    }
}
