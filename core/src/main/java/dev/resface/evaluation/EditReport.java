package dev.resface.evaluation;

import dev.resface.evaluation.EditEvaluation.Edited;
import dev.resface.report.HtmlReport;
import dev.resface.report.SampleGrid;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** eval/metrics.json, eval/report.html with its picture grids, and the short console table. */
public final class EditReport {
    public static final String METRICS = "metrics.json";
    public static final String HTML = "report.html";
    private static final int SHOWN = 5;

    /** A score the grids rank edits by; higher is better. */
    private record Ranking(String id, String title, ToDoubleFunction<EditScore> value) {}

    private static final List<Ranking> RANKINGS = List.of(
            new Ranking("classifier", "classifier's P(target value) on the edit", EditScore::targetProbability),
            new Ranking("detail", "least change outside the attribute region (-MAE outside)",
                    s -> -s.detail().maeOutside()),
            new Ranking("truth", "PSNR gain toward the true counterpart", EditScore::psnrGain),
            new Ranking("remnant", "least of the attribute left inside its mask (-remnant)", s -> -s.truth().remnant()),
            new Ranking("identity", "identity kept (-face-api descriptor distance)", s -> -s.faceApi().identityDistance()));

    private EditReport() {}

    public static String table(EditSummary add, EditSummary remove) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-34s %12s %12s%n", "", "add (G0)", "remove (G1)"));
        row(s, "test faces", "%12d", add.faces(), remove.faces());
        row(s, "success rate (classifier)", "%11.1f%%", 100 * add.successRate(), 100 * remove.successRate());
        row(s, "  unedited faces already there", "%11.1f%%", 100 * add.unchangedRate(), 100 * remove.unchangedRate());
        row(s, "success rate (face-api, pretrained)", "%11.1f%%", 100 * add.pretrainedSuccessRate(),
                100 * remove.pretrainedSuccessRate());
        row(s, "  unedited faces already there", "%11.1f%%", 100 * add.pretrainedUnchangedRate(),
                100 * remove.pretrainedUnchangedRate());
        row(s, "MAE outside region (grey levels)", "%12.2f", add.maeOutside(), remove.maeOutside());
        row(s, "PSNR outside region (dB)", "%12.2f", add.psnrOutside(), remove.psnrOutside());
        row(s, "change energy inside region", "%11.1f%%", 100 * add.energyInside(), 100 * remove.energyInside());
        row(s, "streaks: RMS row mean outside (grey)", "%12.2f", add.streak(), remove.streak());
        row(s, "remnant in mask: median (0 = truth)", "%12.3f", add.remnantMedian(), remove.remnantMedian());
        row(s, "remnant in mask: 90th percentile", "%12.3f", add.remnantP90(), remove.remnantP90());
        row(s, "  mean part left undone", "%12.3f", add.remnantUndone(), remove.remnantUndone());
        row(s, "  mean part overdone or stray", "%12.3f", add.remnantOverdone(), remove.remnantOverdone());
        row(s, "PSNR to truth: input (dB)", "%12.2f", add.psnrInput(), remove.psnrInput());
        row(s, "PSNR to truth: edited (dB)", "%12.2f", add.psnrEdited(), remove.psnrEdited());
        row(s, "SSIM to truth: input", "%12.4f", add.ssimInput(), remove.ssimInput());
        row(s, "SSIM to truth: edited", "%12.4f", add.ssimEdited(), remove.ssimEdited());
        row(s, "identity distance (face-api)", "%12.3f", add.identityDistance(), remove.identityDistance());
        row(s, "identity cosine similarity", "%12.4f", add.identityCosine(), remove.identityCosine());
        row(s, "  same person (distance < 0.6)", "%11.1f%%", 100 * add.sameIdentityRate(),
                100 * remove.sameIdentityRate());
        row(s, "change inside hair (grey levels)", "%12.2f", add.hairChange(), remove.hairChange());
        row(s, "  from the strength-0 output", "%12.2f", add.hairChangeFromZero(), remove.hairChangeFromZero());
        row(s, "P(Male) shift (classifier)", "%+12.3f", add.maleShift(), remove.maleShift());
        row(s, "face-api |P(male) shift| from s=0", "%12.3f", add.faceApiMaleShift(), remove.faceApiMaleShift());
        row(s, "reconstruction PSNR, s=0 (dB)", "%12.2f", add.reconstructionPsnr(), remove.reconstructionPsnr());
        return s.toString();
    }

    private static void row(StringBuilder s, String name, String format, Object add, Object remove) {
        s.append(String.format(Locale.ROOT, "%-34s " + format + " " + format + "%n", name, add, remove)
                .replace("NaN%", "   -").replace("NaN", "  -"));
    }

    public static void write(Path out, Map<String, Object> context, List<Edited> add, List<Edited> remove,
            EditSummary sa, EditSummary sr, int size) throws IOException {
        Files.createDirectories(out);
        Map<String, Object> metrics = new LinkedHashMap<>(context);
        metrics.put("add", sa);
        metrics.put("remove", sr);
        metrics.put("faces", Map.of("add", EditEvaluation.scores(add), "remove", EditEvaluation.scores(remove)));
        PrettyJson.write(out.resolve(METRICS), metrics);

        HtmlReport html = new HtmlReport("resface eval: " + context.get("attribute"));
        List<List<String>> setup = new ArrayList<>();
        context.forEach((k, v) -> setup.add(List.of(k, String.valueOf(v))));
        html.table(setup, false).heading("Summary").preformatted(table(sa, sr));
        for (Ranking r : RANKINGS) {
            if (Double.isNaN(EditSummary.mean(EditEvaluation.scores(add), s -> r.value().applyAsDouble(s)))) {
                continue;
            }
            html.heading("Edits ranked by " + r.title());
            for (String rank : new String[] {"best", "median", "worst"}) {
                String file = "edits-" + r.id() + "-" + rank + ".png";
                new SampleGrid(size, pick(add, r, rank), pick(remove, r, rank)).groupLabels("add", "remove")
                        .save(out.resolve(file));
                html.image(file, rank + " by " + r.title() + " (rows: input, edited, residual)");
            }
        }
        html.write(out.resolve(HTML));
    }


    /** {@link #SHOWN} edits from the top, the middle or the bottom of the ranking (undefined scores last). */
    private static List<SampleGrid.Example> pick(List<Edited> edits, Ranking r, String rank) {
        List<Edited> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingDouble((Edited e) -> {
            double v = r.value().applyAsDouble(e.score());
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
        }));
        int n = Math.min(SHOWN, sorted.size());
        int from = switch (rank) {
            case "best" -> 0;
            case "median" -> Math.max(0, sorted.size() / 2 - n / 2);
            default -> sorted.size() - n;
        };
        return sorted.subList(from, from + n).stream()
                .map(e -> new SampleGrid.Example(e.input(), e.residual())).toList();
    }
}
