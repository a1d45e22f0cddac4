package dev.resface.photo;

import dev.resface.faceapi.DetectedFace;
import dev.resface.image.SimilarityTransform;
import dev.resface.landmarks.Box;

/**
 * One face found in a photo.
 *
 * @param detection face-api's box and score
 * @param landmarkBox the box handed to dlib's shape predictor, derived from the detection ({@link DlibBox})
 * @param landmarks the 68 points, photo pixels, {@code x0, y0, ...}
 * @param five the five CelebA points (eye centres, nose tip, mouth corners) taken from them
 * @param toTemplate photo pixels to the 178x218 aligned CelebA image
 */
public record PhotoFace(DetectedFace detection, Box landmarkBox, double[] landmarks, double[] five,
        SimilarityTransform toTemplate) {}
