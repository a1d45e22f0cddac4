package dev.resface.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.RunResult.Metric;
import dev.resface.model.GeneratorDesign;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.training.DataConfig;
import dev.resface.training.LossWeights;
import dev.resface.training.RunConfig;
import dev.resface.training.TrainConfig;
import dev.resface.util.PrettyJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    /** One run of a configuration with the same value of each given metric in both directions. */
    static RunResult run(String configuration, long seed, Object... metricValues) {
        Map<String, Double> a = new HashMap<>();
        for (int i = 0; i < metricValues.length; i += 2) {
            a.put(((Metric) metricValues[i]).key, (Double) metricValues[i + 1]);
        }
        return new RunResult(configuration, seed, 10, 1, a, new HashMap<>(a));
    }

    static ExperimentSummary summary(List<RunResult> runs) {
        return ExperimentSummary.of(Configuration.standard(), runs);
    }

    /** resface's seeds a[] against no-residual's b[] on one metric, both at the given success rates. */
    static String verdict(Metric m, double[] a, double[] b, double successA, double successB) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            runs.add(run("resface", i + 1, m, a[i], Metric.SUCCESS, successA));
        }
        for (int i = 0; i < b.length; i++) {
            runs.add(run("no-residual", i + 1, m, b[i], Metric.SUCCESS, successB));
        }
        return Claims.compare(summary(runs), "s", "resface", "no-residual", m).verdict();
    }

    static String verdict(Metric m, double[] a, double[] b) {
        return verdict(m, a, b, 1.0, 1.0);
    }

    @Test
    void onlySeedsThatDoNotOverlapDecide() {
        // lower is better: 1..2 against 3..4 is clear; 1..3.5 against 3..4 is inside the noise; reversed contradicts
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {1, 2}, new double[] {3, 4})).isEqualTo("supported");
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {1, 3.5}, new double[] {3, 4}))
                .isEqualTo("not conclusive (better by the means, inside the seeds' noise)");
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {3, 4}, new double[] {1, 2})).isEqualTo("contradicted");
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {3, 4}, new double[] {1, 3.5}))
                .isEqualTo("not conclusive (worse by the means, inside the seeds' noise)");
        assertThat(verdict(Metric.TRUTH_GAIN, new double[] {3, 4}, new double[] {1, 2})).isEqualTo("supported");
        // One seed is never evidence, however far apart.
        assertThat(verdict(Metric.TRUTH_GAIN, new double[] {9}, new double[] {1, 2})).isEqualTo("not conclusive (one seed)");
    }

    @Test
    void changeOutsideTheRegionIsComparedOnlyBetweenEditsThatWorkAlike() {
        // 28% against 82%: the one that barely edits changes less outside, which says nothing.
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {1, 2}, new double[] {3, 4}, 0.28, 0.82))
                .isEqualTo("not comparable: success 28% against 82% (add)");
        // Within 10 points they are compared.
        assertThat(verdict(Metric.MAE_OUTSIDE, new double[] {1, 2}, new double[] {3, 4}, 0.90, 0.99))
                .isEqualTo("supported");
        // Without a classifier comparability is unknown; a claim on the truth does not need it.
        List<RunResult> noClassifier = List.of(run("resface", 1, Metric.MAE_OUTSIDE, 1.0, Metric.TRUTH_GAIN, 5.0),
                run("resface", 2, Metric.MAE_OUTSIDE, 1.5, Metric.TRUTH_GAIN, 6.0),
                run("no-residual", 1, Metric.MAE_OUTSIDE, 3.0, Metric.TRUTH_GAIN, 1.0),
                run("no-residual", 2, Metric.MAE_OUTSIDE, 4.0, Metric.TRUTH_GAIN, 2.0));
        assertThat(Claims.compare(summary(noClassifier), "s", "resface", "no-residual", Metric.MAE_OUTSIDE).verdict())
                .startsWith("not comparable: success not measured");
        assertThat(Claims.compare(summary(noClassifier), "s", "resface", "no-residual", Metric.TRUTH_GAIN).verdict())
                .isEqualTo("supported");
        assertThat(Claims.outsideTheEdit(Metric.HAIR_CHANGE_FROM_ZERO)).isTrue();
        assertThat(Claims.outsideTheEdit(Metric.FACE_API_MALE_SHIFT)).isTrue();
        assertThat(Claims.outsideTheEdit(Metric.REMNANT)).isFalse();
    }

    @Test
    void mixedDirectionsAndMissingRunsAreSaidSo() {
        Map<String, Double> add = new HashMap<>(Map.of(Metric.TRUTH_GAIN.key, 5.0));
        Map<String, Double> remove = new HashMap<>(Map.of(Metric.TRUTH_GAIN.key, 1.0));
        List<RunResult> mixed = List.of(new RunResult("resface", 1, 10, 1, add, remove),
                new RunResult("resface", 2, 10, 1, add, remove),
                run("no-residual", 1, Metric.TRUTH_GAIN, 3.0), run("no-residual", 2, Metric.TRUTH_GAIN, 3.0));
        Claims.Claim c = Claims.compare(summary(mixed), "s", "resface", "no-residual", Metric.TRUTH_GAIN);
        assertThat(c.verdict()).isEqualTo("not supported (mixed between directions)");
        assertThat(c.evidence()).contains("add resface 5.00 (5.00 to 5.00) vs no-residual 3.00 (3.00 to 3.00)");
        assertThat(Claims.compare(summary(mixed), "s", "resface", "vae-gan", Metric.TRUTH_GAIN).verdict())
                .isEqualTo("not measured here");
        // Not measured: the metric is missing (null) in the runs.
        assertThat(Claims.compare(summary(mixed), "s", "resface", "no-residual", Metric.HAIR_CHANGE).verdict())
                .isEqualTo("not measured here");
    }

    @Test
    void thePapersClaimsAndTheProjectsQuestionsAreTwoListsEachPinnedToItsMetric() {
        Claims.Judged j = Claims.of(summary(List.of()), FaceAttribute.NO_BEARD);
        assertThat(j.paper()).extracting(Claims.Claim::a, Claims.Claim::b, Claims.Claim::metric).containsExactly(
                tuple("resface", "no-residual", Metric.MAE_OUTSIDE),
                tuple("resface", "vae-gan", Metric.MAE_OUTSIDE),
                tuple("resface", "no-dual", Metric.TRUTH_GAIN),
                tuple("resface", "no-dual", Metric.MAE_OUTSIDE),
                tuple("resface", "vae-gan", Metric.HAIR_CHANGE_FROM_ZERO),
                tuple("resface", "vae-gan", Metric.FACE_API_MALE_SHIFT));
        assertThat(j.project()).extracting(Claims.Claim::a, Claims.Claim::b, Claims.Claim::metric).containsExactly(
                tuple("resface", "l2-residual", Metric.TRUTH_GAIN),
                tuple("resface", "no-sparsity", Metric.MAE_OUTSIDE),
                tuple("resface", "table1-d", Metric.SUCCESS),
                tuple("resface", "table1-g", Metric.REMNANT),
                tuple("vae-gan", "vae", Metric.RECONSTRUCTION_PSNR));
        // The gender judge is face-api's, per face and absolute: lower is better, signs cannot cancel.
        assertThat(Metric.FACE_API_MALE_SHIFT.better).isEqualTo(RunResult.Better.LOWER);
    }

    @Test
    void decorrelationIsJudgedOnNoBeardOnlyFromTheStrengthZeroOutput() {
        List<RunResult> runs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            runs.add(run("resface", seed, Metric.HAIR_CHANGE_FROM_ZERO, 1.0 + seed, Metric.HAIR_CHANGE, 1.0 + seed,
                    Metric.SUCCESS, 0.9));
            // VAE-GAN's hair differs from the input by its reconstruction error, but its edit leaves the hair alone.
            runs.add(run("vae-gan", seed, Metric.HAIR_CHANGE_FROM_ZERO, 0.5, Metric.HAIR_CHANGE, 50.0,
                    Metric.SUCCESS, 0.95));
        }
        Claims.Claim hairBeard = Claims.of(summary(runs), FaceAttribute.NO_BEARD).paper().get(4);
        assertThat(hairBeard.verdict()).isEqualTo("contradicted");
        Claims.Claim hairGlasses = Claims.of(summary(runs), FaceAttribute.EYEGLASSES).paper().get(4);
        assertThat(hairGlasses.verdict()).isEqualTo("not measured here");
        assertThat(hairGlasses.evidence()).contains("edits Eyeglasses, not No_Beard");
    }

    @Test
    void table1DEndsOnItsFourByFourMapAtEverySize() {
        ModelConfig model = new ModelConfig(64, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false);
        TrainConfig train = new TrainConfig(FaceAttribute.EYEGLASSES, 3, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(3e-2, null, false), true, null, 1, 3, 3, 1);
        RunConfig base = new RunConfig(model, train, new DataConfig("data", "paper", false, null, false));
        Configuration table1 = Configuration.chosen(List.of(Configuration.TABLE1_D)).get(0);
        for (int size : new int[] {32, 64, 128}) {
            ModelConfig m = table1.apply().apply(base.withModel(model.withImageSize(size))).model();
            assertThat(m.discriminatorBatchNorm()).isTrue();
            assertThat(size >> m.discriminatorLayers()).as(size + "px").isEqualTo(4);
        }
    }

    @Test
    void table1GDropsOnlyTheFullResolutionPath() {
        ModelConfig model = new ModelConfig(64, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false, null,
                GeneratorDesign.parse("skip", null), null);
        TrainConfig train = new TrainConfig(FaceAttribute.EYEGLASSES, 3, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(3e-2, null, false), true, null, 1, 3, 3, 1);
        RunConfig base = new RunConfig(model, train, new DataConfig("data", "paper", false, null, false));
        RunConfig table1 = Configuration.chosen(List.of(Configuration.TABLE1_G)).get(0).apply().apply(base);
        assertThat(base.model().generator().skip()).isTrue();
        assertThat(table1.model().generator()).isEqualTo(GeneratorDesign.TABLE1);
        assertThat(table1.model().withGenerator(model.generator())).isEqualTo(model);
        assertThat(table1.train()).isEqualTo(train);
    }

    @Test
    void aMissingNumberIsNullInResultsNeverTheStringNaN() throws Exception {
        String json = PrettyJson.of(Map.of("s", Spread.of(List.of(Double.NaN))));
        assertThat(json).doesNotContain("NaN").contains("\"mean\" : null", "\"seeds\" : 0");
    }
}
