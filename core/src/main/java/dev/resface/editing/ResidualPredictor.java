package dev.resface.editing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.model.Direction;
import dev.resface.model.ResidualGan;

/** Runs G0 or G1 in inference mode (batch-norm running statistics) on plain float arrays. */
public final class ResidualPredictor {
    private ResidualPredictor() {}

    /** @param nchw n images, 3 x size x size each, in [-1, 1]; returns their residuals in the same layout */
    public static float[] residuals(ResidualGan gan, Direction direction, float[] nchw, int n) {
        int size = gan.config().imageSize();
        try (NDManager scratch = gan.manager().newSubManager()) {
            NDArray x = scratch.create(nchw, new Shape(n, 3, size, size));
            return gan.edit(gan.generator(direction), x, false).residual().toFloatArray();
        }
    }
}
