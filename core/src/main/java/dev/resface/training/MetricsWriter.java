package dev.resface.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Appends one JSON object per logged iteration to a run's log (metrics.jsonl, scores.jsonl). */
final class MetricsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    MetricsWriter(Path file) {
        this.file = file;
    }

    /**
     * On resume, drops lines logged after the checkpoint (they will be logged again) and any half-written last line
     * left by a kill, so the file reads as one uninterrupted run.
     */
    void truncateAfter(long iteration) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                if (JSON.readTree(line).path("iteration").asLong(Long.MAX_VALUE) <= iteration) {
                    kept.add(line);
                }
            } catch (IOException partial) {
                break;
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    void append(long iteration, StepLosses losses, double itPerSecond) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>(losses.asMap());
        row.put("it_per_s", Math.round(itPerSecond * 1000) / 1000.0);
        append(iteration, row);
    }

    void append(long iteration, Map<String, ?> values) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", iteration);
        row.putAll(values);
        Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
