package dev.resface.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Scores edits against a ground-truth counterpart (e.g. the same face photographed with glasses).
 *
 * <p>All images are {@code float[]} CHW (channel planes R, G, B, each row-major, {@code 3 * w * h} values) in
 * [-1, 1]. Before comparing, values are clipped to [-1, 1] and scaled to grey levels {@code (v + 1) * 127.5}, which
 * are NOT rounded to integers. So MAE is in 0..255 grey levels, MSE in grey levels squared and
 * {@code PSNR = 10 log10(255^2 / MSE)} (identical to computing on [-1, 1] with peak 2). Identical images have
 * {@code PSNR = +Infinity}. NaN pixel values are rejected.
 *
 * <p>Masks are {@code boolean[w * h]}, row-major, true = attribute region (e.g. where the glasses are).
 */
public final class GroundTruthScore {
    /**
     * Per-image PSNRs above this are counted as this in {@link ScoreSummary#meanPsnrEdited()} and
     * {@link ScoreSummary#meanPsnrInput()}, so one identical pair does not make the mean infinite.
     */
    public static final double PSNR_CAP_DB = 100.0;

    private static final double PEAK = 255.0;

    private GroundTruthScore() {}

    /**
     * One image's scores. {@code residualMaskShare} is for the effective residual {@code edited - input} (NaN when
     * the edit changed nothing), {@code maskAreaShare} the fraction of pixels in the mask.
     */
    public record ImageScore(
            double psnrEdited, double maeEdited, double mseEdited,
            double psnrInput, double maeInput, double mseInput,
            double residualMaskShare, double maskAreaShare) {
        /** PSNR(edited, truth) - PSNR(input, truth), in dB; positive = the edit moved the image toward the truth. */
        public double gain() {
            return psnrEdited - psnrInput;
        }
    }

    /**
     * Aggregates over {@code count} images.
     *
     * <ul>
     *   <li>{@code meanPsnr*}: the mean of per-image PSNR (each capped at {@link #PSNR_CAP_DB}). This is the
     *       <b>reported</b> figure ({@link #gain()}, {@link #verdict()}), the usual convention in the literature.
     *   <li>{@code psnrOfMeanMse*}: PSNR of the mean MSE over all images (dominated by the worst images; no cap
     *       needed, +Infinity only if every pair is identical). Reported alongside as {@link #gainOfMeanMse()}.
     *   <li>{@code meanResidualMaskShare}: mean over images whose residual share is defined (non-zero edit); NaN if
     *       none. Compare with {@code meanMaskAreaShare}: a share well above the area means the edit concentrates on
     *       the attribute region.
     * </ul>
     */
    public record ScoreSummary(
            int count,
            double meanPsnrEdited, double meanPsnrInput,
            double psnrOfMeanMseEdited, double psnrOfMeanMseInput,
            double meanMaeEdited, double meanMaeInput,
            double meanResidualMaskShare, double meanMaskAreaShare) {

        /** The reported gain: mean per-image PSNR(edited) - mean per-image PSNR(input), dB. */
        public double gain() {
            return meanPsnrEdited - meanPsnrInput;
        }

        /** Gain measured as PSNR of mean MSE (edited) - PSNR of mean MSE (input), dB. */
        public double gainOfMeanMse() {
            return psnrOfMeanMseEdited - psnrOfMeanMseInput;
        }

        /** One line for people, e.g. "editing moved images toward the truth: +1.23 dB (...)". */
        public String verdict() {
            if (count == 0) {
                return "no images were scored";
            }
            double g = gain();
            String head = g > 0
                    ? "editing moved images toward the truth: "
                    : "editing did not move images toward the truth: ";
            return head + String.format(Locale.ROOT,
                    "%+.2f dB (mean per-image PSNR %.2f -> %.2f dB over %d image%s; PSNR of mean MSE %+.2f dB; "
                            + "MAE %.2f -> %.2f grey levels)",
                    g, meanPsnrInput, meanPsnrEdited, count, count == 1 ? "" : "s", gainOfMeanMse(),
                    meanMaeInput, meanMaeEdited);
        }
    }

    /** Mean squared error in grey levels squared (0..255 scale) between two CHW [-1, 1] images. */
    public static double mse(float[] a, float[] b) {
        checkPair(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = grey(a[i]) - grey(b[i]);
            sum += d * d;
        }
        return sum / a.length;
    }

    /** Mean absolute error in grey levels (0..255). */
    public static double mae(float[] a, float[] b) {
        checkPair(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(grey(a[i]) - grey(b[i]));
        }
        return sum / a.length;
    }

    /** PSNR in dB with peak 255; +Infinity for identical images. */
    public static double psnr(float[] a, float[] b) {
        return psnrFromMse(mse(a, b));
    }

    /** {@code 10 log10(255^2 / mse)}; +Infinity when mse is 0. */
    public static double psnrFromMse(double mse) {
        if (mse < 0 || Double.isNaN(mse)) {
            throw new IllegalArgumentException("MSE must be >= 0, got " + mse);
        }
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(PEAK * PEAK / mse);
    }

