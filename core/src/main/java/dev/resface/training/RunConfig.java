package dev.resface.training;

import dev.resface.BadInputException;
import dev.resface.engine.Machine;
import dev.resface.model.ModelConfig;
import dev.resface.model.vaegan.VaeGanConfig;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything that defines a run, written to RUN/config.json; edit and resume rebuild the model from it.
 *
 * @param model the residual GAN's networks; for VAE-GAN only its image size and width apply
 * @param machine where it last trained (null until it has): a run is bit-exact only on the same machine
 * @param method what is trained; null (runs written before VAE-GAN existed) is the residual GAN
 * @param vaeGan VAE-GAN's own settings, null unless the method is VAE-GAN (then null means the published ones)
 */
public record RunConfig(ModelConfig model, TrainConfig train, DataConfig data, Machine machine, Method method,
        VaeGanConfig vaeGan) {
    public static final String FILE = "config.json";

    public RunConfig {
        if (method == null) {
            method = Method.RESIDUAL_GAN;
        }
        if (method == Method.VAE_GAN && vaeGan == null) {
            vaeGan = VaeGanConfig.published();
        }
        if (method != Method.VAE_GAN) {
            vaeGan = null;
        }
    }

    public RunConfig(ModelConfig model, TrainConfig train, DataConfig data) {
        this(model, train, data, null, null, null);
    }

    public RunConfig(ModelConfig model, TrainConfig train, DataConfig data, Machine machine) {
        this(model, train, data, machine, null, null);
    }

    public RunConfig onMachine(Machine m) {
        return new RunConfig(model, train, data, m, method, vaeGan);
    }

    public RunConfig withMethod(Method m) {
        return new RunConfig(model, train, data, machine, m, null);
    }

    public RunConfig withVaeGan(VaeGanConfig v) {
        return new RunConfig(model, train, data, machine, Method.VAE_GAN, v);
    }

    public RunConfig withModel(ModelConfig m) {
        return new RunConfig(m, train, data, machine, method, vaeGan);
    }

    public RunConfig withTrain(TrainConfig t) {
        return new RunConfig(model, t, data, machine, method, vaeGan);
    }

    public RunConfig withIterations(long iterations) {
        return new RunConfig(model, train.withIterations(iterations), data, machine, method, vaeGan);
    }

    public void write(Path runDir) throws IOException {
        PrettyJson.write(runDir.resolve(FILE), this);
    }

    public static RunConfig read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "missing: " + runDir + " is not a resface run folder");
        }
        try {
            return PrettyJson.read(file, RunConfig.class);
        } catch (IOException e) {
            throw BadInputException.at(file, "not a valid run configuration: " + e.getMessage());
        }
    }
}
