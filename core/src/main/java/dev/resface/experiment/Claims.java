package dev.resface.experiment;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.ExperimentSummary.Row;
import dev.resface.experiment.RunResult.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's claims, and the project's own questions, each judged from an experiment's numbers. A configuration is
 * better on a metric when its mean over the seeds is better in both directions; the verdict is "supported" only when,
 * in both, even its worst seed beats the other's best. One seed, or ranges that overlap, are "not conclusive".
 * Claims about change outside the attribute's region are judged only between configurations that edit comparably,
 * since an edit that does nothing changes nothing outside.
 */
public final class Claims {
    /** Success rates further apart than this (in either direction) make change outside the region incomparable. */
    static final double COMPARABLE_SUCCESS = 0.10;

    /**
     * @param metric what the statement is judged on
     * @param a the configuration the statement favours
     * @param b the one it is compared with
     * @param verdict supported, contradicted, not conclusive (...), not supported (...), not comparable (...) or not
     *     measured here
     */
    public record Claim(String statement, Metric metric, String a, String b, String evidence, String verdict) {}

    /** The paper's claims and the project's own questions, kept apart. */
    public record Judged(List<Claim> paper, List<Claim> project) {}

    private Claims() {}

    public static Judged of(ExperimentSummary s, FaceAttribute attribute) {
        List<Claim> paper = new ArrayList<>();
        paper.add(compare(s, "Residual learning keeps the rest of the face: resface changes less outside the attribute"
                + " region than the same networks without residual learning.", Configuration.PAPER,
                Configuration.NO_RESIDUAL, Metric.MAE_OUTSIDE));
        paper.add(compare(s, "resface changes less outside the attribute region than VAE-GAN.", Configuration.PAPER,
                Configuration.VAE_GAN, Metric.MAE_OUTSIDE));
        paper.add(compare(s, "Dual learning makes better edits: resface comes closer to the true counterparts than"
                + " without dual learning.", Configuration.PAPER, Configuration.NO_DUAL, Metric.TRUTH_GAIN));
        paper.add(compare(s, "Without dual learning more changes outside the attribute region (the paper saw hair"
                + " colour change).", Configuration.PAPER, Configuration.NO_DUAL, Metric.MAE_OUTSIDE));
        paper.add(noBeardOnly(attribute, compare(s, "Decorrelation: VAE-GAN's No_Beard edit also changes the hair"
                + " (beards and short hair come together in the data); resface's leaves it. Measured from each"
                + " model's strength-0 output.", Configuration.PAPER, Configuration.VAE_GAN,
                Metric.HAIR_CHANGE_FROM_ZERO)));
        paper.add(noBeardOnly(attribute, compare(s, "Decorrelation: VAE-GAN's No_Beard edit also moves the face toward"
                + " the other gender (beards come with men); resface's moves it less. Judged by face-api's gender net,"
                + " which does not read beards, per face and absolute.", Configuration.PAPER, Configuration.VAE_GAN,
                Metric.FACE_API_MALE_SHIFT)));
        List<Claim> project = new ArrayList<>();
        project.add(compare(s, "L1, the paper's residual norm, comes at least as close to the truth as L2.",
                Configuration.PAPER, Configuration.L2_RESIDUAL, Metric.TRUTH_GAIN));
        project.add(compare(s, "The sparsity term matters: without it the edit changes more outside the region.",
                Configuration.PAPER, Configuration.NO_SPARSITY, Metric.MAE_OUTSIDE));
        project.add(compare(s, "resface's D without batch norm teaches the generators the attribute at least as well"
                + " as Table 1's D with it, ending on its 4x4 map (the classifier sees the edit).", Configuration.PAPER,
                Configuration.TABLE1_D, Metric.SUCCESS));
        project.add(compare(s, "The CPU preset's full-resolution path leaves less of the attribute behind than"
                + " Table 1's G (median remnant against the truth; equal under the paper preset, which uses Table 1's"
                + " G).",
                Configuration.PAPER, Configuration.TABLE1_G, Metric.REMNANT));
        project.add(compare(s, "VAE-GAN reconstructs faces at least as closely as a plain VAE trained as long (PSNR of"
                + " each model's strength-0 output to its input): the floor the baseline must reach to be a fair"
                + " comparison.", Configuration.VAE_GAN, Configuration.PLAIN_VAE, Metric.RECONSTRUCTION_PSNR));
        return new Judged(paper, project);
    }

    private static Claim noBeardOnly(FaceAttribute attribute, Claim c) {
        return attribute == FaceAttribute.NO_BEARD ? c : new Claim(c.statement(), c.metric(), c.a(), c.b(),
                c.evidence() + " (this experiment edits " + attribute.celebaName() + ", not No_Beard)",
                "not measured here");
    }

