package dev.resface.training.residualgan;

import ai.djl.ndarray.NDManager;
import dev.resface.model.EditingModel;
import dev.resface.model.ResidualGan;
import dev.resface.training.MethodTrainer;
import dev.resface.training.RunConfig;
import dev.resface.training.TrainingMethod;

/** The paper's method: G0 and G1 output residual images, one 3-class D judges both (docs/method.md). */
public final class ResidualGanMethod implements TrainingMethod {
    public static final String ID = "residual-gan";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "the paper's residual GAN (default)";
    }

    @Override
    public MethodTrainer trainer(RunConfig config, NDManager manager) {
        return new ResidualGanTrainer(new ResidualGan(config.model(), manager), config.train());
    }

    @Override
    public EditingModel model(RunConfig config, NDManager manager) {
        return new ResidualGan(config.model(), manager);
    }
}
