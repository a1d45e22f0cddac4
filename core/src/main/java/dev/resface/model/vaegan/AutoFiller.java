package dev.resface.model.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * The start weights of VAE-GAN's authors' code (deeppy's AutoFiller): uniform within +-1/sqrt(3 fan_in), where fan_in
 * is a conv's channels x kernel area or a dense layer's inputs. DJL's default (normal, variance 2/fan_in) is about 4x
 * larger, which matters on the layers without batch norm: the mu / log-variance head, D's first conv and logit, the
 * decoder's last conv.
 */
final class AutoFiller implements Initializer {
    /** For DJL's weight shapes, (out, in) and (out, in, kh, kw): everything after the first axis. */
    static double scale(Shape shape) {
        long fanIn = shape.size() / shape.get(0);
        return 1 / Math.sqrt(3.0 * fanIn);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        float s = (float) scale(shape);
        return manager.randomUniform(-s, s, shape, dataType);
    }
}
