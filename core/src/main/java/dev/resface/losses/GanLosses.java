package dev.resface.losses;

import ai.djl.ndarray.NDArray;

/** The losses of SPEC section 3 (the paper's eq. 4-9). Every per-image quantity is averaged over the batch. */
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
        NDArray total = adversarial.add(pixel.mul((float) alpha)).add(perceptual.mul((float) beta));
        return dual == null ? total : total.add(dual);
    }

    private static NDArray perImageL1(NDArray x) {
        long n = x.getShape().get(0);
        return x.abs().sum().div(n);
    }
}
