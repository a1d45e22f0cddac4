package dev.resface.evaluation;

import dev.resface.faceapi.FaceRecognitionNet;
import dev.resface.model.Direction;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Means over one direction's test faces (the remnant: its median and 90th percentile, and the means of its undone
 * and overdone parts, which add up to its mean); NaN where no face had the
 * score. PSNRs above {@link GroundTruthScore#PSNR_CAP_DB} count as the cap, so an untouched face does not make a mean
 * infinite.
 */
public record EditSummary(Direction direction, int faces, double successRate, double unchangedRate,
        double meanTargetProbability, double maeOutside, double psnrOutside, double energyInside, double streak,
        double psnrInput, double psnrEdited, double remnantMedian, double remnantP90, double remnantUndone,
        double remnantOverdone, double ssimInput,
        double ssimEdited, double maeInput, double maeEdited,
        double identityDistance, double identityCosine, double sameIdentityRate, double pretrainedSuccessRate,
        double pretrainedUnchangedRate, double hairChange, double hairChangeFromZero, double maleShift,
        double faceApiMaleShift, double reconstructionPsnr) {

    public static EditSummary of(Direction direction, List<EditScore> scores) {
        return new EditSummary(direction, scores.size(),
                mean(scores, s -> Double.isNaN(s.classifier().probabilityEdited()) ? Double.NaN : s.succeeded() ? 1 : 0),
                mean(scores, s -> Double.isNaN(s.classifier().probabilityInput()) ? Double.NaN : s.alreadyThere() ? 1 : 0),
                mean(scores, EditScore::targetProbability),
                mean(scores, s -> s.detail().maeOutside()),
                mean(scores, s -> capped(s.detail().psnrOutside())),
                mean(scores, s -> s.detail().energyInside()),
                mean(scores, s -> s.detail().streak()),
                mean(scores, s -> capped(s.truth().psnrInput())),
                mean(scores, s -> capped(s.truth().psnrEdited())),
                quantile(scores, s -> s.truth().remnant(), 0.5),
                quantile(scores, s -> s.truth().remnant(), 0.9),
                mean(scores, s -> s.truth().remnantUndone()),
                mean(scores, s -> s.truth().remnantOverdone()),
                mean(scores, s -> s.truth().ssimInput()),
                mean(scores, s -> s.truth().ssimEdited()),
                mean(scores, s -> s.truth().maeInput()),
                mean(scores, s -> s.truth().maeEdited()),
                mean(scores, s -> s.faceApi().identityDistance()),
                mean(scores, s -> s.faceApi().identityCosine()),
                mean(scores, s -> Double.isNaN(s.faceApi().identityDistance()) ? Double.NaN
                        : s.faceApi().identityDistance() < FaceRecognitionNet.SAME_PERSON_DISTANCE ? 1 : 0),
                mean(scores, s -> s.faceApi().success()),
                mean(scores, s -> s.faceApi().alreadyThere()),
                mean(scores, s -> s.sideEffects().hairChange()),
                mean(scores, s -> s.sideEffects().hairChangeFromZero()),
                mean(scores, s -> s.sideEffects().maleShift()),
                mean(scores, s -> s.sideEffects().faceApiMaleShift()),
                mean(scores, s -> s.sideEffects().reconstructionPsnr()));
    }

    private static double capped(double psnr) {
        return Math.min(GroundTruthScore.PSNR_CAP_DB, psnr);
    }

    /**
     * The q-quantile over the faces where the score is defined, interpolated linearly between order statistics (as
     * numpy's default); NaN where no face has it.
     */
    static double quantile(List<EditScore> scores, ToDoubleFunction<EditScore> score, double q) {
        double[] v = scores.stream().mapToDouble(score).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double at = q * (v.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(v.length - 1, below + 1);
        return v[below] + (at - below) * (v[above] - v[below]);
    }

    /** Mean over the faces where the score is defined. */
    static double mean(List<EditScore> scores, ToDoubleFunction<EditScore> score) {
        double sum = 0;
        int n = 0;
        for (EditScore s : scores) {
            double v = score.applyAsDouble(s);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
