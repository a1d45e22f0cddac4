package dev.resface.training;

import ai.djl.ndarray.NDManager;
import dev.resface.model.EditingModel;
import dev.resface.model.ResidualGan;
import dev.resface.model.vaegan.VaeGan;

/** Builds a run's method from its configuration: the one place that knows which methods exist. */
public final class Methods {
    private Methods() {}

    /** Fresh networks and optimisers for training. */
    public static MethodTrainer trainer(RunConfig config, NDManager manager) {
        return switch (config.method()) {
            case RESIDUAL_GAN -> new ResidualGanTrainer(new ResidualGan(config.model(), manager), config.train());
            case VAE_GAN -> new VaeGanTrainer(new VaeGan(config.model(), config.vaeGan(), manager), config.train());
        };
    }

    /** A trained run's model, ready to edit. */
    public record Trained(EditingModel model, long iteration) {}

    public static Trained load(RunFolder folder, RunConfig config, NDManager manager) {
        EditingModel model = switch (config.method()) {
            case RESIDUAL_GAN -> new ResidualGan(config.model(), manager);
            case VAE_GAN -> new VaeGan(config.model(), config.vaeGan(), manager);
        };
        try {
            long iteration = Checkpoint.loadModel(folder.checkpoint(), model);
            if (model instanceof VaeGan vae) {
                AttributeDirection.load(folder.latentDirection(), vae);
            }
            model.freeze();
            return new Trained(model, iteration);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
