package dev.resface.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.FaceAttribute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The age/gender and expression ports against face-api's own outputs on its demo faces ({@link FaceApiFixture}). */
class AgeGenderExpressionTest {
    @Test
    void matchFaceApiOnItsDemoFaces() throws Exception {
        List<FaceApiFixture.Face> faces = FaceApiFixture.faces();
        double worstAge = 0;
        double worstGender = 0;
        double worstExpression = 0;
        long t0 = System.nanoTime();
        try (AgeGenderNet ageGender = AgeGenderNet.load(FaceApiFixture.models());
                FaceExpressionNet expression = FaceExpressionNet.load(FaceApiFixture.models())) {
            long loaded = System.nanoTime();
            for (FaceApiFixture.Face f : faces) {
                AgeGenderNet.AgeGender ag = ageGender.predict(f.crop());
                worstAge = Math.max(worstAge, Math.abs(ag.age() - f.age()));
                worstGender = Math.max(worstGender, Math.abs(ag.maleProbability() - f.male()));
                float[] p = expression.predict(f.crop());
                assertThat(p).hasSize(7);
                for (int i = 0; i < 7; i++) {
                    worstExpression = Math.max(worstExpression, Math.abs(p[i] - f.expressions()[i]));
                }
            }
            System.out.printf("age/gender and expression ports on %d faces: worst age error %.2e years, gender %.2e,"
                            + " expression %.2e; load %.0f ms, %.1f ms per face (both nets)%n", faces.size(), worstAge,
                    worstGender, worstExpression, (loaded - t0) / 1e6,
                    (System.nanoTime() - loaded) / 1e6 / faces.size());
        }
        assertThat(faces).hasSizeGreaterThanOrEqualTo(10);
        assertThat(worstAge).isLessThan(0.05);
        assertThat(worstGender).isLessThan(1e-3);
        assertThat(worstExpression).isLessThan(1e-3);
    }

    @Test
    void attributeScorerReadsTheRightOutputs() throws Exception {
        FaceApiFixture.Face f = FaceApiFixture.faces().get(0);
        try (FaceApiAttributeScorer scorer = FaceApiAttributeScorer.load(FaceApiFixture.models())) {
            assertThat(scorer.value(FaceAttribute.MALE, f.crop())).isCloseTo(f.male(), within(1e-4));
            assertThat(scorer.value(FaceAttribute.YOUNG, f.crop())).isCloseTo(f.age(), within(1e-3));
            assertThat(scorer.value(FaceAttribute.SMILING, f.crop())).isCloseTo(f.expressions()[1], within(1e-4));
        }
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.YOUNG, 29.9)).isTrue();
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.YOUNG, 30)).isFalse();
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.MALE, 0.5)).isTrue();
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.SMILING, 0.49)).isFalse();
        assertThat(FaceApiAttributeScorer.covers(FaceAttribute.EYEGLASSES)).isFalse();
    }

    @Test
    void paddingAndResizeFollowFaceApi() {
        // a 2x4 (w x h) crop: padded to 4x4 with round(2/2) = 1 column after and 1 before
        dev.resface.image.RgbImage crop = dev.resface.image.RgbImage.blank(2, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 2; x++) {
                crop.set(x, y, 0, 10 * y + x + 1);
            }
        }
        float[] square = FaceApiInput.prepare(crop, 4);
        assertThat(square[(0 * 4 + 0) * 3]).isZero();
        assertThat(square[(0 * 4 + 1) * 3]).isEqualTo(1f);
        assertThat(square[(3 * 4 + 2) * 3]).isEqualTo(32f);
        assertThat(square[(3 * 4 + 3) * 3]).isZero();
        // 4 -> 2: source = destination x 2, so output (1,1) is input (2,2) exactly
        float[] half = FaceApiInput.prepare(crop, 2);
        assertThat(half[(1 * 2 + 1) * 3]).isEqualTo(square[(2 * 4 + 2) * 3]);
        // 4 -> 8: output (1,1) samples (0.5, 0.5): the mean of the four top-left pixels
        float[] twice = FaceApiInput.prepare(crop, 8);
        assertThat((double) twice[(1 * 8 + 1) * 3]).isCloseTo((0 + 1 + 0 + 11) / 4.0, within(1e-6));
    }

    /**
     * A 40000x1 photo pads to a 40000-pixel square: 4.8 billion floats, more than an array holds (the server answered
     * 500). The detector's input is read from the photo without building it.
     */
    @Test
    void aPhotoFarWiderThanTallNeedsNoSquareOfItsWidth() {
        dev.resface.image.RgbImage line = dev.resface.image.RgbImage.blank(40_000, 1);
        for (int x = 0; x < 40_000; x++) {
            line.set(x, 0, 1, 100);
        }
        float[] input = FaceApiInput.prepare(line, 512, false);
        assertThat(input).hasSize(512 * 512 * 3);
        // row 0 samples the photo's only row; every row below it lies in the padding
        assertThat(input[(0 * 512 + 7) * 3 + 1]).isEqualTo(100f);
        assertThat(input[(1 * 512 + 7) * 3 + 1]).isZero();
    }
}