    /** Whether the metric counts change outside the attribute, which an edit that does nothing wins. */
    static boolean outsideTheEdit(Metric m) {
        return m == Metric.MAE_OUTSIDE || m == Metric.HAIR_CHANGE || m == Metric.HAIR_CHANGE_FROM_ZERO
                || m == Metric.FACE_API_MALE_SHIFT || m == Metric.MALE_SHIFT;
    }

    /** A value turned so that higher is better. */
    private static double goodness(double v, Metric m) {
        return switch (m.better) {
            case HIGHER -> v;
            case LOWER -> -v;
            case NEARER_ZERO -> -Math.abs(v);
        };
    }

    /** The goodness of a configuration's worst seed. */
    private static double worst(Spread s, Metric m) {
        return Math.min(goodness(s.min(), m), goodness(s.max(), m));
    }

    /** The goodness of its best seed (for nearer-zero, 0 when its range spans 0). */
    private static double best(Spread s, Metric m) {
        if (m.better == RunResult.Better.NEARER_ZERO && s.min() <= 0 && s.max() >= 0) {
            return 0;
        }
        return Math.max(goodness(s.min(), m), goodness(s.max(), m));
    }

    /** Whether configuration {@code a} is better than {@code b} on the metric, in both directions. */
    static Claim compare(ExperimentSummary s, String statement, String a, String b, Metric metric) {
        Row ra = s.row(a);
        Row rb = s.row(b);
        if (ra == null || rb == null) {
            return new Claim(statement, metric, a, b, "needs both " + a + " and " + b + " in the experiment",
                    "not measured here");
        }
        StringBuilder evidence = new StringBuilder(metric.title + ":");
        for (String d : ExperimentSummary.DIRECTIONS) {
            evidence.append(' ').append(d).append(' ').append(a).append(' ').append(ra.spread(d, metric).text())
                    .append(" vs ").append(b).append(' ').append(rb.spread(d, metric).text()).append(';');
        }
        String said = evidence.substring(0, evidence.length() - 1);
        for (String d : ExperimentSummary.DIRECTIONS) {
            if (!ra.spread(d, metric).measured() || !rb.spread(d, metric).measured()) {
                return new Claim(statement, metric, a, b, said, "not measured here");
            }
        }
        if (outsideTheEdit(metric)) {
            String incomparable = incomparable(ra, rb);
            if (incomparable != null) {
                return new Claim(statement, metric, a, b, said, "not comparable: " + incomparable);
            }
        }
        if (ra.runs().size() < 2 || rb.runs().size() < 2) {
            return new Claim(statement, metric, a, b, said, "not conclusive (one seed)");
        }
        int better = 0;
        int clearlyBetter = 0;
        int worse = 0;
        int clearlyWorse = 0;
        for (String d : ExperimentSummary.DIRECTIONS) {
            Spread x = ra.spread(d, metric);
            Spread y = rb.spread(d, metric);
            double gain = goodness(x.mean(), metric) - goodness(y.mean(), metric);
            if (gain > 0) {
                better++;
                clearlyBetter += worst(x, metric) > best(y, metric) ? 1 : 0;
            } else if (gain < 0) {
                worse++;
                clearlyWorse += worst(y, metric) > best(x, metric) ? 1 : 0;
            }
        }
        String verdict;
        if (better == 2) {
            verdict = clearlyBetter == 2 ? "supported" : "not conclusive (better by the means, inside the seeds' noise)";
        } else if (worse == 2) {
            verdict = clearlyWorse == 2 ? "contradicted" : "not conclusive (worse by the means, inside the seeds' noise)";
        } else {
            verdict = "not supported (mixed between directions)";
        }
        return new Claim(statement, metric, a, b, said, verdict);
    }

    /** Why two configurations' changes outside the region cannot be compared, or null when they can. */
    private static String incomparable(Row a, Row b) {
        for (String d : ExperimentSummary.DIRECTIONS) {
            Spread x = a.spread(d, Metric.SUCCESS);
            Spread y = b.spread(d, Metric.SUCCESS);
            if (!x.measured() || !y.measured()) {
                return "success not measured (a run with --classifier is needed; an edit that does nothing would"
                        + " win)";
            }
            if (Math.abs(x.mean() - y.mean()) > COMPARABLE_SUCCESS) {
                return String.format(Locale.ROOT, "success %.0f%% against %.0f%% (%s)", 100 * x.mean(),
                        100 * y.mean(), d);
            }
        }
        return null;
    }
}
