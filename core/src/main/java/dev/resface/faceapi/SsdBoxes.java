package dev.resface.faceapi;

/**
 * The SSD detector's box arithmetic as face-api does it: decoding the net's offsets against its anchors (its
 * {@code outputLayer.ts}), and mapping a decoded box back to the image (its {@code SsdMobilenetv1.locateFaces}).
 * Boxes are {@code (ymin, xmin, ymax, xmax)}, relative to the padded square input.
 */
final class SsdBoxes {
    /** TF's object-detection box coder scales: centre offsets by 10, log sizes by 5. */
    private static final float CENTER_SCALE = 10f;
    private static final float SIZE_SCALE = 5f;

    private SsdBoxes() {}

    /**
     * Anchor {@code (ymin, xmin, ymax, xmax)} plus encoding {@code (ty, tx, th, tw)} per box, both flattened; the
     * result flattened alike. Float arithmetic step by step, as TF.js computes it in float32 tensors.
     */
    static float[] decode(float[] anchors, float[] encodings) {
        float[] out = new float[anchors.length];
        for (int i = 0; i < anchors.length; i += 4) {
            float height = anchors[i + 2] - anchors[i];
            float width = anchors[i + 3] - anchors[i + 1];
            float centerY = anchors[i] + height / 2;
            float centerX = anchors[i + 1] + width / 2;
            float halfHeight = (float) Math.exp(encodings[i + 2] / SIZE_SCALE) * height / 2;
            float y = encodings[i] / CENTER_SCALE * height + centerY;
            float halfWidth = (float) Math.exp(encodings[i + 3] / SIZE_SCALE) * width / 2;
            float x = encodings[i + 1] / CENTER_SCALE * width + centerX;
            out[i] = y - halfHeight;
            out[i + 1] = x - halfWidth;
            out[i + 2] = y + halfHeight;
            out[i + 3] = x + halfWidth;
        }
        return out;
    }

    /**
     * Box {@code index} of {@code boxes} in the pixels of a {@code width x height} image that was padded bottom/right
     * to a square and resized to {@code inputSize}. face-api clips to the square's [0, 1], not to the image, and
     * undoes the padding with the rounded size the image had inside the resized square, so a box can reach a little
     * past the image's edge. A box wholly outside the square would get a negative size here, where face-api throws
     * (its Rect refuses one); that takes a score above 0.5 on a box no anchor is near (none starts past 0.94).
     */
    static DetectedFace toImage(float[] boxes, int index, double score, int width, int height, int inputSize) {
        double scale = (double) inputSize / Math.max(height, width);
        double padX = (double) inputSize / Math.round(width * scale);
        double padY = (double) inputSize / Math.round(height * scale);
        double top = Math.max(0, boxes[4 * index]) * padY;
        double left = Math.max(0, boxes[4 * index + 1]) * padX;
        double bottom = Math.min(1.0, boxes[4 * index + 2]) * padY;
        double right = Math.min(1.0, boxes[4 * index + 3]) * padX;
        return new DetectedFace(left * width, top * height, (right - left) * width, (bottom - top) * height, score);
    }
}
