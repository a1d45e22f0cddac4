package dev.resface.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.resface.BadInputException;
import dev.resface.model.ModelConfig;
import dev.resface.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Everything that defines a run, written to RUN/config.json; edit and resume rebuild the model from it. */
public record RunConfig(ModelConfig model, TrainConfig train, DataConfig data) {
    public static final String FILE = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path runDir) throws IOException {
        AtomicFiles.writeString(runDir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }

    public static RunConfig read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "missing: " + runDir + " is not a resface run folder");
        }
        try {
            return JSON.readValue(file.toFile(), RunConfig.class);
        } catch (IOException e) {
            throw BadInputException.at(file, "not a valid run configuration: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
