package dev.resface.evaluation.landmarks;

import static dev.resface.landmarks.CelebaPoints.LEFT_EYE;
import static dev.resface.landmarks.CelebaPoints.LEFT_MOUTH;
import static dev.resface.landmarks.CelebaPoints.NOSE;
import static dev.resface.landmarks.CelebaPoints.RIGHT_EYE;
import static dev.resface.landmarks.CelebaPoints.RIGHT_MOUTH;

import dev.resface.landmarks.CelebaPoints;
import java.util.Collection;

/**
 * The paper's landmark error (Table 2) for one face: the mean distance between predicted and reference points for the
 * two eye centres ({@code eyes}) and for the nose tip and mouth corners ({@code rest}), each divided by the
 * ground-truth inter-ocular distance. The paper does not state its normalization; inter-ocular is the usual one.
 */
public record LandmarkError(double eyes, double rest) {
    /**
     * @param predicted five points ({@link CelebaPoints} order) found by the detector
     * @param reference five points to measure against (the ground truth, or the detector on a counterpart)
     * @param interOcular the normaliser: the ground truth's eye-centre distance
     */
    public static LandmarkError of(double[] predicted, double[] reference, double interOcular) {
        if (!(interOcular > 0)) {
            throw new IllegalArgumentException("inter-ocular distance must be positive, got " + interOcular);
        }
        double eyes = (distance(predicted, reference, LEFT_EYE) + distance(predicted, reference, RIGHT_EYE)) / 2;
        double rest = (distance(predicted, reference, NOSE) + distance(predicted, reference, LEFT_MOUTH)
                + distance(predicted, reference, RIGHT_MOUTH)) / 3;
        return new LandmarkError(eyes / interOcular, rest / interOcular);
    }

    /** Against the ground truth, normalized by the ground truth's own inter-ocular distance. */
    public static LandmarkError of(double[] predicted, double[] truth) {
        return of(predicted, truth, CelebaPoints.interOcular(truth));
    }

    /** The mean of each column; NaN for none. */
    public static LandmarkError mean(Collection<LandmarkError> errors) {
        double eyes = 0;
        double rest = 0;
        for (LandmarkError e : errors) {
            eyes += e.eyes;
            rest += e.rest;
        }
        return new LandmarkError(eyes / errors.size(), rest / errors.size());
    }

    private static double distance(double[] a, double[] b, int point) {
        return Math.hypot(a[2 * point] - b[2 * point], a[2 * point + 1] - b[2 * point + 1]);
    }
}
