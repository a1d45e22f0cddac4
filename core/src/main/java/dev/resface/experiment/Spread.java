package dev.resface.experiment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A metric over the seeds of one configuration: mean, range and how many seeds measured it. */
public record Spread(double mean, double min, double max, int seeds) {
    public static Spread of(List<Double> values) {
        List<Double> measured = values.stream().filter(v -> !v.isNaN()).toList();
        if (measured.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : measured) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new Spread(sum / measured.size(), min, max, measured.size());
    }

    /** For results files: mean, min, max and seeds, where a value that was not measured is null, never "NaN". */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", measured() ? mean : null);
        m.put("min", measured() ? min : null);
        m.put("max", measured() ? max : null);
        m.put("seeds", seeds);
        return m;
    }

    public boolean measured() {
        return seeds > 0;
    }

    /** "1.23 (1.10 to 1.31)", or the value alone for one seed, or "-" when not measured. */
    public String text() {
        if (!measured()) {
            return "-";
        }
        return seeds == 1 ? format(mean) : format(mean) + " (" + format(min) + " to " + format(max) + ")";
    }

    static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
