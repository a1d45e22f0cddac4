package dev.resface.model.vaegan;

/**
 * VAE-GAN's own settings (Larsen et al., ICML 2016, and the authors' training script for CelebA,
 * {@code celeba_aegan.py}); its image size and width come from the run's {@link dev.resface.model.ModelConfig}, like
 * resface's networks.
 *
 * @param latentSize z's dimensions (128)
 * @param reconstructionWeight gamma: the decoder learns gamma * L_llike - (1 - gamma) * GAN (the CelebA script's 1e-6,
 *     for its Dis_l of 16,384 values; scaled to the run's Dis_l, see {@link VaeGan#reconstructionWeight()})
 * @param realWeight share of D's loss on real faces; the rest is on generated ones (0.5)
 * @param equilibrium D's per-face cost around which both players keep learning (0.68)
 * @param margin D stops learning while either cost is below equilibrium - margin, the decoder while either is
 *     above equilibrium + margin (0.35)
 * @param learningRate RMSProp's (3e-4, the paper's)
 * @param weightDecay the L2 penalty as the code writes it: 2 weightDecay w added to the gradient summed over the batch,
 *     on every weight but the mu / log-variance head's, not on biases or batch norm (1e-5)
 * @param judgeReconstructions whether D also judges reconstructions, as the paper's Algorithm 1 has it, or only real
 *     faces and prior samples, as every one of the authors' scripts trains it (false)
 * @param plainVae true for a plain VAE, the floor a VAE-GAN's reconstructions are held to: the same encoder and
 *     decoder, the likelihood on pixels, no D (null, as in runs written before it existed: false)
 */
public record VaeGanConfig(int latentSize, double reconstructionWeight, double realWeight, double equilibrium,
        double margin, double learningRate, double weightDecay, boolean judgeReconstructions, Boolean plainVae) {

    public VaeGanConfig {
        if (latentSize < 1 || !(reconstructionWeight >= 0 && reconstructionWeight <= 1)
                || !(realWeight > 0 && realWeight < 1) || !(margin >= 0) || !(learningRate > 0)
                || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("VAE-GAN settings out of range: " + this);
        }
        if (plainVae == null) {
            plainVae = false;
        }
    }

    public VaeGanConfig asPlainVae() {
        return new VaeGanConfig(latentSize, reconstructionWeight, realWeight, equilibrium, margin, learningRate,
                weightDecay, judgeReconstructions, true);
    }

    public static VaeGanConfig published() {
        return new VaeGanConfig(128, 1e-6, 0.5, 0.68, 0.35, 3e-4, 1e-5, false, false);
    }
}
