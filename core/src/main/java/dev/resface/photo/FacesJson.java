package dev.resface.photo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was found in a photo, as the JSON that {@code edit --photo} writes and {@code POST /api/edit} returns. */
public final class FacesJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FacesJson() {}

    /** One entry per face: its detection box and score, its 68 landmarks and its five CelebA points, in photo pixels. */
    public static List<Map<String, Object>> faces(List<PhotoFace> faces) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PhotoFace f : faces) {
            var d = f.detection();
            Map<String, Object> face = new LinkedHashMap<>();
            face.put("box", Map.of("x", round(d.x()), "y", round(d.y()), "width", round(d.width()),
                    "height", round(d.height())));
            face.put("score", round(d.score()));
            face.put("landmarks", points(f.landmarks()));
            face.put("five", points(f.five()));
            out.add(face);
        }
        return out;
    }

    public static String write(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<double[]> points(double[] xy) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            out.add(new double[] {round(xy[i]), round(xy[i + 1])});
        }
        return out;
    }

    /** Four decimals: far finer than a pixel or a score means anything; the files stay small. */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
