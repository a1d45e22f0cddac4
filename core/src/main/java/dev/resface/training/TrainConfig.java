package dev.resface.training;

import dev.resface.data.FaceAttribute;

/**
 * How one run trains. Printed into every run folder (config.json) so the run can be reproduced.
 *
 * @param dual false is the paper's no-dual-learning ablation (l_dual dropped)
 */
public record TrainConfig(
        FaceAttribute attribute,
        long iterations,
        int batchSize,
        double learningRate,
        double adamBeta1,
        double adamBeta2,
        LossWeights lossWeights,
        boolean dual,
        long seed,
        int sampleEvery,
        int checkpointEvery,
        int logEvery) {

    public TrainConfig {
        if (iterations < 1 || batchSize < 1 || sampleEvery < 1 || checkpointEvery < 1 || logEvery < 1) {
            throw new IllegalArgumentException("iterations, batch size and every interval must be positive");
        }
    }

    public TrainConfig withIterations(long n) {
        return new TrainConfig(attribute, n, batchSize, learningRate, adamBeta1, adamBeta2, lossWeights, dual, seed,
                sampleEvery, checkpointEvery, logEvery);
    }
}
