package dev.resface.training;

import dev.resface.data.FaceAttribute;
import dev.resface.losses.ResidualNorm;

/**
 * How one run trains. Printed into every run folder (config.json) so the run can be reproduced.
 *
 * @param learningRate Adam's step size for G0 and G1 (and for D unless discriminatorLearningRate says otherwise)
 * @param discriminatorLearningRate D's step size; null (as in runs written before it existed) means learningRate,
 *     the paper's single rate
 * @param dual false is the paper's no-dual-learning ablation (l_dual dropped)
 * @param decayFrom null: the paper's constant learning rates; f in [0, 1): from iteration f * iterations on, every rate
 *     falls linearly to zero at the last iteration (as CycleGAN trains), so the run ends on settled generators
 */
public record TrainConfig(
        FaceAttribute attribute,
        long iterations,
        int batchSize,
        double learningRate,
        Double discriminatorLearningRate,
        double adamBeta1,
        double adamBeta2,
        LossWeights lossWeights,
        boolean dual,
        Double decayFrom,
        long seed,
        int sampleEvery,
        int checkpointEvery,
        int logEvery) {

    public TrainConfig {
        if (discriminatorLearningRate == null) {
            discriminatorLearningRate = learningRate;
        }
        if (iterations < 1 || batchSize < 1 || sampleEvery < 1 || checkpointEvery < 1 || logEvery < 1) {
            throw new IllegalArgumentException("iterations, batch size and every interval must be positive");
        }
        if (decayFrom != null && !(decayFrom >= 0 && decayFrom < 1)) {
            throw new IllegalArgumentException("the learning-rate decay starts at a fraction in [0, 1) of the run, got "
                    + decayFrom);
        }
    }

    /** The factor on every learning rate for the update that makes iteration {@code iteration} (1-based). */
    public double rateScale(long iteration) {
        return decayFrom == null ? 1 : LinearDecay.scale(iteration, iterations, decayFrom);
    }

    public TrainConfig withDual(boolean on) {
        return new TrainConfig(attribute, iterations, batchSize, learningRate, discriminatorLearningRate, adamBeta1,
                adamBeta2, lossWeights, on, decayFrom, seed, sampleEvery, checkpointEvery, logEvery);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(attribute, iterations, batchSize, learningRate, discriminatorLearningRate, adamBeta1,
                adamBeta2, lossWeights, dual, decayFrom, s, sampleEvery, checkpointEvery, logEvery);
    }

    public TrainConfig withResidualNorm(ResidualNorm norm) {
        return withLossWeights(new LossWeights(lossWeights.alpha(), lossWeights.beta(), lossWeights.scaleForSize(), norm,
                lossWeights.undo(), lossWeights.r1()));
    }

    public TrainConfig withLossWeights(LossWeights w) {
        return new TrainConfig(attribute, iterations, batchSize, learningRate, discriminatorLearningRate, adamBeta1,
                adamBeta2, w, dual, decayFrom, seed, sampleEvery, checkpointEvery, logEvery);
    }

    public TrainConfig withIterations(long n) {
        return new TrainConfig(attribute, n, batchSize, learningRate, discriminatorLearningRate, adamBeta1, adamBeta2, lossWeights, dual, decayFrom, seed,
                sampleEvery, checkpointEvery, logEvery);
    }
}
