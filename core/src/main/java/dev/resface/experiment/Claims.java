package dev.resface.experiment;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.ExperimentSummary.Row;
import dev.resface.experiment.RunResult.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's claims, each judged from an experiment's numbers: a configuration is "better" on a metric when its mean
 * over the seeds is better in both directions; "clearly" when, in both, even its worst seed beats the other's best.
 */
public final class Claims {
    /** @param verdict supported, supported (seeds overlap), not supported, contradicted, or not measured here */
    public record Claim(String statement, String evidence, String verdict) {}

    private Claims() {}

    public static List<Claim> of(ExperimentSummary s, FaceAttribute attribute) {
        List<Claim> out = new ArrayList<>();
        out.add(compare(s, "Residual learning keeps the rest of the face: resface changes less outside the attribute"
                + " region than the same networks without residual learning.", Configuration.PAPER,
                Configuration.NO_RESIDUAL, Metric.MAE_OUTSIDE));
        out.add(compare(s, "resface changes less outside the attribute region than VAE-GAN.", Configuration.PAPER,
                Configuration.VAE_GAN, Metric.MAE_OUTSIDE));
        out.add(compare(s, "Dual learning makes better edits: resface comes closer to the true counterparts than"
                + " without dual learning.", Configuration.PAPER, Configuration.NO_DUAL, Metric.TRUTH_GAIN));
        out.add(compare(s, "Without dual learning more changes outside the attribute region (the paper saw hair"
                + " colour change).", Configuration.PAPER, Configuration.NO_DUAL, Metric.MAE_OUTSIDE));
        out.add(noBeardOnly(attribute, compare(s, "Decorrelation: VAE-GAN's No_Beard edit also changes the hair"
                + " (beards and short hair come together in the data); resface's leaves it.", Configuration.PAPER,
                Configuration.VAE_GAN, Metric.HAIR_CHANGE)));
        out.add(noBeardOnly(attribute, compare(s, "Decorrelation: VAE-GAN's No_Beard edit also moves the face toward"
                + " the other gender (beards come with men); resface's moves it less.", Configuration.PAPER,
                Configuration.VAE_GAN, Metric.MALE_SHIFT)));
        out.add(compare(s, "L1, the paper's residual norm, comes at least as close to the truth as L2.",
                Configuration.PAPER, Configuration.L2_RESIDUAL, Metric.TRUTH_GAIN));
        out.add(compare(s, "The sparsity term matters: without it the edit changes more outside the region.",
                Configuration.PAPER, Configuration.NO_SPARSITY, Metric.MAE_OUTSIDE));
        out.add(compare(s, "resface's D without batch norm teaches the generators the attribute at least as well as"
                + " Table 1's D with it (the classifier sees the edit).", Configuration.PAPER, Configuration.TABLE1_D,
                Metric.SUCCESS));
        return out;
    }

    private static Claim noBeardOnly(FaceAttribute attribute, Claim c) {
        return attribute == FaceAttribute.NO_BEARD ? c : new Claim(c.statement(), c.evidence() + " (this experiment"
                + " edits " + attribute.celebaName() + ", not No_Beard)", "not measured here");
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
            return new Claim(statement, "needs both " + a + " and " + b + " in the experiment", "not measured here");
        }
        StringBuilder evidence = new StringBuilder(metric.title + ":");
        int better = 0;
        int clearly = 0;
        int worse = 0;
        for (String d : ExperimentSummary.DIRECTIONS) {
            Spread x = ra.spread(d, metric);
            Spread y = rb.spread(d, metric);
            evidence.append(' ').append(d).append(' ').append(a).append(' ').append(x.text()).append(" vs ").append(b)
                    .append(' ').append(y.text()).append(';');
            if (!x.measured() || !y.measured()) {
                return new Claim(statement, evidence.toString(), "not measured here");
            }
            double gain = goodness(x.mean(), metric) - goodness(y.mean(), metric);
            if (gain > 0) {
                better++;
                clearly += worst(x, metric) > best(y, metric) ? 1 : 0;
            } else if (gain < 0) {
                worse++;
            }
        }
        String verdict = better == 2 ? clearly == 2 ? "supported" : "supported by the means (the seeds overlap)"
                : worse == 2 ? "contradicted" : "not supported (mixed between directions)";
        return new Claim(statement, evidence.substring(0, evidence.length() - 1), verdict);
    }
}
