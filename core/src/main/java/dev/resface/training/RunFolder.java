package dev.resface.training;

import dev.resface.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a run folder. */
public record RunFolder(Path root) {
    public Path config() {
        return root.resolve(RunConfig.FILE);
    }

    public Path checkpoint() {
        return root.resolve(Checkpoint.FILE);
    }

    /** A new run must not overwrite a trained one. */
    public void requireNoTrainedRun() {
        if (Files.exists(checkpoint())) {
            throw BadInputException.at(root, "already holds a trained run; pass --resume to continue it or choose another --out");
        }
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    /** Held-out scores logged while training (see {@link ProgressScorer}); absent when the run was not scored. */
    public Path scores() {
        return root.resolve("scores.jsonl");
    }

    public Path scoreCurves() {
        return root.resolve("scores.png");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path sample(long iteration) {
        return samples().resolve(String.format("iter-%07d.png", iteration));
    }

    public Path lossCurves() {
        return root.resolve("losses.png");
    }
}
