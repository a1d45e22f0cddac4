package dev.resface.report;

/**
 * A piecewise-linear colormap over [0, 1]. {@link #INFERNO} follows matplotlib's "inferno" at 11 stops (black, purple,
 * red-orange, yellow, pale yellow); its luminance rises monotonically, so brighter always means larger.
 */
public final class Colormap {
    /** Inferno-like: black (0) to purple, orange, yellow (1). Zero colour is (0, 0, 4). */
    public static final Colormap INFERNO = new Colormap(new int[][] {
        {0, 0, 4}, {22, 11, 57}, {66, 10, 104}, {106, 23, 110}, {147, 38, 103}, {188, 55, 84},
        {221, 81, 58}, {243, 120, 25}, {252, 165, 10}, {246, 215, 70}, {252, 255, 164}
    });

    private final int[][] stops;

    private Colormap(int[][] stops) {
        this.stops = stops;
    }

    /** Packed 0xRRGGBB colour for t; t is clipped to [0, 1] and NaN maps to 0. */
    public int rgb(double t) {
        if (Double.isNaN(t) || t < 0) {
            t = 0;
        } else if (t > 1) {
            t = 1;
        }
        double pos = t * (stops.length - 1);
        int i = Math.min((int) Math.floor(pos), stops.length - 2);
        double f = pos - i;
        int[] a = stops[i];
        int[] b = stops[i + 1];
        int r = (int) Math.round(a[0] + (b[0] - a[0]) * f);
        int g = (int) Math.round(a[1] + (b[1] - a[1]) * f);
        int bl = (int) Math.round(a[2] + (b[2] - a[2]) * f);
        return r << 16 | g << 8 | bl;
    }

    /** The colour of 0 (no residual). */
    public int zeroColour() {
        return rgb(0);
    }

    /** Rec. 601 luma of a packed RGB colour, 0..255. */
    public static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