    /**
     * Scores one edit.
     *
     * @param edited the manipulated image (x + r, the clip is applied here anyway)
     * @param truth  the real image with/without the attribute
     * @param input  the unedited input x
     * @param mask   w*h, true = attribute region; its size fixes w*h (images must have 3 * mask.length values)
     */
    public static ImageScore score(float[] edited, float[] truth, float[] input, boolean[] mask) {
        checkPair(edited, truth);
        checkPair(input, truth);
        checkMask(edited, mask, "images");
        float[] residual = new float[edited.length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = (float) ((grey(edited[i]) - grey(input[i])) / 127.5);
        }
        double mseE = mse(edited, truth);
        double mseI = mse(input, truth);
        return new ImageScore(
                psnrFromMse(mseE), mae(edited, truth), mseE,
                psnrFromMse(mseI), mae(input, truth), mseI,
                residualMaskShare(residual, mask), maskAreaShare(mask));
    }

    /**
     * What is left of the attribute inside its mask: sum over the mask of |edited - truth| divided by the same sum for
     * the unedited input, over all three channels in grey levels. 1 for an edit that changed nothing there, 0 for a
     * perfect one, above 1 for an edit that moved away from the truth. NaN when the input already equals the truth
     * inside the mask (nothing to remove or add).
     */
    public static double remnant(float[] edited, float[] truth, float[] input, boolean[] mask) {
        return remnantParts(edited, truth, input, mask)[0];
    }

    /**
     * The remnant and its part left undone: where the edit stayed on the input's side of the truth (it did too
     * little), as opposed to where it overshot the truth or changed a value the input already had right (it did
     * something else). {remnant, undone}; the rest, remnant - undone, is the overdone part.
     */
    public static double[] remnantParts(float[] edited, float[] truth, float[] input, boolean[] mask) {
        checkPair(edited, truth);
        checkPair(input, truth);
        int plane = checkMask(edited, mask, "images");
        double left = 0;
        double undone = 0;
        double before = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                if (mask[i]) {
                    int k = c * plane + i;
                    double e = grey(edited[k]) - grey(truth[k]);
                    double x = grey(input[k]) - grey(truth[k]);
                    left += Math.abs(e);
                    before += Math.abs(x);
                    if (e * x > 0) {
                        undone += Math.abs(e);
                    }
                }
            }
        }
        return before == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {left / before, undone / before};
    }

    /** Aggregates per-image scores (see {@link ScoreSummary} for which mean is which). */
    public static ScoreSummary summarize(List<ImageScore> scores) {
        int n = scores.size();
        if (n == 0) {
            return new ScoreSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double psnrE = 0, psnrI = 0, mseE = 0, mseI = 0, maeE = 0, maeI = 0, share = 0, area = 0;
        int shareCount = 0;
        for (ImageScore s : scores) {
            psnrE += Math.min(PSNR_CAP_DB, s.psnrEdited());
            psnrI += Math.min(PSNR_CAP_DB, s.psnrInput());
            mseE += s.mseEdited();
            mseI += s.mseInput();
            maeE += s.maeEdited();
            maeI += s.maeInput();
            area += s.maskAreaShare();
            if (!Double.isNaN(s.residualMaskShare())) {
                share += s.residualMaskShare();
                shareCount++;
            }
        }
        return new ScoreSummary(n, psnrE / n, psnrI / n, psnrFromMse(mseE / n), psnrFromMse(mseI / n),
                maeE / n, maeI / n, shareCount == 0 ? Double.NaN : share / shareCount, area / n);
    }

    /**
     * Fraction of the residual's magnitude inside the mask: sum over mask pixels of (sum over channels of |r|) divided
     * by the same sum over all pixels. NaN when the residual is all zero (no edit to attribute). Compare with
     * {@link #maskAreaShare(boolean[])}: a uniform residual gives exactly the area share.
     *
     * @param residual CHW, 3 * mask.length values (any range; not clipped)
     */
    public static double residualMaskShare(float[] residual, boolean[] mask) {
        int plane = checkMask(residual, mask, "residual's channels");
        double inside = 0;
        double total = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                float v = residual[c * plane + i];
                if (Float.isNaN(v)) {
                    throw new IllegalArgumentException("residual contains NaN at index " + (c * plane + i));
                }
                double a = Math.abs(v);
                total += a;
                if (mask[i]) {
                    inside += a;
                }
            }
        }
        return total == 0 ? Double.NaN : inside / total;
    }

    /** Fraction of pixels that are in the mask. */
    public static double maskAreaShare(boolean[] mask) {
        if (mask.length == 0) {
            throw new IllegalArgumentException("empty mask");
        }
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return (double) n / mask.length;
    }


    static double grey(float v) {
        return (Math.max(-1f, Math.min(1f, v)) + 1.0) * 127.5;
    }

    /** The mask's pixel count, which the CHW values must hold three times over. */
    private static int checkMask(float[] values, boolean[] mask, String what) {
        if (values.length != 3 * mask.length) {
            throw new IllegalArgumentException(
                    "mask has " + mask.length + " pixels but the " + what + " hold " + values.length + " values (need 3x)");
        }
        return mask.length;
    }

    private static void checkPair(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("images differ in size: " + a.length + " vs " + b.length + " values");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("empty image");
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(a[i]) || Float.isNaN(b[i])) {
                throw new IllegalArgumentException("image contains NaN at index " + i);
            }
        }
    }
}
