package dev.resface.training;

import dev.resface.BadInputException;
import dev.resface.model.ModelConfig;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Everything that defines a run, written to RUN/config.json; edit and resume rebuild the model from it. */
public record RunConfig(ModelConfig model, TrainConfig train, DataConfig data) {
    public static final String FILE = "config.json";

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
