package dev.resface.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.image.RgbImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SSD detector port against face-api's own detections (tools/faceapi-fixtures/make-detections.cjs: face-api
 * 1.7.15, TensorFlow.js 4.22.0, cpu backend, default options) on every demo photo of the package and one synthetic
 * image; plus its NMS and box arithmetic on hand-computed cases.
 */
class SsdMobilenetV1Test {
    private static final double BOX_PIXELS = 1.0;
    private static final double SCORE = 1e-4;

    @Test
    void detectionsMatchFaceApiOnEveryDemoPhoto() throws Exception {
        JsonNode images;
        try (InputStream in = getClass().getResourceAsStream("/faceapi/detections.json")) {
            images = new ObjectMapper().readTree(in).get("images");
        }
        List<String> demoPhotos;
        try (Stream<java.nio.file.Path> files = Files.list(FaceApiFixture.models().resolveSibling("demo"))) {
            demoPhotos = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jpg")).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        images.forEach(i -> names.add(i.get("name").asText()));
        assertThat(names).containsAll(demoPhotos).contains("synthetic-300x200");

        try (SsdMobilenetV1 net = SsdMobilenetV1.load(FaceApiFixture.models())) {
            for (JsonNode expected : images) {
                String name = expected.get("name").asText();
                RgbImage image = name.startsWith("synthetic") ? synthetic(expected.get("width").asInt(),
                        expected.get("height").asInt()) : FaceApiFixture.photo(name);
                long t0 = System.nanoTime();
                List<DetectedFace> found = net.detect(image);
                double ms = (System.nanoTime() - t0) / 1e6;
                JsonNode faces = expected.get("faces");
                assertThat(found).as(name).hasSize(faces.size());
                double worstBox = 0;
                double worstScore = 0;
                for (int i = 0; i < found.size(); i++) {
                    DetectedFace ours = found.get(i);
                    JsonNode box = faces.get(i).get("box");
                    double[] got = {ours.x(), ours.y(), ours.width(), ours.height()};
                    for (int k = 0; k < 4; k++) {
                        assertThat(got[k]).as("%s face %d coordinate %d", name, i, k)
                                .isCloseTo(box.get(k).asDouble(), within(BOX_PIXELS));
                        worstBox = Math.max(worstBox, Math.abs(got[k] - box.get(k).asDouble()));
                    }
                    double score = faces.get(i).get("score").asDouble();
                    assertThat(ours.score()).as("%s face %d score", name, i).isCloseTo(score, within(SCORE));
                    worstScore = Math.max(worstScore, Math.abs(ours.score() - score));
                }
                System.out.printf("ssd port: %s %dx%d, %d faces, worst box difference %.2e px, score %.2e; %.0f ms%n",
                        name, image.width(), image.height(), found.size(), worstBox, worstScore, ms);
            }
        }
    }

    /** make-detections.cjs's synthetic image: pixel(y, x, c) = (y*7 + x*13 + c*50) % 256. */
    private static RgbImage synthetic(int width, int height) {
        RgbImage image = RgbImage.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    image.set(x, y, c, (y * 7 + x * 13 + c * 50) % 256);
                }
            }
        }
        return image;
    }

    @Test
    void nmsKeepsTheBestOfEachOverlapInScoreOrder() {
        float[] boxes = {
            0, 0, 1, 1, // 0: 0.9
            0, 0.1f, 1, 1.1f, // 1: 0.8, IoU with 0 = 0.9 / 1.1: suppressed
            0, 0.5f, 1, 1.5f, // 2: 0.7, IoU with 0 = 0.5 / 1.5: kept
            2, 2, 3, 3, // 3: 0.95, disjoint: kept, first
            0, 0, 1, 1, // 4: 0.4, below the score threshold
            0.5f, 0, 0, 1, // 5: 0.85, corners given swapped: IoU with 0 exactly 0.5, not above it: kept
        };
        float[] scores = {0.9f, 0.8f, 0.7f, 0.95f, 0.4f, 0.85f};
        assertThat(NonMaxSuppression.select(boxes, scores, 100, 0.5, 0.5)).containsExactly(3, 0, 5, 2);
        assertThat(NonMaxSuppression.select(boxes, scores, 2, 0.5, 0.5)).containsExactly(3, 0);
        assertThat(NonMaxSuppression.select(boxes, scores, 100, 0.5, 0.96)).isEmpty();
    }

    @Test
    void nmsBreaksTiesByIndexAndNeverSuppressesWithAnEmptyBox() {
        float[] boxes = {
            0, 0, 1, 1,
            0, 0, 1, 1,
            0.2f, 0.2f, 0.2f, 0.8f, // no area: IoU 0 with anything, so kept though it lies inside the others
        };
        float[] scores = {0.6f, 0.6f, 0.9f};
        assertThat(NonMaxSuppression.iou(boxes, 0, 2)).isZero();
        assertThat(NonMaxSuppression.select(boxes, scores, 100, 0.5, 0.5)).containsExactly(2, 0);
    }

    @Test
    void decodesAnAnchorAsTheBoxCoderDoes() {
        // anchor: centre (0.2, 0.4), size 0.2 x 0.4; offsets: +1/10 of the height down, -2/10 of the width left,
        // height doubled (exp(5 ln 2 / 5)), width kept
        float[] anchor = {0.1f, 0.2f, 0.3f, 0.6f};
        float[] encoding = {1f, -2f, (float) (5 * Math.log(2)), 0f};
        float[] box = SsdBoxes.decode(anchor, encoding);
        assertThat(box).containsExactly(new float[] {0.02f, 0.12f, 0.42f, 0.52f}, within(1e-6f));
    }

    @Test
    void mapsABoxBackThroughThePaddingClippedToTheSquare() {
        // 300x200 padded to 300x300, resized to 512: the image is 512 x round(341.33) = 341 inside the square, so
        // y is scaled by 512 / 341 * 200 rather than exactly 300
        float[] box = {-0.1f, 0.25f, 0.5f, 1.2f};
        DetectedFace face = SsdBoxes.toImage(box, 0, 0.75, 300, 200, 512);
        assertThat(face.x()).isEqualTo(75.0);
        assertThat(face.y()).isZero();
        assertThat(face.width()).isEqualTo(225.0);
        assertThat(face.height()).isCloseTo(0.5 * 512 / 341 * 200, within(1e-9));
        assertThat(face.score()).isEqualTo(0.75);
    }
}
