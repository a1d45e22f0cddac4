package dev.resface.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resface.model.EditingModel;

/**
 * A way to train an editor of one attribute. Its package holds everything of its own (settings, trainer, losses,
 * what a trained run keeps besides the checkpoint); one line in the list that {@link Methods} reads makes it known to
 * train, edit, eval, experiment, serve and spark-edit, which see only this interface, {@link MethodTrainer} and
 * {@link EditingModel}. It needs a public constructor without arguments.
 */
public interface TrainingMethod {
    /** As --method takes it and config.json records it, e.g. "vae-gan". */
    String id();

    /** Its line in the help of --method. */
    String summary();

    /**
     * Its section of config.json completed with its defaults, checked: what a run of it is built from besides the
     * shared model, train and data sections. Null for a method with no settings of its own.
     */
    default JsonNode settings(JsonNode given) {
        return null;
    }

    /** Fresh networks and optimisers for training. */
    MethodTrainer trainer(RunConfig config, NDManager manager);

    /** Its networks for a trained run, before the checkpoint's weights are read into them. */
    EditingModel model(RunConfig config, NDManager manager);

    /** Reads what a finished run keeps besides the checkpoint, once the weights are in (VAE-GAN: its direction). */
    default void loaded(RunFolder folder, EditingModel model) {}

    /** Whether an edit adds a residual to the input that is worth showing as a heat map. */
    default boolean showsResidual() {
        return true;
    }
}
