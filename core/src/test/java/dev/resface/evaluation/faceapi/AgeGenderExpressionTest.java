package dev.resface.evaluation.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.data.FaceAttribute;
import dev.resface.image.RgbImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The age/gender and expression ports against face-api's own outputs on the fixture's 112x112 crops. */
class AgeGenderExpressionTest {
    @Test
    void matchFaceApiOnItsDemoFaces() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/faceapi/descriptors.json")) {
            json = new ObjectMapper().readTree(in);
        }
        double worstAge = 0;
        double worstGender = 0;
        double worstExpression = 0;
        int faces = 0;
        long t0 = System.nanoTime();
        try (AgeGenderNet ageGender = AgeGenderNet.load(FaceRecognitionNetTest.model());
                FaceExpressionNet expression = FaceExpressionNet.load(FaceRecognitionNetTest.model())) {
            long loaded = System.nanoTime();
            for (JsonNode f : json.get("faces")) {
                RgbImage face;
                try (InputStream in = getClass().getResourceAsStream("/faceapi/" + f.get("image112").asText())) {
                    face = RgbImage.from(ImageIO.read(in));
                }
                AgeGenderNet.AgeGender ag = ageGender.predict(face);
                worstAge = Math.max(worstAge, Math.abs(ag.age() - f.get("age").asDouble()));
                worstGender = Math.max(worstGender, Math.abs(ag.maleProbability() - f.get("gender").get(0).asDouble()));
                float[] p = expression.predict(face);
                assertThat(p).hasSize(7);
                for (int i = 0; i < 7; i++) {
                    worstExpression = Math.max(worstExpression, Math.abs(p[i] - f.get("expressions").get(i).asDouble()));
                }
                faces++;
            }
            System.out.printf("age/gender and expression ports on %d faces: worst age error %.2e years, gender %.2e,"
                            + " expression %.2e; load %.0f ms, %.1f ms per face (both nets)%n", faces, worstAge,
                    worstGender, worstExpression, (loaded - t0) / 1e6, (System.nanoTime() - loaded) / 1e6 / faces);
        }
        assertThat(faces).isGreaterThanOrEqualTo(10);
        assertThat(worstAge).isLessThan(0.05);
        assertThat(worstGender).isLessThan(1e-3);
        assertThat(worstExpression).isLessThan(1e-3);
    }

    @Test
    void attributeScorerReadsTheRightOutputs() throws Exception {
        JsonNode f;
        try (InputStream in = getClass().getResourceAsStream("/faceapi/descriptors.json")) {
            f = new ObjectMapper().readTree(in).get("faces").get(0);
        }
        RgbImage face;
        try (InputStream in = getClass().getResourceAsStream("/faceapi/" + f.get("image112").asText())) {
            face = RgbImage.from(ImageIO.read(in));
        }
        try (FaceApiAttributeScorer scorer = FaceApiAttributeScorer.load(FaceRecognitionNetTest.model())) {
            assertThat(scorer.value(FaceAttribute.MALE, face)).isCloseTo(f.get("gender").get(0).asDouble(), within(1e-4));
            assertThat(scorer.value(FaceAttribute.YOUNG, face)).isCloseTo(f.get("age").asDouble(), within(1e-3));
            assertThat(scorer.value(FaceAttribute.SMILING, face))
                    .isCloseTo(f.get("expressions").get(1).asDouble(), within(1e-4));
        }
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.YOUNG, 29.9)).isTrue();
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.YOUNG, 30)).isFalse();
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.MALE, 0.5)).isTrue();
        assertThat(FaceApiAttributeScorer.present(FaceAttribute.SMILING, 0.49)).isFalse();
        assertThat(FaceApiAttributeScorer.covers(FaceAttribute.EYEGLASSES)).isFalse();
    }
}
