package dev.resface.gallery;

import dev.resface.data.FaceAttribute;
import dev.resface.engine.Machine;
import dev.resface.experiment.ExperimentRunner;
import dev.resface.experiment.ExperimentSummary;
import dev.resface.experiment.ExperimentSummary.Row;
import dev.resface.experiment.RunResult;
import dev.resface.experiment.RunResult.Metric;
import dev.resface.experiment.Spread;
import dev.resface.report.HtmlReport;
import dev.resface.training.RunConfig;
import dev.resface.training.TrainConfig;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** gallery/report.html and gallery/results.json: the six attributes' figure, chain and tables, judged by the bars. */
public final class GalleryReport {
    public static final String HTML = "report.html";
    public static final String RESULTS = "results.json";
    public static final String FIGURE = "figure.png";
    public static final String CHAIN = "chain.png";

    /** The metrics of the tables, in order. */
    private static final List<Metric> SHOWN = List.of(Metric.SUCCESS, Metric.TRUTH_GAIN, Metric.REMNANT,
            Metric.REMNANT_UNDONE, Metric.MAE_OUTSIDE, Metric.ENERGY_INSIDE, Metric.IDENTITY, Metric.FACE_API_MALE_SHIFT);

    private GalleryReport() {}

    public static void write(Path out, Gallery gallery, List<RunResult> results, double minutes) throws IOException {
        Files.createDirectories(out);
        ExperimentSummary summary = ExperimentSummary.of(gallery.configurations(), results);
        Map<FaceAttribute, Path> shown = new LinkedHashMap<>();
        for (FaceAttribute a : gallery.attributes()) {
            Path run = ExperimentRunner.runFolder(out, a.celebaName(), 1);
            if (Files.exists(run.resolve(RunResult.FILE))) {
                shown.put(a, run);
            }
        }
        HtmlReport html = new HtmlReport("resface gallery: the paper's six attributes, each both ways");
        html.paragraph(String.format(Locale.ROOT, "%d run(s) of %d attribute(s), seeds 1 to %d; %.1f minutes in this"
                + " sitting. Machine: %s. Each cell: the mean over the seeds, then the range in brackets.",
                results.size(), gallery.attributes().size(), gallery.seeds(), minutes, Machine.current().line()));
        List<String> figures = new ArrayList<>();
        if (!shown.isEmpty()) {
            List<float[]> faces = GalleryFigures.testFaces(shown.values().iterator().next());
            int size = gallery.config(shown.keySet().iterator().next()).model().imageSize();
            GalleryFigures.attributes(shown, faces, size).save(out.resolve(FIGURE));
            figures.add(FIGURE);
            html.heading("The same test faces, each attribute added (G0) and removed (G1), seed 1")
                    .paragraph("Rows: " + words(shown.keySet()) + ". Heat maps share one scale per row.")
                    .image(FIGURE, "every attribute both ways");
            List<GalleryFigures.Step> chain = GalleryFigures.CHAIN.stream()
                    .filter(s -> shown.containsKey(s.attribute())).toList();
            if (chain.size() >= 2) {
                GalleryFigures.chain(shown, chain, faces, size).save(out.resolve(CHAIN));
                figures.add(CHAIN);
                html.heading("Several attributes in one edit: each run applied to the previous one's result")
                        .image(CHAIN, "chained edits");
            }
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row row : summary.rows()) {
            FaceAttribute a = FaceAttribute.parse(row.id());
            RunConfig config = gallery.config(a);
            TrainConfig t = config.train();
            double alpha = t.lossWeights().effectiveAlpha(a, config.model().imageSize());
            html.heading(String.format(Locale.ROOT, "%s (%s attribute): %d iterations at %dpx, alpha %.3g", a.celebaName(),
                    a.isLocal() ? "local" : "global", t.iterations(), config.model().imageSize(), alpha));
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("direction", "seeds"));
            SHOWN.forEach(m -> header.add(m.title));
            header.add("bars, worst seed");
            rows.add(header);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("attribute", a.celebaName());
            entry.put("local", a.isLocal());
            entry.put("iterations", t.iterations());
            entry.put("size", config.model().imageSize());
            entry.put("alpha", alpha);
            entry.put("trainMinutes", Spread.of(row.runs().stream().map(r -> r.trainSeconds() / 60).toList()).json());
            for (String d : ExperimentSummary.DIRECTIONS) {
                boolean adding = d.equals("add");
                List<String> cells = new ArrayList<>(List.of((adding ? "G0 " : "G1 ") + a.words(adding),
                        String.valueOf(row.runs().size())));
                Map<String, Object> metrics = new LinkedHashMap<>();
                for (Metric m : SHOWN) {
                    cells.add(row.spread(d, m).text());
                    metrics.put(m.key, row.spread(d, m).json());
                }
                List<String> shortOf = GalleryBars.DEFAULT.shortOf(a, row.runs(), d);
                cells.add(shortOf.isEmpty() ? "all met" : "short: " + String.join("; ", shortOf));
                rows.add(cells);
                Map<String, Object> direction = new LinkedHashMap<>();
                direction.put("edit", a.words(adding));
                direction.put("metrics", metrics);
                direction.put("shortOf", shortOf);
                entry.put(d, direction);
            }
            html.table(rows);
            json.add(entry);
        }
        html.paragraph(GalleryBars.DEFAULT.sentence());
        Path runs = ExperimentRunner.runFolder(out, "any", 1).getParent();
        html.paragraph("Runs: " + runs + " (each an ordinary run folder; `resface serve --runs " + runs + "` edits"
                + " photos with them, several in turn).");
        html.write(out.resolve(HTML));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", Machine.current().line());
        root.put("seeds", gallery.seeds());
        root.put("minutesThisSitting", minutes);
        root.put("bars", GalleryBars.DEFAULT);
        root.put("figures", figures);
        root.put("attributes", json);
        PrettyJson.write(out.resolve(RESULTS), root);
    }

    private static String words(Iterable<FaceAttribute> attributes) {
        List<String> parts = new ArrayList<>();
        for (FaceAttribute a : attributes) {
            parts.add(a.celebaName() + " (G0 " + a.words(true) + ", G1 " + a.words(false) + ")");
        }
        return String.join(", ", parts);
    }
}
