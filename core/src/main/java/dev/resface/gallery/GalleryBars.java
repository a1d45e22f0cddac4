package dev.resface.gallery;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.RunResult;
import dev.resface.experiment.RunResult.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What "learnt" means for a gallery attribute, judged on its worst seed, as the truth sees it and not only the
 * classifier: success, a gain toward the true counterpart, little of the attribute's gap left, and for a local
 * attribute little change outside its mask.
 */
public record GalleryBars(double minSuccess, double minGainDb, double maxRemnant, double maxMaeOutsideLocal) {
    public static final GalleryBars DEFAULT = new GalleryBars(0.90, 1.0, 0.5, 1.5);

    /** The bars the runs of one direction miss, each with its worst seed's value; empty when all are met. */
    public List<String> shortOf(FaceAttribute attribute, List<RunResult> runs, String direction) {
        List<String> out = new ArrayList<>();
        check(out, runs, direction, Metric.SUCCESS, minSuccess, true);
        check(out, runs, direction, Metric.TRUTH_GAIN, minGainDb, true);
        check(out, runs, direction, Metric.REMNANT, maxRemnant, false);
        if (attribute.isLocal()) {
            check(out, runs, direction, Metric.MAE_OUTSIDE, maxMaeOutsideLocal, false);
        }
        return out;
    }

    private static void check(List<String> out, List<RunResult> runs, String direction, Metric metric, double bar,
            boolean atLeast) {
        double worst = atLeast ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (RunResult r : runs) {
            double v = r.value(direction, metric);
            if (Double.isNaN(v)) {
                out.add(metric.key + " not measured");
                return;
            }
            worst = atLeast ? Math.min(worst, v) : Math.max(worst, v);
        }
        boolean met = atLeast ? worst >= bar : (metric == Metric.REMNANT ? worst < bar : worst <= bar);
        if (!met) {
            out.add(String.format(Locale.ROOT, "%s %.3g %s %.3g", metric.key, worst, atLeast ? "<" : ">", bar));
        }
    }

    public String sentence() {
        return String.format(Locale.ROOT, "Bars, on the worst seed: classifier success at least %.0f%%, a PSNR gain"
                + " toward the true counterpart of at least %+.1f dB, a median remnant under %.2f, and for local"
                + " attributes at most %.1f grey levels of change outside the mask.", 100 * minSuccess, minGainDb,
                maxRemnant, maxMaeOutsideLocal);
    }
}
