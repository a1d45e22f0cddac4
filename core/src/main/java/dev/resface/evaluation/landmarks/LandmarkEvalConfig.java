package dev.resface.evaluation.landmarks;

/**
 * One run of the landmark test (paper Section 6.4), printed into its output folder so it can be repeated.
 *
 * @param data dataset in aligned-CelebA layout
 * @param run trained Eyeglasses run whose G1 removes the glasses for D1m; null runs D0 and D1 only
 * @param predictor dlib 68-point model file
 * @param crop crop recipe id: the crop the model sees
 * @param modelSize the model's input size: faces are cropped to it (and edited at it)
 * @param landmarkSize the crop is resized to this before landmarking, so small models are measured on the same
 *     pixel grid as large ones; the face box and the errors are in this grid
 * @param perClass cap on faces per set (D0 and D1 are balanced); 0 = all test faces
 * @param seed which balanced test faces are drawn
 */
public record LandmarkEvalConfig(
        String data, String run, String predictor, String crop, int modelSize, int landmarkSize, int perClass,
        long seed) {
    public LandmarkEvalConfig {
        if (modelSize < 8 || landmarkSize < 8) {
            throw new IllegalArgumentException("crop sizes must be at least 8, got " + modelSize + " and " + landmarkSize);
        }
    }
}
