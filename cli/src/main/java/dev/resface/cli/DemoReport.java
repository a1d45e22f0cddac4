package dev.resface.cli;

import dev.resface.evaluation.GroundTruthEvaluation.DirectionResult;
import dev.resface.evaluation.GroundTruthEvaluation.Scored;
import dev.resface.evaluation.GroundTruthScore.ScoreSummary;
import dev.resface.evaluation.EditReport;
import dev.resface.evaluation.EditSummary;
import dev.resface.engine.Machine;
import dev.resface.evaluation.RunEvaluation;
import dev.resface.report.HtmlReport;
import dev.resface.report.SampleGrid;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** runs/demo/report.html: what the demo trained, what its edits look like, and whether they approach the truth. */
final class DemoReport {
    static final String FILE = "report.html";
    private static final int SHOWN = 6;

    private final Path out;
    private final RunFolder run;
    private final RunConfig config;
    private final DirectionResult add;
    private final DirectionResult remove;
    private final RunEvaluation.Result evaluation;
    private final double minutes;

    DemoReport(Path out, RunFolder run, RunConfig config, DirectionResult add, DirectionResult remove,
            RunEvaluation.Result evaluation, double minutes) {
        this.out = out;
        this.run = run;
        this.config = config;
        this.add = add;
        this.remove = remove;
        this.evaluation = evaluation;
        this.minutes = minutes;
    }

    void write() throws IOException {
        int size = config.model().imageSize();
        new SampleGrid(size, examples(add, false), examples(remove, false)).save(out.resolve("edits-best.png"));
        new SampleGrid(size, examples(add, true), examples(remove, true)).save(out.resolve("edits-median.png"));
        TrainConfig t = config.train();
        HtmlReport html = new HtmlReport("resface demo: adding and removing eyeglasses")
                .paragraph(String.format("SynthFaces, %dpx crops, width %.2f, batch %d, %d iterations, alpha %.3g; %.1f minutes in all.",
                        size, config.model().width(), t.batchSize(), t.iterations(),
                        t.lossWeights().effectiveAlpha(t.attribute(), size), minutes))
                .paragraph("Measured on " + Machine.current().line() + ". Another CPU model picks other libtorch"
                        + " kernels: the same seed then gives other figures (bit-identical only on the same CPU model"
                        + " and thread count).")
                .heading("Ground truth: edited faces against the same faces drawn with / without glasses")
                .table(List.of(
                        List.of("direction", "test faces", "PSNR input", "PSNR edited", "gain dB", "MAE input", "MAE edited",
                                "residual in mask", "mask area", "remnant median", "remnant p90", "mean undone / overdone", "MAE outside mask",
                                "streaks"),
                        row("add (G0)", add.summary(), evaluation.add()),
                        row("remove (G1)", remove.summary(), evaluation.remove())))
                .paragraph("The remnant is what is left of the attribute inside its mask: the sum over the mask of"
                        + " |edited - truth| over the same sum for the unedited face (1: nothing changed, 0: the truth)."
                        + " Its undone part is where the edit stayed on the input's side of the truth (too little); its"
                        + " overdone part where it overshot or changed what the input had right."
                        + " MAE outside the mask is against the input, in grey levels; streaks is the root mean square"
                        + " of each row's mean change outside the mask.")
                .paragraph("Adding: " + add.summary().verdict())
                .paragraph("Removing: " + remove.summary().verdict())
                .heading("Held-out edits with the highest PSNR gain (rows: input, edited, residual; add left, remove right)")
                .image("edits-best.png", "best edits")
                .heading("Median edits")
                .image("edits-median.png", "median edits")
                .heading("Training samples at the last iteration")
                .image(out.relativize(run.root().resolve("samples-latest.png")).toString(), "fixed sample faces")
                .heading("Did the edit work, and change nothing else? (resface eval)")
                .paragraph("Success rate from an attribute classifier trained on the demo's faces, change outside the"
                        + " glasses mask, identity kept by face-api's recognition net, and distance to the true"
                        + " counterparts. Full report with ranked edits: "
                        + out.relativize(evaluation.folder().resolve(EditReport.HTML)) + ".")
                .preformatted(evaluation.table())
                .heading("Held-out scores while training: was each direction still improving?")
                .paragraph("Classifier success rate and PSNR gain toward the true counterparts on all test faces, logged"
                        + " while training (scores.jsonl in the run folder).")
                .image(out.relativize(run.scoreCurves()).toString(), "held-out scores against iteration")
                .heading("Losses")
                .image(out.relativize(run.lossCurves()).toString(), "loss curves")
                .paragraph("Run folder: " + out.relativize(run.root()) + " (config.json, metrics.jsonl, checkpoint.bin, samples/).");
        html.write(out.resolve(FILE));
    }

    private static List<String> row(String name, ScoreSummary s, EditSummary e) {
        return List.of(name, String.valueOf(s.count()), f(s.meanPsnrInput()), f(s.meanPsnrEdited()), f(s.gain()),
                f(s.meanMaeInput()), f(s.meanMaeEdited()), f(s.meanResidualMaskShare()), f(s.meanMaskAreaShare()),
                f(e.remnantMedian()), f(e.remnantP90()), f(e.remnantUndone()) + " / " + f(e.remnantOverdone()),
                f(e.maeOutside()), f(e.streak()));
    }

    private static String f(double v) {
        return String.format("%.3f", v);
    }

    /** The best (or median) SHOWN images of a direction by PSNR gain. */
    private static List<SampleGrid.Example> examples(DirectionResult result, boolean median) {
        List<Scored> sorted = new ArrayList<>(result.images());
        sorted.sort(Comparator.comparingDouble((Scored s) -> s.score().gain()).reversed());
        int n = Math.min(SHOWN, sorted.size());
        int from = median ? Math.max(0, sorted.size() / 2 - n / 2) : 0;
        List<SampleGrid.Example> out = new ArrayList<>();
        for (Scored s : sorted.subList(from, from + n)) {
            out.add(new SampleGrid.Example(s.input(), s.residual()));
        }
        return out;
    }
}
