package dev.resface.data.synth;

/**
 * Everything about a synthetic face except the six attributes: identity, pose, colours and the seeds of its texture.
 * Lengths are pixels of the 178x218 aligned image before the pose jitter; colours are 0xRRGGBB. Flipping an attribute
 * keeps the Appearance, which is what makes the counterparts identical outside the attribute's region.
 *
 * <p>Some fields only show for one value of an attribute (the beard style for No_Beard = -1, the long-hair choice of
 * the other gender, the grey level of old hair); they are sampled for every face so a flip has something to draw.
 */
public record Appearance(
        // pose
        double rotationDeg,
        double scale,
        double shiftX,
        double shiftY,
        // scene
        int backgroundTop,
        int backgroundBottom,
        double backgroundTilt,
        int clothes,
        // head
        int skin,
        double faceHalfWidth,
        double skullTop,
        double chinY,
        double jaw,
        // hair
        int hair,
        double greyness,
        boolean longHairIfFemale,
        boolean longHairIfMale,
        double hairlineY,
        boolean bangs,
        double hairVolume,
        double hairBottom,
        // eyes
        int iris,
        double eyeWidth,
        double eyeHeight,
        double browThickness,
        double browArch,
        // nose and mouth
        double noseWidth,
        double mouthWidth,
        double upperLip,
        double lowerLip,
        boolean lipstick,
        int lipstickColor,
        // attribute looks
        BeardStyle beard,
        GlassesStyle glasses,
        int frameColor,
        // light and texture
        double lightAngle,
        double lightStrength,
        double noiseAmplitude,
        long detailSeed) {

    /** The same look with one hair length whichever the gender, for drawing every hairstyle a face can have. */
    Appearance withLongHair(boolean longHair) {
        return new Appearance(rotationDeg, scale, shiftX, shiftY, backgroundTop, backgroundBottom, backgroundTilt,
                clothes, skin, faceHalfWidth, skullTop, chinY, jaw, hair, greyness, longHair, longHair, hairlineY,
                bangs, hairVolume, hairBottom, iris, eyeWidth, eyeHeight, browThickness, browArch, noseWidth,
                mouthWidth, upperLip, lowerLip, lipstick, lipstickColor, beard, glasses, frameColor, lightAngle,
                lightStrength, noiseAmplitude, detailSeed);
    }
}
