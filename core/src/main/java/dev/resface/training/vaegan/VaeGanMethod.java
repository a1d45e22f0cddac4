package dev.resface.training.vaegan;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resface.model.EditingModel;
import dev.resface.model.vaegan.VaeGan;
import dev.resface.model.vaegan.VaeGanConfig;
import dev.resface.training.MethodTrainer;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainingMethod;
import dev.resface.util.PrettyJson;

/**
 * The paper's baseline, VAE-GAN (Larsen et al. 2016): an attribute is a direction in its latent space, the mean
 * encoding of faces with it minus that of faces without, kept in the run folder beside the checkpoint.
 */
public final class VaeGanMethod implements TrainingMethod {
    public static final String ID = "vae-gan";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "its baseline, Larsen et al. 2016, which takes --size, --width and the optimisation budget";
    }

    /** Missing: the published settings. */
    @Override
    public JsonNode settings(JsonNode given) {
        return PrettyJson.tree(given == null || given.isNull() ? VaeGanConfig.published()
                : PrettyJson.convert(given, VaeGanConfig.class));
    }

    /** A run of this method, with these settings, on the rest of {@code config}. */
    public static RunConfig configure(RunConfig config, VaeGanConfig settings) {
        return config.withMethod(ID, PrettyJson.tree(settings));
    }

    public static VaeGanConfig settingsOf(RunConfig config) {
        return PrettyJson.convert(config.settings(), VaeGanConfig.class);
    }

    @Override
    public MethodTrainer trainer(RunConfig config, NDManager manager) {
        return new VaeGanTrainer(model(config, manager), config.train());
    }

    @Override
    public VaeGan model(RunConfig config, NDManager manager) {
        return new VaeGan(config.model(), settingsOf(config), manager);
    }

    @Override
    public void loaded(RunFolder folder, EditingModel model) {
        AttributeDirection.load(AttributeDirection.in(folder), (VaeGan) model);
    }

    @Override
    public boolean showsResidual() {
        return false;
    }
}
