package dev.resface.evaluation.landmarks;

import dev.resface.landmarks.Box;
import dev.resface.landmarks.CelebaPoints;
import java.util.List;
import java.util.Locale;

/**
 * The face box handed to dlib's predictor, which in the paper came from dlib's face detector. Here it is fitted to
 * the dataset: for each face, the box (square, axis-aligned) that puts the model's mean shape closest, in least
 * squares, to the face's five ground-truth points; then the average of those boxes over all faces. On aligned faces
 * one fixed box serves all, as a detector's box would, and the predictor starts where its training expects.
 *
 * @param box the fixed box in crop pixels
 * @param faces how many faces it was fitted on
 * @param rmsPx root-mean-square distance, in crop pixels, between the mean shape placed in this box and the faces'
 *     five points: how much the faces differ from the start shape
 */
public record FaceBoxCalibration(Box box, int faces, double rmsPx) {
    public static FaceBoxCalibration fit(double[] meanShape68, List<double[]> truths) {
        if (truths.isEmpty()) {
            throw new IllegalArgumentException("no faces to calibrate the face box on");
        }
        double[] unit = CelebaPoints.fromIbug68(meanShape68);
        int n = CelebaPoints.COUNT;
        double ux = 0, uy = 0;
        for (int i = 0; i < n; i++) {
            ux += unit[2 * i] / n;
            uy += unit[2 * i + 1] / n;
        }
        double spread = 0;
        for (int i = 0; i < n; i++) {
            spread += sq(unit[2 * i] - ux) + sq(unit[2 * i + 1] - uy);
        }
        double scale = 0, left = 0, top = 0;
        for (double[] g : truths) {
            double gx = 0, gy = 0;
            for (int i = 0; i < n; i++) {
                gx += g[2 * i] / n;
                gy += g[2 * i + 1] / n;
            }
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += (unit[2 * i] - ux) * (g[2 * i] - gx) + (unit[2 * i + 1] - uy) * (g[2 * i + 1] - gy);
            }
            double s = dot / spread;
            scale += s / truths.size();
            left += (gx - s * ux) / truths.size();
            top += (gy - s * uy) / truths.size();
        }
        // dlib spans a box from left to right = left + width - 1, so the unit square is width - 1 pixels wide
        int side = (int) Math.round(scale) + 1;
        Box box = new Box((int) Math.round(left), (int) Math.round(top), side, side);
        double sum = 0;
        for (double[] g : truths) {
            for (int i = 0; i < n; i++) {
                sum += sq(box.left() + unit[2 * i] * (side - 1) - g[2 * i])
                        + sq(box.top() + unit[2 * i + 1] * (side - 1) - g[2 * i + 1]);
            }
        }
        return new FaceBoxCalibration(box, truths.size(), Math.sqrt(sum / (truths.size() * n)));
    }

    public String describe(int cropSize) {
        return String.format(Locale.ROOT,
                "face box %d,%d %dx%d in the %dx%d crop, fitted on %d faces' 5 landmarks (rms %.2f px)",
                box.left(), box.top(), box.width(), box.height(), cropSize, cropSize, faces, rmsPx);
    }

    private static double sq(double v) {
        return v * v;
    }
}
