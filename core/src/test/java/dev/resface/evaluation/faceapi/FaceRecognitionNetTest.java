package dev.resface.evaluation.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The port against face-api itself: tools/faceapi-fixtures/make-fixtures.cjs ran face-api 1.7.15 (TensorFlow.js
 * 4.22.0, cpu backend) on the package's demo photos and stored each face's 150x150 input as PNG with face-api's
 * descriptor. Needs the npm package (./setup.sh); fails, never skips, without it.
 */
class FaceRecognitionNetTest {
    static final Path MODEL = Path.of("../assets/npm/node_modules/@vladmandic/face-api/model");

    record Face(String name, RgbImage image, float[] expected) {}

    static List<Face> fixture() throws Exception {
        JsonNode json;
        try (InputStream in = FaceRecognitionNetTest.class.getResourceAsStream("/faceapi/descriptors.json")) {
            json = new ObjectMapper().readTree(in);
        }
        List<Face> faces = new ArrayList<>();
        for (JsonNode f : json.get("faces")) {
            String name = f.get("image").asText();
            RgbImage image;
            try (InputStream in = FaceRecognitionNetTest.class.getResourceAsStream("/faceapi/" + name)) {
                image = RgbImage.from(ImageIO.read(in));
            }
            float[] d = new float[f.get("descriptor").size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) f.get("descriptor").get(i).asDouble();
            }
            faces.add(new Face(name, image, d));
        }
        return faces;
    }

    static Path model() {
        if (!Files.isDirectory(MODEL)) {
            fail("missing " + MODEL.toAbsolutePath().normalize() + ": install @vladmandic/face-api with ./setup.sh");
        }
        return MODEL;
    }

    @Test
    void descriptorsMatchFaceApiAndSeparatePeople() throws Exception {
        List<Face> faces = fixture();
        assertThat(faces).hasSizeGreaterThanOrEqualTo(10);
        long t0 = System.nanoTime();
        try (FaceRecognitionNet net = FaceRecognitionNet.load(model())) {
            long loaded = System.nanoTime();
            double worst = 0;
            List<float[]> ours = new ArrayList<>();
            for (Face f : faces) {
                float[] d = net.descriptor(f.image());
                assertThat(d).hasSize(128);
                double cosineDistance = 1 - FaceRecognitionNet.cosine(d, f.expected());
                worst = Math.max(worst, cosineDistance);
                ours.add(d);
            }
            System.out.printf("face recognition port: worst cosine distance to face-api %.2e over %d faces;"
                            + " load %.0f ms, %.1f ms per face%n", worst, faces.size(), (loaded - t0) / 1e6,
                    (System.nanoTime() - loaded) / 1e6 / faces.size());
            assertThat(worst).isLessThan(1e-3);

            // the same person under a slightly different crop stays closer than any two different people
            RgbImage face = faces.get(0).image();
            RgbImage shifted = RgbImage.blank(150, 150);
            for (int y = 0; y < 150; y++) {
                for (int x = 0; x < 150; x++) {
                    for (int c = 0; c < 3; c++) {
                        shifted.set(x, y, c, face.get(Math.min(149, x + 3), Math.min(149, y + 2), c));
                    }
                }
            }
            double same = FaceRecognitionNet.distance(ours.get(0), net.descriptor(shifted));
            double closestOther = Double.MAX_VALUE;
            for (int i = 1; i < ours.size(); i++) {
                closestOther = Math.min(closestOther, FaceRecognitionNet.distance(ours.get(0), ours.get(i)));
            }
            System.out.printf("same face shifted: %.3f apart; nearest other face: %.3f%n", same, closestOther);
            assertThat(same).isLessThan(FaceRecognitionNet.SAME_PERSON_DISTANCE).isLessThan(closestOther);
        }
    }

    @Test
    void truncatedShardIsOneClearError(@TempDir Path dir) throws Exception {
        Path model = model();
        Files.copy(model.resolve("face_recognition_model-weights_manifest.json"),
                dir.resolve("face_recognition_model-weights_manifest.json"));
        byte[] shard = Files.readAllBytes(model.resolve("face_recognition_model.bin"));
        Files.write(dir.resolve("face_recognition_model.bin"), java.util.Arrays.copyOf(shard, shard.length - 1000));
        assertThatThrownBy(() -> FaceRecognitionNet.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("face_recognition_model.bin").hasMessageContaining("truncated");
        Files.delete(dir.resolve("face_recognition_model.bin"));
        assertThatThrownBy(() -> FaceRecognitionNet.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("face_recognition_model.bin").hasMessageContaining("missing");
    }
}
