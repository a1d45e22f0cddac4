package dev.resface.evaluation;

/**
 * One edit against its true counterpart (datasets with pairs: SynthFaces, realfaces), beside the unedited input's
 * distance to it. NaN throughout where the dataset has no pairs.
 *
 * @param psnrInput PSNR of the input against the true counterpart, dB
 * @param psnrEdited PSNR of the edit against the true counterpart, dB
 * @param ssimInput SSIM of the input against the true counterpart
 * @param ssimEdited SSIM of the edit against the true counterpart
 * @param maeInput mean absolute error of the input against the true counterpart, grey levels
 * @param maeEdited the same for the edit
 * @param remnant what is left of the attribute inside its mask ({@link GroundTruthScore#remnant}): 1 unchanged, 0
 *     perfect
 * @param remnantUndone its part where the edit stayed on the input's side of the truth (did too little); the rest
 *     overshot it or changed what the input had right
 */
public record TruthComparison(double psnrInput, double psnrEdited, double ssimInput, double ssimEdited, double maeInput,
        double maeEdited, double remnant, double remnantUndone) {
    public static final TruthComparison NONE = new TruthComparison(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** All images CHW [-1, 1], {@code size} square; the mask is the attribute's region at that size. */
    public static TruthComparison of(float[] input, float[] edited, float[] truth, boolean[] mask, int size) {
        double[] remnant = GroundTruthScore.remnantParts(edited, truth, input, mask);
        return new TruthComparison(GroundTruthScore.psnr(input, truth), GroundTruthScore.psnr(edited, truth),
                Ssim.of(input, truth, size, size), Ssim.of(edited, truth, size, size), GroundTruthScore.mae(input, truth),
                GroundTruthScore.mae(edited, truth), remnant[0], remnant[1]);
    }

    /** The remnant's part that overshot the truth or changed what the input had right. */
    public double remnantOverdone() {
        return remnant - remnantUndone;
    }

    public double psnrGain() {
        return psnrEdited - psnrInput;
    }
}
