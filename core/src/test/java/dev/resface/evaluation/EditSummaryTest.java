package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.model.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditSummaryTest {
    static EditScore score(Direction d, double pIn, double pEd, double maeOutside, double psnrIn, double psnrEd) {
        return score(d, pIn, pEd, maeOutside, psnrIn, psnrEd, 0.4);
    }

    static EditScore score(Direction d, double pIn, double pEd, double maeOutside, double psnrIn, double psnrEd,
            double remnant) {
        return new EditScore(0, "x.jpg", d, new EditScore.Classifier(pIn, pEd),
                new DetailPreservation(maeOutside, 40, 0.9, 0.2),
                new TruthComparison(psnrIn, psnrEd, 0.5, 0.6, 10, 8, remnant, 0.25 * remnant),
                new EditScore.FaceApi(0.3, 0.95, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                new EditScore.SideEffects(2.5, 2.5, -0.1, Double.NaN, Double.NaN));
    }

    @Test
    void remnantIsSummedByMedianAndNinetiethPercentileOverDefinedFaces() {
        List<EditScore> scores = new java.util.ArrayList<>();
        for (double r : new double[] {0.9, 0.1, 0.5, 0.3, Double.NaN, 0.7}) {
            scores.add(score(Direction.REMOVE, 0.9, 0.1, 1, 20, 25, r));
        }
        EditSummary s = EditSummary.of(Direction.REMOVE, scores);
        assertThat(s.remnantMedian()).isCloseTo(0.5, within(1e-12)); // 0.1 0.3 0.5 0.7 0.9
        assertThat(s.remnantP90()).isCloseTo(0.82, within(1e-12)); // at 3.6 of 0..4: 0.7 + 0.6 * 0.2
        // its parts are means, a quarter undone: they add up to the mean remnant, 0.5
        assertThat(s.remnantUndone()).isCloseTo(0.125, within(1e-12));
        assertThat(s.remnantOverdone()).isCloseTo(0.375, within(1e-12));
        assertThat(EditSummary.of(Direction.ADD, List.of(score(Direction.ADD, 0.1, 0.9, 1, 20, 21, Double.NaN)))
                .remnantMedian()).isNaN();
    }

    @Test
    void successMeansTheTargetValueForEachDirection() {
        assertThat(score(Direction.ADD, 0.1, 0.5, 1, 20, 22).succeeded()).isTrue();
        assertThat(score(Direction.ADD, 0.1, 0.49, 1, 20, 22).succeeded()).isFalse();
        assertThat(score(Direction.REMOVE, 0.9, 0.49, 1, 20, 22).succeeded()).isTrue();
        assertThat(score(Direction.REMOVE, 0.9, 0.5, 1, 20, 22).succeeded()).isFalse();
        assertThat(score(Direction.REMOVE, 0.2, 0.5, 1, 20, 22).alreadyThere()).isTrue();
        assertThat(score(Direction.REMOVE, 0.9, 0.3, 1, 20, 22).targetProbability()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void meansSkipMissingScoresAndCapPsnr() {
        List<EditScore> scores = List.of(
                score(Direction.ADD, 0.1, 0.9, 1, 20, 24),
                score(Direction.ADD, 0.6, 0.2, 3, 30, Double.POSITIVE_INFINITY),
                score(Direction.ADD, 0.2, 0.7, Double.NaN, 25, 25));
        EditSummary s = EditSummary.of(Direction.ADD, scores);
        assertThat(s.faces()).isEqualTo(3);
        assertThat(s.successRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.unchangedRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.maeOutside()).isCloseTo(2, within(1e-12)); // the NaN face is left out
        assertThat(s.psnrEdited()).isCloseTo((24 + GroundTruthScore.PSNR_CAP_DB + 25) / 3, within(1e-12));
        assertThat(s.psnrInput()).isCloseTo(25, within(1e-12));

        EditSummary none = EditSummary.of(Direction.REMOVE,
                List.of(score(Direction.REMOVE, Double.NaN, Double.NaN, 1, 20, 21)));
        assertThat(none.successRate()).isNaN();
        assertThat(none.unchangedRate()).isNaN();
    }
}
