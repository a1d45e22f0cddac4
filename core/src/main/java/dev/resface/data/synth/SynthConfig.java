package dev.resface.data.synth;

import dev.resface.BadInputException;

/**
 * How SynthFaces samples and writes a data set.
 *
 * @param eyeglassesRate share of faces drawn with eyeglasses. CelebA has about 7%, but the default is 0.2 so that a
 *     small synthetic set still has enough positives to train and test on.
 * @param jpegQuality quality of the img_align_celeba JPEGs, in (0, 1]; CelebA's look is near 0.9
 * @param counterparts whether to write the ground-truth counterparts and masks (13 images per face instead of 1)
 */
public record SynthConfig(double eyeglassesRate, float jpegQuality, boolean counterparts) {
    public static final double DEFAULT_EYEGLASSES_RATE = 0.2;

    public SynthConfig {
        if (!(eyeglassesRate >= 0 && eyeglassesRate <= 1)) {
            throw new BadInputException("eyeglasses rate must be in [0, 1], got " + eyeglassesRate);
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new BadInputException("JPEG quality must be in (0, 1], got " + jpegQuality);
        }
    }

    public static SynthConfig defaults() {
        return new SynthConfig(DEFAULT_EYEGLASSES_RATE, 0.9f, true);
    }

    public SynthConfig withEyeglassesRate(double rate) {
        return new SynthConfig(rate, jpegQuality, counterparts);
    }

    public SynthConfig withCounterparts(boolean write) {
        return new SynthConfig(eyeglassesRate, jpegQuality, write);
    }
}
