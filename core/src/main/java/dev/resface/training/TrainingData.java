package dev.resface.training;

/** Where the training loop gets its images: NCHW float batches in [-1, 1], a pure function of the iteration. */
public interface TrainingData {
    int imageSize();

    /** x0: images without the attribute for this iteration (batchSize x 3 x s x s). */
    float[] negatives(long iteration);

    /** x1: images with the attribute for this iteration. */
    float[] positives(long iteration);

    /** k fixed held-out images without / with the attribute, for the sample grids. */
    float[] sampleNegatives(int k);

    float[] samplePositives(int k);

    /** How many training faces there are without (false) or with (true) the attribute. */
    int trainingFaceCount(boolean withAttribute);

    /** Training faces {@code from .. from+count-1} of one side, in a fixed order, unflipped. */
    float[] trainingFaces(boolean withAttribute, int from, int count);

    /** One line for the run log: pool sizes, skipped files. */
    String describe();
}
