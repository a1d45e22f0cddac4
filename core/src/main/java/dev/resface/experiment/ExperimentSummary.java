package dev.resface.experiment;

import dev.resface.experiment.RunResult.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs of an experiment gathered per configuration: each metric's spread over the seeds, both directions. */
public record ExperimentSummary(List<Row> rows) {
    public static final List<String> DIRECTIONS = List.of("add", "remove");

    /** One configuration: its runs and, per direction, metric key -> spread. */
    public record Row(String id, String label, List<RunResult> runs, Map<String, Map<String, Spread>> spreads) {
        public Spread spread(String direction, Metric metric) {
            return spreads.get(direction).get(metric.key);
        }
    }

    public static ExperimentSummary of(List<Configuration> configurations, List<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (Configuration c : configurations) {
            List<RunResult> runs = results.stream().filter(r -> r.configuration().equals(c.id())).toList();
            if (runs.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Spread>> spreads = new LinkedHashMap<>();
            for (String d : DIRECTIONS) {
                Map<String, Spread> m = new LinkedHashMap<>();
                for (Metric metric : Metric.values()) {
                    m.put(metric.key, Spread.of(runs.stream().map(r -> r.value(d, metric)).toList()));
                }
                spreads.put(d, m);
            }
            rows.add(new Row(c.id(), c.label(), runs, spreads));
        }
        return new ExperimentSummary(rows);
    }

    /** The row of a configuration, or null when the experiment did not run it. */
    public Row row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
