package dev.resface.faceapi;

import dev.resface.data.FaceAttribute;
import dev.resface.image.RgbImage;
import java.nio.file.Path;

/**
 * face-api's pretrained real-photo scorers for three of the six attributes, independent of anything trained here:
 * Male from the gender net (P(male) at least 0.5), Young from the age net (younger than {@link #YOUNG_AGE}, a choice:
 * CelebA does not define its threshold), Smiling from the expression net (P(happy) at least 0.5).
 */
public final class FaceApiAttributeScorer implements AutoCloseable {
    /** Faces estimated younger than this count as Young. */
    public static final double YOUNG_AGE = 30;

    private final AgeGenderNet ageGender;
    private final FaceExpressionNet expression;

    private FaceApiAttributeScorer(AgeGenderNet ageGender, FaceExpressionNet expression) {
        this.ageGender = ageGender;
        this.expression = expression;
    }

    public static boolean covers(FaceAttribute attribute) {
        return attribute == FaceAttribute.MALE || attribute == FaceAttribute.YOUNG || attribute == FaceAttribute.SMILING;
    }

    /** @param modelDir the package's {@code model/} folder */
    public static FaceApiAttributeScorer load(Path modelDir) {
        AgeGenderNet ag = AgeGenderNet.load(modelDir);
        try {
            return new FaceApiAttributeScorer(ag, FaceExpressionNet.load(modelDir));
        } catch (RuntimeException e) {
            ag.close();
            throw e;
        }
    }

    /** face-api's raw value for the attribute: P(male), the estimated age, or P(happy). */
    public double value(FaceAttribute attribute, RgbImage face) {
        return switch (attribute) {
            case MALE -> ageGender.predict(face).maleProbability();
            case YOUNG -> ageGender.predict(face).age();
            case SMILING -> expression.predict(face)[FaceExpressionNet.EXPRESSIONS.indexOf("happy")];
            default -> throw new IllegalArgumentException("face-api has no scorer for " + attribute.celebaName());
        };
    }

    /** Whether {@link #value} says the face has the attribute. */
    public static boolean present(FaceAttribute attribute, double value) {
        return attribute == FaceAttribute.YOUNG ? value < YOUNG_AGE : value >= 0.5;
    }

    @Override
    public void close() {
        ageGender.close();
        expression.close();
    }
}
