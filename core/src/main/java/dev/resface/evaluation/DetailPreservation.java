package dev.resface.evaluation;

/**
 * How much an edit changed outside the attribute's region. Images are CHW [-1, 1] floats compared in grey levels, as
 * in {@link GroundTruthScore}; the region is {@code boolean[w * h]}, true inside.
 *
 * @param maeOutside mean absolute change over the pixels outside the region, grey levels (0 = untouched)
 * @param psnrOutside PSNR of the edited against the input over those pixels, dB (+Infinity when untouched)
 * @param energyInside share of the change's energy (sum of squared differences) inside the region; NaN for no change
 */
public record DetailPreservation(double maeOutside, double psnrOutside, double energyInside) {
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

    public static DetailPreservation of(float[] input, float[] edited, boolean[] region) {
        int plane = region.length;
        if (input.length != 3 * plane || edited.length != 3 * plane) {
            throw new IllegalArgumentException("region has " + plane + " pixels; images need 3x that many values");
        }
        double absOutside = 0;
        double sqOutside = 0;
        double sqInside = 0;
        int outside = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                double d = GroundTruthScore.grey(edited[c * plane + i]) - GroundTruthScore.grey(input[c * plane + i]);
                if (region[i]) {
                    sqInside += d * d;
                } else {
                    absOutside += Math.abs(d);
                    sqOutside += d * d;
                    outside++;
                }
            }
        }
        double total = sqInside + sqOutside;
        return new DetailPreservation(
                outside == 0 ? 0 : absOutside / outside,
                outside == 0 ? Double.POSITIVE_INFINITY : GroundTruthScore.psnrFromMse(sqOutside / outside),
                total == 0 ? Double.NaN : sqInside / total);
    }
}
