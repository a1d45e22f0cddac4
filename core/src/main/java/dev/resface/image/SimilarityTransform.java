package dev.resface.image;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation, no reflection):
 * {@code x' = a x - b y + tx}, {@code y' = b x + a y + ty}.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {
    public static final SimilarityTransform IDENTITY = new SimilarityTransform(1, 0, 0, 0);

    public static SimilarityTransform of(double scale, double angleRadians, double tx, double ty) {
        return new SimilarityTransform(scale * Math.cos(angleRadians), scale * Math.sin(angleRadians), tx, ty);
    }

    /**
     * The least-squares transform taking points {@code from} onto {@code to} (both {@code x0, y0, x1, y1, ...}), the
     * closed form of Umeyama (1991) in 2-D. Needs two distinct points.
     */
    public static SimilarityTransform fit(double[] from, double[] to) {
        if (from.length != to.length || from.length < 4 || from.length % 2 != 0) {
            throw new IllegalArgumentException("need two equally long lists of at least 2 points, got "
                    + from.length / 2 + " and " + to.length / 2);
        }
        int n = from.length / 2;
        double fx = 0, fy = 0, gx = 0, gy = 0;
        for (int i = 0; i < n; i++) {
            fx += from[2 * i];
            fy += from[2 * i + 1];
            gx += to[2 * i];
            gy += to[2 * i + 1];
        }
        fx /= n;
        fy /= n;
        gx /= n;
        gy /= n;
        // accumulated as the four covariance entries, as dlib does, so the shape predictor can use this too
        double spread = 0, c00 = 0, c01 = 0, c10 = 0, c11 = 0;
        for (int i = 0; i < n; i++) {
            double ux = from[2 * i] - fx;
            double uy = from[2 * i + 1] - fy;
            double vx = to[2 * i] - gx;
            double vy = to[2 * i + 1] - gy;
            spread += ux * ux + uy * uy;
            c00 += vx * ux;
            c01 += vx * uy;
            c10 += vy * ux;
            c11 += vy * uy;
        }
        if (spread == 0) {
            throw new IllegalArgumentException("all source points coincide");
        }
        double a = (c00 + c11) / spread;
        double b = (c10 - c01) / spread;
        return new SimilarityTransform(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
    }

    public double scale() {
        return Math.hypot(a, b);
    }

    public double[] apply(double x, double y) {
        return new double[] {a * x - b * y + tx, b * x + a * y + ty};
    }

    /** Every point of {@code xy} ({@code x0, y0, ...}) transformed. */
    public double[] applyAll(double[] xy) {
        double[] out = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            double[] p = apply(xy[i], xy[i + 1]);
            out[i] = p[0];
            out[i + 1] = p[1];
        }
        return out;
    }

    /** This transform followed by {@code next}: {@code next.apply(apply(x, y))}. */
    public SimilarityTransform then(SimilarityTransform next) {
        double[] t = next.apply(tx, ty);
        return new SimilarityTransform(next.a * a - next.b * b, next.b * a + next.a * b, t[0], t[1]);
    }

    public SimilarityTransform inverse() {
        double d = a * a + b * b;
        double ia = a / d;
        double ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }
}
