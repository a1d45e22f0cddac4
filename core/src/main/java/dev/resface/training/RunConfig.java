package dev.resface.training;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resface.BadInputException;
import dev.resface.engine.Machine;
import dev.resface.model.ModelConfig;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything that defines a run, written to RUN/config.json; edit and resume rebuild the model from it.
 *
 * @param model the networks' shape; a method other than the residual GAN takes what applies to it (VAE-GAN: image
 *     size and width)
 * @param machine where it last trained (null until it has): a run is bit-exact only on the same machine
 * @param method the id of what is trained (see {@link Methods}); null (runs written before VAE-GAN existed) is the
 *     residual GAN
 * @param settings the method's own section, completed with its defaults (see {@link TrainingMethod#settings});
 *     written as "vaeGan" before methods were plug-ins
 */
public record RunConfig(ModelConfig model, TrainConfig train, DataConfig data, Machine machine, String method,
        @JsonAlias("vaeGan") JsonNode settings) {
    public static final String FILE = "config.json";

    public RunConfig {
        TrainingMethod m = method == null ? Methods.byDefault() : Methods.byId(method);
        method = m.id();
        settings = m.settings(settings);
    }

    public RunConfig(ModelConfig model, TrainConfig train, DataConfig data) {
        this(model, train, data, null, null, null);
    }

    public RunConfig(ModelConfig model, TrainConfig train, DataConfig data, Machine machine) {
        this(model, train, data, machine, null, null);
    }

    public RunConfig onMachine(Machine m) {
        return new RunConfig(model, train, data, m, method, settings);
    }

    /** Another method, with its default settings. */
    public RunConfig withMethod(String id) {
        return withMethod(id, null);
    }

    public RunConfig withMethod(String id, JsonNode methodSettings) {
        return new RunConfig(model, train, data, machine, id, methodSettings);
    }

    public RunConfig withModel(ModelConfig m) {
        return new RunConfig(m, train, data, machine, method, settings);
    }

    public RunConfig withTrain(TrainConfig t) {
        return new RunConfig(model, t, data, machine, method, settings);
    }

    public RunConfig withIterations(long iterations) {
        return new RunConfig(model, train.withIterations(iterations), data, machine, method, settings);
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
