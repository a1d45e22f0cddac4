package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** An optimiser of one network whose whole state can be checkpointed, so a resumed run continues bit for bit. */
public interface Optimizer {
    /** Applies the gradients of the last backward pass, with the learning rate scaled by a schedule's factor. */
    void step(NDManager scratch, double rateScale);

    /** Updates made so far. */
    long steps();

    void restoreSteps(long steps);

    /** The state tensors in a fixed order. */
    List<NDArray> state();
}
