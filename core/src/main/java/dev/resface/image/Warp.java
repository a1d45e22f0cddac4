package dev.resface.image;

/** Resampling an image through a geometric transform. */
public final class Warp {
    private Warp() {}

    /**
     * The {@code width x height} image whose pixel centre {@code (x, y)} takes the bilinear sample of {@code source}
     * at {@code toSource(x, y)}; samples are clamped to the border, so a face near the photo's edge gets stretched
     * edge pixels instead of black, as CelebA's own alignment does.
     */
    public static RgbImage similarity(RgbImage source, SimilarityTransform toSource, int width, int height) {
        RgbImage out = RgbImage.blank(width, height);
        int maxX = source.width() - 1;
        int maxY = source.height() - 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] s = toSource.apply(x, y);
                double sx = Math.max(0, Math.min(maxX, s[0]));
                double sy = Math.max(0, Math.min(maxY, s[1]));
                int x0 = Math.min((int) Math.floor(sx), Math.max(0, maxX - 1));
                int y0 = Math.min((int) Math.floor(sy), Math.max(0, maxY - 1));
                int x1 = Math.min(x0 + 1, maxX);
                int y1 = Math.min(y0 + 1, maxY);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < 3; c++) {
                    double top = (1 - fx) * source.get(x0, y0, c) + fx * source.get(x1, y0, c);
                    double bottom = (1 - fx) * source.get(x0, y1, c) + fx * source.get(x1, y1, c);
                    out.set(x, y, c, (int) Math.round((1 - fy) * top + fy * bottom));
                }
            }
        }
        return out;
    }

    /** {@code source} scaled to {@code size x size}, pixel centres kept aligned (bilinear). */
    public static RgbImage resize(RgbImage source, int size) {
        double sx = (double) source.width() / size;
        double sy = (double) source.height() / size;
        if (Math.abs(sx - sy) > 1e-12) {
            throw new IllegalArgumentException("resize keeps the aspect ratio; got " + source.width() + "x"
                    + source.height() + " to a square");
        }
        // pixel centre u of the output sits at (u + 0.5) * s - 0.5 in the source
        return similarity(source, new SimilarityTransform(sx, 0, 0.5 * sx - 0.5, 0.5 * sy - 0.5), size, size);
    }
}
