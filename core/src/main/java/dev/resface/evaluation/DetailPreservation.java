package dev.resface.evaluation;

/**
 * How much an edit changed outside the attribute's region. Images are CHW [-1, 1] floats compared in grey levels, as
 * in {@link GroundTruthScore}; the region is {@code boolean[w * h]}, true inside.
 *
 * @param maeOutside mean absolute change over the pixels outside the region, grey levels (0 = untouched)
 * @param psnrOutside PSNR of the edited against the input over those pixels, dB (+Infinity when untouched)
 * @param energyInside share of the change's energy (sum of squared differences) inside the region; NaN for no change
 * @param streak the horizontal-streak figure: for each row and channel, the signed mean change over the row's pixels
 *     outside the region; the root mean square of those means, grey levels. A band of change that runs along a row
 *     adds up here, while speckle of either sign cancels.
 */
public record DetailPreservation(double maeOutside, double psnrOutside, double energyInside, double streak) {
    public static final DetailPreservation NONE = new DetailPreservation(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Mean absolute change over the pixels of a region, grey levels; NaN for an empty region. */
    public static double maeInside(float[] input, float[] edited, boolean[] region) {
        int plane = region.length;
        double sum = 0;
        int n = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                if (region[i]) {
                    sum += Math.abs(GroundTruthScore.grey(edited[c * plane + i]) - GroundTruthScore.grey(input[c * plane + i]));
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** @param width the images' width: rows are {@code region.length / width} long runs of pixels */
    public static DetailPreservation of(float[] input, float[] edited, boolean[] region, int width) {
        int plane = region.length;
        if (input.length != 3 * plane || edited.length != 3 * plane || width <= 0 || plane % width != 0) {
            throw new IllegalArgumentException("region has " + plane + " pixels (" + width
                    + " a row); images need 3x that many values");
        }
        double absOutside = 0;
        double sqOutside = 0;
        double sqInside = 0;
        int outside = 0;
        double rowMeansSquared = 0;
        int rows = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < plane / width; y++) {
                double rowSum = 0;
                int rowCount = 0;
                for (int i = y * width; i < (y + 1) * width; i++) {
                    double d = GroundTruthScore.grey(edited[c * plane + i]) - GroundTruthScore.grey(input[c * plane + i]);
                    if (region[i]) {
                        sqInside += d * d;
                    } else {
                        absOutside += Math.abs(d);
                        sqOutside += d * d;
                        outside++;
                        rowSum += d;
                        rowCount++;
                    }
                }
                if (rowCount > 0) {
                    double mean = rowSum / rowCount;
                    rowMeansSquared += mean * mean;
                    rows++;
                }
            }
        }
        double total = sqInside + sqOutside;
        return new DetailPreservation(
                outside == 0 ? 0 : absOutside / outside,
                outside == 0 ? Double.POSITIVE_INFINITY : GroundTruthScore.psnrFromMse(sqOutside / outside),
                total == 0 ? Double.NaN : sqInside / total,
                rows == 0 ? 0 : Math.sqrt(rowMeansSquared / rows));
    }
}
