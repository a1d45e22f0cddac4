package dev.resface.losses;

import ai.djl.ndarray.NDArray;
import dev.resface.engine.Scalars;

/** The losses of docs/method.md, 3 (the paper's eq. 4-9). Every per-image quantity is averaged over the batch. */
public final class GanLosses {
    private GanLosses() {}

    /** Mean over the batch of -log p_t, with p the softmax of D's logits (N,3). */
    public static NDArray crossEntropy(NDArray logits, DClass target) {
        return logits.logSoftmax(1).get(":, " + target.index()).neg().mean();
    }

    /** eq. 9: D learns the four batches x0, x1 (real), x~0, x~1 (generated); the sum of the four batch means. */
    public static NDArray discriminator(NDArray realNegative, NDArray realPositive, NDArray fromG0, NDArray fromG1) {
        return crossEntropy(realNegative, DClass.REAL_NEGATIVE)
                .add(crossEntropy(realPositive, DClass.REAL_POSITIVE))
                .add(crossEntropy(fromG0, DClass.GENERATED))
                .add(crossEntropy(fromG1, DClass.GENERATED));
    }

    /** eq. 4: the L1 norm of the whole residual of each image, averaged over the batch. */
    public static NDArray pixel(NDArray residual) {
        return ResidualNorm.L1.of(residual);
    }

    /** eq. 5: ||phi(x) - phi(x~)||_1 per image, averaged over the batch. */
    public static NDArray perceptual(NDArray phiInput, NDArray phiEdited) {
        return perImageL1(phiInput.sub(phiEdited));
    }

    /** eq. 8: l_G = l_GAN + l_dual + alpha * l_pix + beta * l_per; a null dual term is the no-dual ablation. */
    public static NDArray generator(NDArray adversarial, NDArray dual, NDArray pixel, NDArray perceptual, double alpha, double beta) {
        NDArray total = adversarial.add(Scalars.mul(pixel, alpha)).add(Scalars.mul(perceptual, beta));
        return dual == null ? total : total.add(dual);
    }

    /**
     * The sparsity term of a masked G (SaGAN, GANimation), which charges the mask m (N,1,s,s) instead of the residual:
     * per image, the sum of m plus {@link #MASK_SMOOTHNESS} times its total variation, times 3, so that a mask of 1
     * costs what a residual of 1 in each channel costs in eq. 4 and alpha keeps its meaning; averaged over the batch.
     */
    public static NDArray maskSparsity(NDArray mask) {
        NDArray across = mask.get(":, :, :, 1:").sub(mask.get(":, :, :, :-1")).abs().sum();
        NDArray down = mask.get(":, :, 1:, :").sub(mask.get(":, :, :-1, :")).abs().sum();
        long n = mask.getShape().get(0);
        return Scalars.div(Scalars.mul(mask.sum().add(Scalars.mul(across.add(down), MASK_SMOOTHNESS)), 3), n);
    }

    /**
     * GANimation's weights, mean of the mask 0.1 and total variation 1e-5 at 128px, as a ratio per pixel:
     * 1e-5 / (0.1 / 128^2) = 1.64.
     */
    public static final float MASK_SMOOTHNESS = 1.64f;

    /**
     * The undo term (not the paper's): ||G_i(x~_j) - x_j||_1 per image, averaged over the batch, where x~_j is the
     * other generator's edit of a real face x_j. Its truth is known, so it charges every trace the undo leaves, a rim's
     * ghost among them, which D may no longer see.
     */
    public static NDArray undo(NDArray undone, NDArray real) {
        return perImageL1(undone.sub(real));
    }

    private static NDArray perImageL1(NDArray x) {
        long n = x.getShape().get(0);
        return Scalars.div(x.abs().sum(), n);
    }
}
