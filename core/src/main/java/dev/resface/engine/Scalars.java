package dev.resface.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Products, quotients and maxima with a constant, for anything a backward will pass through. DJL's Number overloads
 * ({@code x.mul(0.5f)}) put the constant in a tensor over a Java direct buffer and close that tensor at once, but
 * autograd keeps it for the backward (d(x v)/dx = v): once the garbage collector has freed the buffer and malloc has
 * handed the memory out again, the backward multiplies by whatever lies there. Measured here: with a thread calling
 * System.gc() every 5 ms, no two 6-iteration trainings of either method ended alike, and VAE-GAN went NaN; with the
 * constants in libtorch's own memory, every run was bit-identical. Ops that keep no operand (add, sub, clip) are safe.
 */
public final class Scalars {
    private Scalars() {}

    public static NDArray mul(NDArray x, double v) {
        try (NDArray c = constant(x, v)) {
            return x.mul(c);
        }
    }

    public static NDArray div(NDArray x, double v) {
        try (NDArray c = constant(x, v)) {
            return x.div(c);
        }
    }

    public static NDArray max(NDArray x, double v) {
        try (NDArray c = constant(x, v)) {
            return x.maximum(c);
        }
    }

    /** A 0-d tensor that libtorch allocates (and frees when the last tensor using it is gone). */
    private static NDArray constant(NDArray x, double v) {
        return x.getManager().full(new Shape(), (float) v, x.getDataType());
    }
}
