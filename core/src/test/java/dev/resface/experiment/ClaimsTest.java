package dev.resface.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.RunResult.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    /** One run of a configuration with the same value of {@code metric} in both directions. */
    static RunResult run(String configuration, long seed, Metric metric, double add, double remove) {
        Map<String, Double> a = new HashMap<>();
        Map<String, Double> r = new HashMap<>();
        a.put(metric.key, add);
        r.put(metric.key, remove);
        return new RunResult(configuration, seed, 10, 1, a, r);
    }

    static ExperimentSummary summary(RunResult... runs) {
        return ExperimentSummary.of(Configuration.standard(), List.of(runs));
    }

    static String verdict(Metric m, double[] a, double[] b) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            runs.add(run("resface", i + 1, m, a[i], a[i]));
            runs.add(run("no-residual", i + 1, m, b[i], b[i]));
        }
        return Claims.compare(ExperimentSummary.of(Configuration.standard(), runs), "s", "resface", "no-residual", m)
                .verdict();
    }

    @Test
    void verdictsFollowTheMeansAndTheSeedsRanges() {
        // lower is better: 1..2 against 3..4 is clear; 1..3.5 against 3..4 overlaps; reversed is contradicted
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {1, 2}, new double[] {3, 4})).isEqualTo("supported");
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {1, 3.5}, new double[] {3, 4}))
                .isEqualTo("supported by the means (the seeds overlap)");
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {3, 4}, new double[] {1, 2})).isEqualTo("contradicted");
        assertThat(verdict(Metric.TRUTH_GAIN, new double[] {3, 4}, new double[] {1, 2})).isEqualTo("supported");
        // nearer zero is better: -0.1..0.1 beats 0.3..0.5 clearly; a range spanning 0 can't be beaten clearly
        assertThat(verdict(Metric.MALE_SHIFT, new double[] {-0.1, 0.1}, new double[] {0.3, 0.5})).isEqualTo("supported");
        assertThat(verdict(Metric.MALE_SHIFT, new double[] {0.05, 0.1}, new double[] {-0.4, 0.6}))
                .isEqualTo("supported by the means (the seeds overlap)");
    }

    @Test
    void mixedDirectionsAndMissingRunsAreSaidSo() {
        ExperimentSummary mixed = summary(run("resface", 1, Metric.MAE_OUTSIDE, 1, 5),
                run("no-residual", 1, Metric.MAE_OUTSIDE, 2, 4));
        Claims.Claim c = Claims.compare(mixed, "s", "resface", "no-residual", Metric.MAE_OUTSIDE);
        assertThat(c.verdict()).isEqualTo("not supported (mixed between directions)");
        assertThat(c.evidence()).contains("add resface 1.00 vs no-residual 2.00", "remove resface 5.00 vs no-residual 4.00");
        assertThat(Claims.compare(mixed, "s", "resface", "vae-gan", Metric.MAE_OUTSIDE).verdict())
                .isEqualTo("not measured here");
        // Not measured: the metric is missing (NaN) in a run.
        assertThat(Claims.compare(mixed, "s", "resface", "no-residual", Metric.HAIR_CHANGE).verdict())
                .isEqualTo("not measured here");
    }

    @Test
    void decorrelationIsJudgedOnNoBeardOnly() {
        ExperimentSummary s = summary(run("resface", 1, Metric.HAIR_CHANGE, 1, 1), run("vae-gan", 1, Metric.HAIR_CHANGE, 9, 9));
        List<Claims.Claim> beard = Claims.of(s, FaceAttribute.NO_BEARD);
        List<Claims.Claim> glasses = Claims.of(s, FaceAttribute.EYEGLASSES);
        Claims.Claim hairBeard = beard.stream().filter(c -> c.statement().contains("changes the hair")).findFirst().orElseThrow();
        Claims.Claim hairGlasses = glasses.stream().filter(c -> c.statement().contains("changes the hair")).findFirst().orElseThrow();
        assertThat(hairBeard.verdict()).isEqualTo("supported");
        assertThat(hairGlasses.verdict()).isEqualTo("not measured here");
        assertThat(hairGlasses.evidence()).contains("edits Eyeglasses, not No_Beard");
    }
}
