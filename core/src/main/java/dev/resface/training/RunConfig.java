package dev.resface.training;

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
 * @param machine where it last trained (null until it has): a run is bit-exact only on the same machine
 */
public record RunConfig(ModelConfig model, TrainConfig train, DataConfig data, Machine machine) {
    public static final String FILE = "config.json";

    public RunConfig(ModelConfig model, TrainConfig train, DataConfig data) {
        this(model, train, data, null);
    }

    public RunConfig onMachine(Machine m) {
        return new RunConfig(model, train, data, m);
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
