package dev.resface.losses;

import ai.djl.ndarray.NDArray;
import dev.resface.engine.Scalars;
import java.util.Locale;

/**
 * The sparsity term l_pix on the residual (eq. 4). L1 is the paper's. L2 is the Euclidean norm times sqrt(P), P the
 * values per image: for a residual of equal magnitude everywhere it equals L1, so alpha means the same, and it is
 * one-homogeneous like L1, so the (128/size)^2 scaling of alpha holds for both. Unlike L1 it charges a change by its
 * energy, so it favours spreading a change thinly over concentrating it. LOG charges each value |r| as
 * eps log(1 + |r| / eps): like L1 for the faint changes that should not be made at all (its slope at 0 is L1's), but
 * a large change, such as taking a dark rim away, costs little more than a moderate one, so the term no longer pulls
 * it short of the skin it should reach (L1's shrinkage). NONE drops the term (the value is still logged, as L1).
 */
public enum ResidualNorm {
    L1, L2, LOG, NONE;

    /** LOG's knee in [-1, 1] units (13 grey levels): where its slope has fallen to half of L1's. */
    static final double LOG_KNEE = 0.1;

    /** The term per image, averaged over the batch. */
    public NDArray of(NDArray residual) {
        long n = residual.getShape().get(0);
        if (this == LOG) {
            NDArray perValue = Scalars.mul(Scalars.div(residual.abs(), LOG_KNEE).add(1f).log(), LOG_KNEE);
            return Scalars.div(perValue.sum(), n);
        }
        if (this != L2) {
            return Scalars.div(residual.abs().sum(), n);
        }
        long perImage = residual.getShape().size() / n;
        // The epsilon keeps the gradient finite at a zero residual (a zero-initialised last conv starts there).
        NDArray euclidean = residual.reshape(n, perImage).square().sum(new int[] {1}).add(1e-12f).sqrt();
        return Scalars.div(Scalars.mul(euclidean.sum(), Math.sqrt(perImage)), n);
    }

    /** The weight the term enters l_G with. */
    public double weight(double alpha) {
        return this == NONE ? 0 : alpha;
    }

    public static ResidualNorm parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("residual norm must be l1, l2, log or none, got '" + s + "'");
        }
    }
}
