package dev.resface.faceapi;

import java.util.ArrayList;
import java.util.List;

/**
 * face-api's own greedy non-maximum suppression (its {@code ssdMobilenetv1/nonMaxSuppression.ts}, not TensorFlow's
 * kernel): candidates above the score threshold in descending score, ties in index order; each is kept unless it
 * overlaps an already kept box by more than the IoU threshold.
 */
final class NonMaxSuppression {
    private NonMaxSuppression() {}

    /**
     * @param boxes {@code (ymin, xmin, ymax, xmax)} per box, either corner order accepted
     * @return indices of the kept boxes, best first, at most {@code maxResults}
     */
    static List<Integer> select(float[] boxes, float[] scores, int maxResults, double iouThreshold,
            double scoreThreshold) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                candidates.add(i);
            }
        }
        // List.sort is stable, like the JavaScript sort face-api relies on
        candidates.sort((a, b) -> Double.compare(scores[b], scores[a]));
        int outputSize = Math.min(maxResults, scores.length);
        List<Integer> selected = new ArrayList<>();
        for (int c : candidates) {
            if (selected.size() >= outputSize) {
                break;
            }
            boolean kept = true;
            for (int j = selected.size() - 1; j >= 0 && kept; j--) {
                // written as face-api's "iou <= threshold keeps", so that a NaN overlap suppresses as it does there
                kept = iou(boxes, c, selected.get(j)) <= iouThreshold;
            }
            if (kept) {
                selected.add(c);
            }
        }
        return selected;
    }

    /** face-api's IoU, in double on the float coordinates; 0 when either box has no area. */
    static double iou(float[] boxes, int i, int j) {
        double yminI = Math.min(boxes[4 * i], boxes[4 * i + 2]);
        double xminI = Math.min(boxes[4 * i + 1], boxes[4 * i + 3]);
        double ymaxI = Math.max(boxes[4 * i], boxes[4 * i + 2]);
        double xmaxI = Math.max(boxes[4 * i + 1], boxes[4 * i + 3]);
        double yminJ = Math.min(boxes[4 * j], boxes[4 * j + 2]);
        double xminJ = Math.min(boxes[4 * j + 1], boxes[4 * j + 3]);
        double ymaxJ = Math.max(boxes[4 * j], boxes[4 * j + 2]);
        double xmaxJ = Math.max(boxes[4 * j + 1], boxes[4 * j + 3]);
        double areaI = (ymaxI - yminI) * (xmaxI - xminI);
        double areaJ = (ymaxJ - yminJ) * (xmaxJ - xminJ);
        if (areaI <= 0 || areaJ <= 0) {
            return 0.0;
        }
        double intersection = Math.max(Math.min(ymaxI, ymaxJ) - Math.max(yminI, yminJ), 0.0)
                * Math.max(Math.min(xmaxI, xmaxJ) - Math.max(xminI, xminJ), 0.0);
        return intersection / (areaI + areaJ - intersection);
    }
}
