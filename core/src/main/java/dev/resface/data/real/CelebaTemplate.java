package dev.resface.data.real;

import dev.resface.data.CelebaLayout;
import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;
import dev.resface.image.Warp;

/**
 * Aligns a face the way CelebA's aligned images are: the similarity transform that best maps its five landmarks
 * (eye centres, nose tip, mouth corners) onto CelebA's mean landmark positions in the 178x218 image.
 */
public final class CelebaTemplate {
    /** CelebA's typical aligned positions (left eye, right eye, nose, left and right mouth corner). */
    public static final double[] POINTS = {69, 111, 108, 111, 88, 136, 72, 152, 105, 152};

    private CelebaTemplate() {}

    /** The transform from photo pixels to aligned pixels for a face with these five points. */
    public static SimilarityTransform toTemplate(double[] five) {
        return SimilarityTransform.fit(five, POINTS);
    }

    /** The 178x218 aligned image of the face whose photo-to-template transform is {@code toTemplate}. */
    public static RgbImage align(RgbImage photo, SimilarityTransform toTemplate) {
        return Warp.similarity(photo, toTemplate.inverse(), CelebaLayout.IMAGE_WIDTH, CelebaLayout.IMAGE_HEIGHT);
    }
}
