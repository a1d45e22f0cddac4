package dev.resface.evaluation;

/**
 * Structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004) as their reference code computes it: an 11x11
 * Gaussian window with sigma 1.5, K1 = 0.01, K2 = 0.03, dynamic range L = 255, local statistics only where the window
 * fits inside the image ("valid"), averaged over those positions. Colour images get the mean of the three channels'
 * SSIMs. Images are CHW [-1, 1] floats as in {@link GroundTruthScore}, compared in grey levels (unrounded).
 */
public final class Ssim {
    static final int WINDOW = 11;
    static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] KERNEL = kernel();

    private Ssim() {}

    /** Mean SSIM over the three channels of two {@code width x height} CHW images. */
    public static double of(float[] a, float[] b, int width, int height) {
        int plane = width * height;
        if (a.length != 3 * plane || b.length != 3 * plane) {
            throw new IllegalArgumentException("expected two images of 3 x " + width + " x " + height + " values");
        }
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "x" + WINDOW);
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += channel(grey(a, c * plane, plane), grey(b, c * plane, plane), width, height);
        }
        return sum / 3;
    }

    /** SSIM of one channel given in grey levels. */
    static double channel(double[] x, double[] y, int width, int height) {
        double[] mx = filter(x, x, false, width, height);
        double[] my = filter(y, y, false, width, height);
        double[] sxx = filter(x, x, true, width, height);
        double[] syy = filter(y, y, true, width, height);
        double[] sxy = filter(x, y, true, width, height);
        double sum = 0;
        for (int i = 0; i < mx.length; i++) {
            double vx = sxx[i] - mx[i] * mx[i];
            double vy = syy[i] - my[i] * my[i];
            double cov = sxy[i] - mx[i] * my[i];
            sum += (2 * mx[i] * my[i] + C1) * (2 * cov + C2)
                    / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
        }
        return sum / mx.length;
    }

    /** Windowed mean of x (or of x*y when {@code product}) at every valid window position. */
    private static double[] filter(double[] x, double[] y, boolean product, int width, int height) {
        int ow = width - WINDOW + 1;
        int oh = height - WINDOW + 1;
        double[] out = new double[ow * oh];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                double s = 0;
                for (int ky = 0; ky < WINDOW; ky++) {
                    int row = (oy + ky) * width + ox;
                    for (int kx = 0; kx < WINDOW; kx++) {
                        double v = product ? x[row + kx] * y[row + kx] : x[row + kx];
                        s += KERNEL[ky * WINDOW + kx] * v;
                    }
                }
                out[oy * ow + ox] = s;
            }
        }
        return out;
    }

    private static double[] kernel() {
        double[] k = new double[WINDOW * WINDOW];
        double sum = 0;
        int r = WINDOW / 2;
        for (int y = 0; y < WINDOW; y++) {
            for (int x = 0; x < WINDOW; x++) {
                k[y * WINDOW + x] = Math.exp(-((x - r) * (x - r) + (y - r) * (y - r)) / (2 * SIGMA * SIGMA));
                sum += k[y * WINDOW + x];
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    private static double[] grey(float[] chw, int from, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = GroundTruthScore.grey(chw[from + i]);
        }
        return out;
    }
}
