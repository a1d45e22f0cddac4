package dev.resface.faceapi;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.image.RgbImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * face-api's own outputs on its demo faces (tools/faceapi-fixtures/make-fixtures.cjs: face-api 1.7.15, TensorFlow.js
 * 4.22.0, cpu backend), with the crop box of each face; the photos themselves come from the installed npm package.
 * Missing package: the tests fail, never skip, and say to run ./setup.sh.
 */
public final class FaceApiFixture {
    public static final Path PACKAGE = Path.of("../assets/npm/node_modules/@vladmandic/face-api");

    record Face(String photo, int[] box, RgbImage crop, float[] descriptor, double age, double male,
            double[] expressions) {}

    private FaceApiFixture() {}

    /** The package's model folder; fails, naming ./setup.sh, when the package is not installed. */
    public static Path models() {
        Path models = FaceApiPackage.models(PACKAGE);
        if (!Files.isDirectory(models)) {
            fail("missing " + models.toAbsolutePath().normalize() + ": install @vladmandic/face-api with ./setup.sh");
        }
        return models;
    }

    static List<Face> faces() throws Exception {
        models();
        JsonNode json;
        try (InputStream in = FaceApiFixture.class.getResourceAsStream("/faceapi/expected.json")) {
            json = new ObjectMapper().readTree(in);
        }
        Map<String, RgbImage> photos = new HashMap<>();
        List<Face> faces = new ArrayList<>();
        for (JsonNode f : json.get("faces")) {
            String photo = f.get("photo").asText();
            RgbImage image = photos.computeIfAbsent(photo, FaceApiFixture::read);
            int[] box = new int[4];
            for (int i = 0; i < 4; i++) {
                box[i] = f.get("box").get(i).asInt();
            }
            float[] descriptor = new float[f.get("descriptor").size()];
            for (int i = 0; i < descriptor.length; i++) {
                descriptor[i] = (float) f.get("descriptor").get(i).asDouble();
            }
            double[] expressions = new double[f.get("expressions").size()];
            for (int i = 0; i < expressions.length; i++) {
                expressions[i] = f.get("expressions").get(i).asDouble();
            }
            faces.add(new Face(photo, box, crop(image, box), descriptor, f.get("age").asDouble(),
                    f.get("gender").get(0).asDouble(), expressions));
        }
        return faces;
    }

    static RgbImage crop(RgbImage image, int[] box) {
        RgbImage out = RgbImage.blank(box[2], box[3]);
        for (int y = 0; y < box[3]; y++) {
            for (int x = 0; x < box[2]; x++) {
                for (int c = 0; c < 3; c++) {
                    out.set(x, y, c, image.get(box[0] + x, box[1] + y, c));
                }
            }
        }
        return out;
    }

    static RgbImage photo(String name) {
        return read(name);
    }

    private static RgbImage read(String photo) {
        try {
            return RgbImage.from(ImageIO.read(PACKAGE.resolve("demo").resolve(photo).toFile()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read demo photo " + photo, e);
        }
    }
}
