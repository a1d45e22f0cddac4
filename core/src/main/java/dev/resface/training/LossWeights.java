package dev.resface.training;

import dev.resface.data.FaceAttribute;
import dev.resface.losses.ResidualNorm;

/**
 * alpha (residual sparsity) and beta (perceptual) of eq. 8. The paper's values belong to 128x128 inputs and l_pix
 * sums over pixels, so at size s the same per-pixel weight is alpha * (128/s)^2; scaling is on by default.
 *
 * @param alpha the 128px alpha; null picks the attribute's preset (local 5e-4, global 1e-6)
 * @param beta the 128px beta; null means 0.1 * alpha
 * @param scaleForSize multiply both by (128/size)^2
 * @param residualNorm the norm of l_pix; null (runs written before it existed) is the paper's L1
 * @param undo the undo term's weight as a multiple of the effective alpha (not the paper's; null: off): above 1 an
 *     exact undo costs less than leaving a trace, since each value of the trace costs alpha in l_pix
 * @param r1 gamma of the R1 penalty on D (not the paper's; null: off): gamma/2 times the mean squared norm of the
 *     gradient, with respect to each real face, of D's log-probability of that face's own class
 */
public record LossWeights(Double alpha, Double beta, boolean scaleForSize, ResidualNorm residualNorm, Double undo,
        Double r1) {
    public static final double LOCAL_ALPHA = 5e-4;
    public static final double GLOBAL_ALPHA = 1e-6;

    public LossWeights {
        if (residualNorm == null) {
            residualNorm = ResidualNorm.L1;
        }
        if (undo != null && !(undo >= 0)) {
            throw new IllegalArgumentException("the undo weight must be 0 or more, got " + undo);
        }
        if (r1 != null && !(r1 >= 0)) {
            throw new IllegalArgumentException("the R1 weight must be 0 or more, got " + r1);
        }
    }

    public LossWeights(Double alpha, Double beta, boolean scaleForSize, ResidualNorm residualNorm, Double undo) {
        this(alpha, beta, scaleForSize, residualNorm, undo, null);
    }

    public LossWeights(Double alpha, Double beta, boolean scaleForSize) {
        this(alpha, beta, scaleForSize, ResidualNorm.L1, null, null);
    }

    public LossWeights(Double alpha, Double beta, boolean scaleForSize, ResidualNorm residualNorm) {
        this(alpha, beta, scaleForSize, residualNorm, null, null);
    }

    /** gamma of the R1 penalty; 0 when it is off. */
    public double r1Weight() {
        return r1 == null ? 0 : r1;
    }

    /** The undo term's weight in l_G at this size; 0 when it is off. */
    public double undoWeight(FaceAttribute attribute, int imageSize) {
        return undo == null ? 0 : undo * effectiveAlpha(attribute, imageSize);
    }

    public double baseAlpha(FaceAttribute attribute) {
        return alpha != null ? alpha : attribute.isLocal() ? LOCAL_ALPHA : GLOBAL_ALPHA;
    }

    public double effectiveAlpha(FaceAttribute attribute, int imageSize) {
        return baseAlpha(attribute) * sizeFactor(imageSize);
    }

    /** l_pix's weight in l_G at this size: alpha, or 0 when the norm is dropped. */
    public double pixelWeight(FaceAttribute attribute, int imageSize) {
        return residualNorm.weight(effectiveAlpha(attribute, imageSize));
    }

    public double effectiveBeta(FaceAttribute attribute, int imageSize) {
        double base = beta != null ? beta : 0.1 * baseAlpha(attribute);
        return base * sizeFactor(imageSize);
    }

    private double sizeFactor(int imageSize) {
        return scaleForSize ? Math.pow(128.0 / imageSize, 2) : 1.0;
    }
}
