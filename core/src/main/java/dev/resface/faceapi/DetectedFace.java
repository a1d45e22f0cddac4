package dev.resface.faceapi;

/**
 * A face found by {@link SsdMobilenetV1}: its box in the pixels of the image it was found in (top-left corner, width,
 * height; fractional, and not clipped to the image, only to the square it was padded to) and the detector's score.
 */
public record DetectedFace(double x, double y, double width, double height, double score) {}
