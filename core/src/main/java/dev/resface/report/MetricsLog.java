package dev.resface.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.resface.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code metrics.jsonl} training log: one JSON object per line, e.g.
 * {@code {"iteration":10,"loss_D":1.2,"loss_G0":0.7}}. Every numeric field other than {@code iteration} becomes a
 * series (name to (iteration, value) points, in file order; series in order of first appearance). Non-numeric fields
 * (strings, booleans, nested objects, null) are ignored. {@code NaN}, {@code Infinity} and {@code -Infinity} literals
 * (as Python's json module writes them) are accepted. Blank lines are skipped.
 *
 * <p>Strict: a line that is not a JSON object, or lacks an integral non-negative {@code iteration}, is a
 * {@link BadInputException} naming {@code file:line}. That includes a torn last line of a log that is still being
 * written.
 */
public final class MetricsLog {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private MetricsLog() {}

    public static Map<String, List<LossChart.Point>> read(Path file) {
        Map<String, List<LossChart.Point>> series = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                parseLine(file, number, line, series);
            }
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "no such metrics file");
        } catch (CharacterCodingException e) {
            throw BadInputException.at(file, "not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return series;
    }

    private static void parseLine(Path file, int number, String line, Map<String, List<LossChart.Point>> series) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw BadInputException.at(file, number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw BadInputException.at(file, number, "expected a JSON object per line");
        }
        JsonNode it = node.get("iteration");
        if (it == null || !it.isNumber()) {
            throw BadInputException.at(file, number, "missing numeric \"iteration\"");
        }
        if (!it.canConvertToExactIntegral() || !it.canConvertToLong() || it.asLong() < 0) {
            throw BadInputException.at(file, number, "\"iteration\" must be a non-negative integer, got " + it);
        }
        long iteration = it.asLong();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("iteration") || !f.getValue().isNumber()) {
                continue;
            }
            series.computeIfAbsent(f.getKey(), k -> new ArrayList<>())
                    .add(new LossChart.Point(iteration, f.getValue().doubleValue()));
        }
    }
}
