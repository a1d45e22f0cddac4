package dev.resface.data.synth;

import dev.resface.data.FaceAttribute;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * All drawing parameters of one synthetic face: the six attributes plus its {@link Appearance}. Rendering is a pure
 * function of this record ({@link FaceRenderer#render}).
 *
 * @param noBeard true means no beard (CelebA's No_Beard = 1)
 */
public record FaceParams(
        boolean eyeglasses,
        boolean mouthSlightlyOpen,
        boolean smiling,
        boolean noBeard,
        boolean male,
        boolean young,
        Appearance look) {

    public FaceParams {
        Objects.requireNonNull(look, "look");
    }

    /** A face drawn from the CelebA-like distribution with the default {@link SynthConfig}. */
    public static FaceParams sample(SplittableRandom rng) {
        return FaceSampler.sample(rng, SynthConfig.defaults());
    }

    public static FaceParams sample(SplittableRandom rng, SynthConfig config) {
        return FaceSampler.sample(rng, config);
    }

    /** The attribute's CelebA value as a boolean (true = 1). */
    public boolean has(FaceAttribute attribute) {
        return switch (attribute) {
            case EYEGLASSES -> eyeglasses;
            case MOUTH_SLIGHTLY_OPEN -> mouthSlightlyOpen;
            case SMILING -> smiling;
            case NO_BEARD -> noBeard;
            case MALE -> male;
            case YOUNG -> young;
        };
    }

    /**
     * The same face with one attribute set. Setting Male to false also removes the beard (No_Beard becomes true): a
     * woman's counterpart of a bearded man has none. Setting No_Beard to false on a woman draws a beard anyway; that
     * is an edit target, never a sampled face.
     */
    public FaceParams with(FaceAttribute attribute, boolean value) {
        return switch (attribute) {
            case EYEGLASSES -> new FaceParams(value, mouthSlightlyOpen, smiling, noBeard, male, young, look);
            case MOUTH_SLIGHTLY_OPEN -> new FaceParams(eyeglasses, value, smiling, noBeard, male, young, look);
            case SMILING -> new FaceParams(eyeglasses, mouthSlightlyOpen, value, noBeard, male, young, look);
            case NO_BEARD -> new FaceParams(eyeglasses, mouthSlightlyOpen, smiling, value, male, young, look);
            case MALE -> new FaceParams(eyeglasses, mouthSlightlyOpen, smiling, value ? noBeard : true, value, young, look);
            case YOUNG -> new FaceParams(eyeglasses, mouthSlightlyOpen, smiling, noBeard, male, value, look);
        };
    }

    /** The counterpart: the same face with the attribute's value negated. */
    public FaceParams flip(FaceAttribute attribute) {
        return with(attribute, !has(attribute));
    }

    /** The same face with this hair length whichever the gender (not a sampled face: the hair mask draws them). */
    FaceParams withLongHair(boolean longHair) {
        return new FaceParams(eyeglasses, mouthSlightlyOpen, smiling, noBeard, male, young,
                look.withLongHair(longHair));
    }

    /** Whether the drawing shows a long hairstyle (it depends on the gender, see {@link Appearance}). */
    public boolean longHair() {
        return male ? look.longHairIfMale() : look.longHairIfFemale();
    }
}
