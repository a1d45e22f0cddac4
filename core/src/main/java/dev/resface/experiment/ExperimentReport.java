package dev.resface.experiment;

import dev.resface.data.FaceAttribute;
import dev.resface.engine.Machine;
import dev.resface.experiment.ExperimentSummary.Row;
import dev.resface.experiment.RunResult.Metric;
import dev.resface.report.HtmlReport;
import dev.resface.training.RunConfig;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** experiment/results.json and experiment/report.html: the table, the paper's figure and the judged claims. */
public final class ExperimentReport {
    public static final String RESULTS = "results.json";
    public static final String HTML = "report.html";

    private ExperimentReport() {}

    public static void write(Path out, ExperimentRunner.Options o, List<RunResult> results) throws IOException {
        Files.createDirectories(out);
        RunConfig base = o.base();
        FaceAttribute attribute = base.train().attribute();
        ExperimentSummary summary = ExperimentSummary.of(o.configurations(), results);
        Claims.Judged claims = Claims.of(summary, attribute);
        String budget = budget(base, o.seeds());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attribute", attribute.celebaName());
        json.put("budget", budget);
        json.put("machine", Machine.current().line());
        json.put("base", base);
        json.put("configurations", summary.rows());
        json.put("claims", claims);
        PrettyJson.write(out.resolve(RESULTS), json);

        HtmlReport html = new HtmlReport("resface experiment: " + attribute.celebaName());
        html.paragraph(budget + ". Machine: " + Machine.current().line() + ".");
        html.paragraph("Each cell: the mean over the seeds, then the range (worst to best seed) in brackets.");
        for (String d : ExperimentSummary.DIRECTIONS) {
            html.heading((d.equals("add") ? "Adding " : "Removing ") + attribute.celebaName()).table(table(summary, d));
        }
        html.heading("The paper's claims, judged from these numbers").table(claimTable(claims.paper()));
        html.heading("The project's own questions (not the paper's)").table(claimTable(claims.project()));
        html.paragraph("Supported: better by the means in both directions and even the worst seed beats the other's best."
                + " One seed, or overlapping seeds, is not conclusive. Change outside the region is compared only"
                + " between configurations whose success rates are within "
                + Math.round(100 * Claims.COMPARABLE_SUCCESS) + " points.");
        List<String> figures = ComparisonFigure.write(out, o.configurations());
        if (!figures.isEmpty()) {
            html.heading("The same test faces, edited by each model (seed 1)");
            for (String f : figures) {
                html.image(f, f.contains("add") ? "adding" : "removing");
            }
        }
        html.write(out.resolve(HTML));
    }

    private static List<List<String>> claimTable(List<Claims.Claim> claims) {
        List<List<String>> rows = new ArrayList<>(List.of(List.of("claim", "numbers", "here")));
        claims.forEach(c -> rows.add(List.of(c.statement(), c.evidence(), c.verdict())));
        return rows;
    }

    private static List<List<String>> table(ExperimentSummary s, String direction) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("configuration", "seeds"));
        for (Metric m : Metric.values()) {
            header.add(m.title + " (" + m.better.words() + ")");
        }
        rows.add(header);
        for (Row r : s.rows()) {
            List<String> row = new ArrayList<>(List.of(r.label(), String.valueOf(r.runs().size())));
            for (Metric m : Metric.values()) {
                row.add(r.spread(direction, m).text());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The shared budget in one sentence. */
    static String budget(RunConfig base, int seeds) {
        return String.format(Locale.ROOT,
                "Every configuration: %d iterations, %dpx, width %s, batch %d per side, seeds 1 to %d, data %s",
                base.train().iterations(), base.model().imageSize(), base.model().width(), base.train().batchSize(),
                seeds, base.data().data());
    }
}
