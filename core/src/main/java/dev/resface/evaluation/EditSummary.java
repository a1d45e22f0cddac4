package dev.resface.evaluation;

import dev.resface.faceapi.FaceRecognitionNet;
import dev.resface.model.Direction;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Means over one direction's test faces; NaN where no face had the score. PSNRs above
 * {@link GroundTruthScore#PSNR_CAP_DB} count as the cap, so an untouched face does not make a mean infinite.
 */
public record EditSummary(Direction direction, int faces, double successRate, double unchangedRate,
        double meanTargetProbability, double maeOutside, double psnrOutside, double energyInside, double psnrInput,
        double psnrEdited, double ssimInput, double ssimEdited, double maeInput, double maeEdited,
        double identityDistance, double identityCosine, double sameIdentityRate, double pretrainedSuccessRate,
        double pretrainedUnchangedRate, double hairChange, double maleShift, double faceApiMaleShift) {

    public static EditSummary of(Direction direction, List<EditScore> scores) {
        return new EditSummary(direction, scores.size(),
                mean(scores, s -> Double.isNaN(s.probabilityEdited()) ? Double.NaN : s.succeeded() ? 1 : 0),
                mean(scores, s -> Double.isNaN(s.probabilityInput()) ? Double.NaN : s.alreadyThere() ? 1 : 0),
                mean(scores, EditScore::targetProbability),
                mean(scores, s -> s.detail().maeOutside()),
                mean(scores, s -> capped(s.detail().psnrOutside())),
                mean(scores, s -> s.detail().energyInside()),
                mean(scores, s -> capped(s.psnrInput())),
                mean(scores, s -> capped(s.psnrEdited())),
                mean(scores, EditScore::ssimInput),
                mean(scores, EditScore::ssimEdited),
                mean(scores, EditScore::maeInput),
                mean(scores, EditScore::maeEdited),
                mean(scores, EditScore::identityDistance),
                mean(scores, EditScore::identityCosine),
                mean(scores, s -> Double.isNaN(s.identityDistance()) ? Double.NaN
                        : s.identityDistance() < FaceRecognitionNet.SAME_PERSON_DISTANCE ? 1 : 0),
                mean(scores, EditScore::pretrainedSuccess),
                mean(scores, EditScore::pretrainedAlreadyThere),
                mean(scores, EditScore::hairChange),
                mean(scores, EditScore::maleShift),
                mean(scores, EditScore::faceApiMaleShift));
    }

    private static double capped(double psnr) {
        return Math.min(GroundTruthScore.PSNR_CAP_DB, psnr);
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
