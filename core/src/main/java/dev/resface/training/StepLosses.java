package dev.resface.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named loss values of one iteration, as logged to metrics.jsonl (charted by name prefix) and shown on the
 * progress bar. Each method names its own; the first three are the bar's.
 */
public record StepLosses(Map<String, Float> values) {
    public StepLosses {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean allFinite() {
        return values.values().stream().allMatch(Float::isFinite);
    }

    public Map<String, Number> asMap() {
        return new LinkedHashMap<>(values);
    }

    public String brief() {
        StringBuilder s = new StringBuilder();
        values.entrySet().stream().limit(3).forEach(e -> s.append(s.length() == 0 ? "" : " ")
                .append(e.getKey().replace("loss_", "")).append(String.format(" %.3f", e.getValue())));
        return s.toString();
    }
}
