package dev.resface.training;

import ai.djl.ndarray.NDArray;
import dev.resface.model.EditingModel;
import java.io.IOException;
import java.util.List;

/**
 * One method's training, as {@link TrainingRun} drives it: it owns the order of its networks' updates; the run owns
 * data, progress, metrics, samples, checkpoints and resume, the same for every method.
 */
public interface MethodTrainer {
    EditingModel model();

    /** One iteration on x0 (faces without the attribute) and x1 (with it), (N,3,s,s) in [-1,1]. */
    StepLosses step(NDArray x0, NDArray x1);

    /** Optimiser states in a fixed order, for the checkpoint. */
    List<Optimizer> optimizers();

    /** Its settings in one line, for the run log. */
    String describe();

    /**
     * Makes the model able to edit in the middle of training, for sample grids and held-out scores, without touching
     * the training state (VAE-GAN: an interim attribute direction from a few hundred faces).
     */
    default void readyToEdit(TrainingData data) {}

    /** What a method derives from its trained networks once training ends (VAE-GAN: its attribute direction). */
    default void finish(TrainingData data, RunFolder folder) throws IOException {}
}
