package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.resface.evaluation.GroundTruthScore.ImageScore;
import dev.resface.evaluation.GroundTruthScore.ScoreSummary;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundTruthScoreTest {
    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void psnrAndMaeOnHandComputed2x2() {
        // 2x2 RGB = 12 values. truth: all -1 (grey 0).
        float[] truth = filled(12, -1f);
        // edited: one value at 0 (grey 127.5), the rest 0.
        // MSE = 127.5^2 / 12 = 16256.25 / 12 = 1354.6875; PSNR = 10 log10(65025 / 1354.6875) = 10 log10(48) = 16.8124
        // MAE = 127.5 / 12 = 10.625
        float[] edited = filled(12, -1f);
        edited[0] = 0f;
        assertThat(GroundTruthScore.mse(edited, truth)).isCloseTo(1354.6875, within(1e-9));
        assertThat(GroundTruthScore.psnr(edited, truth)).isCloseTo(16.8124, within(1e-4));
        assertThat(GroundTruthScore.mae(edited, truth)).isCloseTo(10.625, within(1e-9));

        // input: two values at +1 (grey 255). MSE = 2 * 65025 / 12 = 10837.5; PSNR = 10 log10(6) = 7.7815;
        // MAE = 510 / 12 = 42.5
        float[] input = filled(12, -1f);
        input[0] = 1f;
        input[5] = 1f;
        boolean[] mask = {true, false, false, false};
        ImageScore s = GroundTruthScore.score(edited, truth, input, mask);
        assertThat(s.psnrEdited()).isCloseTo(16.8124, within(1e-4));
        assertThat(s.maeEdited()).isCloseTo(10.625, within(1e-9));
        assertThat(s.psnrInput()).isCloseTo(7.7815, within(1e-4));
        assertThat(s.maeInput()).isCloseTo(42.5, within(1e-9));
        // gain = 10 log10(48 / 6) = 10 log10(8) = 9.0309
        assertThat(s.gain()).isCloseTo(9.0309, within(1e-4));
        // effective residual edited - input, in grey levels: index 0: 127.5 - 255 = -127.5 (pixel 0, in mask),
        // index 5 (G plane, pixel 1): 0 - 255 = -255 (outside). Share = 127.5 / 382.5 = 1/3
        assertThat(s.residualMaskShare()).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(s.maskAreaShare()).isEqualTo(0.25);
    }

    @Test
    void valuesAreClippedBeforeComparing() {
        float[] a = filled(3, 1.7f); // clips to 1
        float[] b = filled(3, 1f);
        assertThat(GroundTruthScore.mse(a, b)).isZero();
        float[] c = filled(3, -5f); // clips to -1 => |255 - 0| everywhere
        assertThat(GroundTruthScore.mae(c, b)).isCloseTo(255.0, within(1e-9));
        assertThat(GroundTruthScore.psnr(c, b)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void identicalImagesHaveInfinitePsnrAndTheMeanIsCapped() {
        float[] x = {0.1f, -0.3f, 0.9f};
        assertThat(GroundTruthScore.psnr(x, x)).isEqualTo(Double.POSITIVE_INFINITY);
        ImageScore same = GroundTruthScore.score(x, x, x, new boolean[] {true});
        assertThat(same.psnrEdited()).isInfinite();
        assertThat(same.residualMaskShare()).isNaN(); // no edit at all
        ScoreSummary sum = GroundTruthScore.summarize(List.of(same));
        assertThat(sum.meanPsnrEdited()).isEqualTo(GroundTruthScore.PSNR_CAP_DB);
        assertThat(sum.psnrOfMeanMseEdited()).isInfinite();
        assertThat(sum.gain()).isZero();
        assertThat(sum.verdict()).startsWith("editing did not move images toward the truth: +0.00 dB");
    }

    @Test
    void summaryReportsBothMeans() {
        // A: mse edited 100 (28.1308 dB), mse input 400 (22.1102 dB)
        // B: mse edited 0 (+inf, capped to 100), mse input 100 (28.1308 dB)
        ImageScore a = new ImageScore(GroundTruthScore.psnrFromMse(100), 5, 100,
                GroundTruthScore.psnrFromMse(400), 15, 400, 0.8, 0.2);
        ImageScore b = new ImageScore(Double.POSITIVE_INFINITY, 0, 0,
                GroundTruthScore.psnrFromMse(100), 7, 100, Double.NaN, 0.4);
        ScoreSummary s = GroundTruthScore.summarize(List.of(a, b));
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.meanPsnrEdited()).isCloseTo((28.1308 + 100) / 2, within(1e-4)); // 64.0654
        assertThat(s.meanPsnrInput()).isCloseTo((22.1102 + 28.1308) / 2, within(1e-4)); // 25.1205
        assertThat(s.psnrOfMeanMseEdited()).isCloseTo(31.1411, within(1e-4)); // 10 log10(65025 / 50)
        assertThat(s.psnrOfMeanMseInput()).isCloseTo(24.1514, within(1e-4)); // 10 log10(65025 / 250)
        assertThat(s.gain()).isCloseTo(64.0654 - 25.1205, within(1e-4));
        assertThat(s.gainOfMeanMse()).isCloseTo(31.1411 - 24.1514, within(1e-4));
        assertThat(s.meanMaeEdited()).isEqualTo(2.5);
        assertThat(s.meanMaeInput()).isEqualTo(11.0);
        assertThat(s.meanResidualMaskShare()).isEqualTo(0.8); // NaN of B skipped
        assertThat(s.meanMaskAreaShare()).isCloseTo(0.3, within(1e-12));
        assertThat(s.verdict()).startsWith("editing moved images toward the truth: +38.94 dB");
        assertThat(s.verdict()).contains("PSNR of mean MSE +6.99 dB").contains("over 2 images");
    }

    @Test
    void worseEditGivesNegativeVerdict() {
        // MSE values here are only carried through; the PSNRs are given directly
        ImageScore a = new ImageScore(20, 9, 650.25, 25, 5,
                205.63, 0.5, 0.5);
        ScoreSummary s = GroundTruthScore.summarize(List.of(a));
        assertThat(s.gain()).isCloseTo(-5.0, within(1e-9));
        assertThat(s.verdict()).startsWith("editing did not move images toward the truth: -5.00 dB");
        assertThat(GroundTruthScore.summarize(List.of()).verdict()).isEqualTo("no images were scored");
    }

    @Test
    void residualMaskShareOnHandMadeResidual() {
        // 2x2, mask = pixel 0 only. Per-pixel sum of |r| over R, G, B planes:
        // pixel0 = 0.5 + 0.5 + 0 = 1.0; pixel1 = 0.1; pixel2 = 0.2; pixel3 = 0.2; total 1.5 => share 1.0 / 1.5
        float[] r = {
            0.5f, 0.1f, 0f, 0f, // R
            -0.5f, 0f, 0f, 0.2f, // G
            0f, 0f, 0.2f, 0f // B
        };
        boolean[] mask = {true, false, false, false};
        assertThat(GroundTruthScore.residualMaskShare(r, mask)).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(GroundTruthScore.maskAreaShare(mask)).isEqualTo(0.25);
        assertThat(GroundTruthScore.residualMaskShare(new float[12], mask)).isNaN();
        // a uniform residual has exactly the area share
        assertThat(GroundTruthScore.residualMaskShare(filled(12, 0.3f), mask)).isCloseTo(0.25, within(1e-9));
        assertThatThrownBy(() -> GroundTruthScore.residualMaskShare(new float[9], mask))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMismatchedSizes() {
        assertThatThrownBy(() -> GroundTruthScore.psnr(new float[3], new float[6]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroundTruthScore.score(new float[12], new float[12], new float[12], new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mask");
    }

    @Test
    void remnantIsOneForNoEditZeroForTheTruthAndCountsOnlyTheMask() {
        // 2x1 image, mask = pixel 0. Input red 200 where the truth has 100 (grey); green and blue equal.
        float[] truth = filled(6, 0f);
        truth[0] = grey(100);
        float[] input = truth.clone();
        input[0] = grey(200);
        boolean[] mask = {true, false};
        assertThat(GroundTruthScore.remnant(input, truth, input, mask)).isCloseTo(1, within(1e-9));
        assertThat(GroundTruthScore.remnant(truth, truth, input, mask)).isCloseTo(0, within(1e-9));
        // half-way inside, and a change outside the mask that the remnant does not see
        float[] half = truth.clone();
        half[0] = grey(150);
        half[1] = grey(40);
        assertThat(GroundTruthScore.remnant(half, truth, input, mask)).isCloseTo(0.5, within(1e-6));
        // over-shooting: 100 -> 0 is as far from the truth as the input was
        float[] past = truth.clone();
        past[0] = grey(0);
        assertThat(GroundTruthScore.remnant(past, truth, input, mask)).isCloseTo(1, within(1e-6));
        // a mask over which input and truth agree has nothing to remove
        assertThat(GroundTruthScore.remnant(half, truth, input, new boolean[] {false, true})).isNaN();
    }

    @Test
    void theRemnantSplitsIntoWhatWasLeftUndoneAndWhatWasOverdone() {
        // As above: pixel 0 of a 2x1 image, red 200 where the truth has 100; green and blue equal.
        float[] truth = filled(6, 0f);
        truth[0] = grey(100);
        float[] input = truth.clone();
        input[0] = grey(200);
        boolean[] mask = {true, false};
        float[] half = truth.clone();
        half[0] = grey(150);
        assertThat(GroundTruthScore.remnantParts(half, truth, input, mask)).containsExactly(new double[] {0.5, 0.5},
                within(1e-6));
        // 25 past the truth, and a stray 50 on green, which the input had right: all overdone, 75 of 100
        float[] wrong = truth.clone();
        wrong[0] = grey(75);
        wrong[2] = grey(127.5 + 50);
        assertThat(GroundTruthScore.remnantParts(wrong, truth, input, mask)).containsExactly(new double[] {0.75, 0},
                within(1e-6));
        // a quarter undone, a stray 10 on blue
        float[] both = truth.clone();
        both[0] = grey(125);
        both[4] = grey(127.5 - 10);
        assertThat(GroundTruthScore.remnantParts(both, truth, input, mask)).containsExactly(new double[] {0.35, 0.25},
                within(1e-6));
        assertThat(new TruthComparison(20, 25, 0.5, 0.6, 10, 8, 0.35, 0.25).remnantOverdone())
                .isCloseTo(0.10, within(1e-12));
    }

    private static float grey(double level) {
        return (float) (level / 127.5 - 1);
    }
}
