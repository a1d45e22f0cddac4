package dev.resface.spark;

import dev.resface.model.Direction;
import java.io.Serializable;
import java.util.List;

/**
 * One Spark edit job, printed into its output folder (config.json); a rerun on the same folder must ask for the same
 * edit, so that the rows it skips as done are the edit it was asked for.
 *
 * @param input a folder of photos, or a text file of photo paths, one a line (relative ones are read from the list's
 *     folder); every executor must be able to read them
 * @param runs run folders applied in turn, each loaded once per executor
 * @param crops the inputs are aligned face crops, edited as they are (no face finding)
 * @param master Spark's master URL; null: spark-submit's, else local[*]
 * @param chunk photos per Spark job: a killed job loses at most this much work
 */
public record SparkEditConfig(String input, List<String> runs, String out, Direction direction, float strength,
        boolean crops, String faceApi, String predictor, String master, int chunk) implements Serializable {
    public SparkEditConfig {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run to edit with");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("--chunk must be positive, got " + chunk);
        }
    }

    /** What decides the outputs: two configs that agree on it write the same rows. */
    public boolean sameEdit(SparkEditConfig other) {
        return runs.equals(other.runs) && direction == other.direction && strength == other.strength
                && crops == other.crops;
    }
}
