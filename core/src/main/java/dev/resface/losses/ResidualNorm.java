package dev.resface.losses;

import ai.djl.ndarray.NDArray;
import dev.resface.engine.Scalars;

/**
 * The sparsity term l_pix on the residual (eq. 4). L1 is the paper's. L2 is the Euclidean norm times sqrt(P), P the
 * values per image: for a residual of equal magnitude everywhere it equals L1, so alpha means the same, and it is
 * one-homogeneous like L1, so the (128/size)^2 scaling of alpha holds for both. Unlike L1 it charges a change by its
 * energy, so it favours spreading a change thinly over concentrating it. NONE drops the term (the value is still
 * logged, as L1).
 */
public enum ResidualNorm {
    L1, L2, NONE;

    /** The term per image, averaged over the batch. */
    public NDArray of(NDArray residual) {
        long n = residual.getShape().get(0);
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
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("residual norm must be l1, l2 or none, got '" + s + "'");
        }
    }
}
