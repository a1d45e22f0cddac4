package dev.resface.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.resface.engine.Scalars;

/**
 * VAE-GAN's losses (Larsen et al. 2016, eq. 7-9 and Algorithm 1, in the form of the authors' code). Per-face sums,
 * averaged over the batch, like resface's own losses.
 */
public final class VaeGanLosses {
    /** The code's guard inside every log of D's output: log(p + 1e-3). */
    private static final float LOG_GUARD = 1e-3f;

    private VaeGanLosses() {}

    /** L_prior = KL(q(z|x) || N(0, I)) = -1/2 sum(1 + log var - mu^2 - var), per face. */
    public static NDArray prior(NDArray mean, NDArray logVariance) {
        long n = mean.getShape().get(0);
        return Scalars.div(Scalars.mul(logVariance.add(1).sub(mean.square()).sub(logVariance.exp()).sum(), -0.5), n);
    }

    /** L_llike^Dis_l: the Gaussian negative log-likelihood of Dis_l(x) around Dis_l(x~), 1/2 sum of squares per face. */
    public static NDArray similarity(NDArray reconstructed, NDArray real) {
        long n = real.getShape().get(0);
        return Scalars.div(Scalars.mul(reconstructed.sub(real).square().sum(), 0.5), n);
    }

    /** D's cost on faces it should call real: mean of -log(sigmoid(l) + guard). */
    public static NDArray realCost(NDArray logits) {
        return Activation.sigmoid(logits).add(LOG_GUARD).log().neg().mean();
    }

    /** D's cost on generated faces: mean of -log(1 - sigmoid(l) + guard). */
    public static NDArray fakeCost(NDArray logits) {
        return Activation.sigmoid(logits).neg().add(1 + LOG_GUARD).log().neg().mean();
    }

    /** L_GAN as D learns it: realWeight on real faces, the rest on generated ones. */
    public static NDArray discriminator(NDArray realCost, NDArray fakeCost, double realWeight) {
        return Scalars.mul(realCost, realWeight).add(Scalars.mul(fakeCost, 1 - realWeight));
    }

    /**
     * The decoder's share, gamma L_llike - (1 - gamma) L_GAN: it is pushed to raise D's cost on what it generates (the
     * code reverses D's gradient). {@code generatedCost} sums D's mean cost over each batch of generated faces: the prior
     * samples, and the reconstructions too where D judges them.
     */
    public static NDArray decoder(NDArray similarity, NDArray generatedCost, double gamma) {
        return Scalars.mul(similarity, gamma).sub(Scalars.mul(generatedCost, 1 - gamma));
    }

    /** The encoder's share, L_prior + L_llike. */
    public static NDArray encoder(NDArray prior, NDArray similarity) {
        return prior.add(similarity);
    }
}
