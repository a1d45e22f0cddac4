package dev.resface.faceapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recognition port against face-api's own descriptors of its demo faces ({@link FaceApiFixture}). */
class FaceRecognitionNetTest {
    @Test
    void descriptorsMatchFaceApiAndSeparatePeople() throws Exception {
        List<FaceApiFixture.Face> faces = FaceApiFixture.faces();
        assertThat(faces).hasSizeGreaterThanOrEqualTo(10);
        long t0 = System.nanoTime();
        try (FaceRecognitionNet net = FaceRecognitionNet.load(FaceApiFixture.models())) {
            long loaded = System.nanoTime();
            double worst = 0;
            double worstDistance = 0;
            List<float[]> ours = new ArrayList<>();
            for (FaceApiFixture.Face f : faces) {
                float[] d = net.descriptor(f.crop());
                assertThat(d).hasSize(128);
                worst = Math.max(worst, 1 - FaceRecognitionNet.cosine(d, f.descriptor()));
                // cosine alone misses a uniform scale-like error; the Euclidean bound catches it
                worstDistance = Math.max(worstDistance, FaceRecognitionNet.distance(d, f.descriptor()));
                ours.add(d);
            }
            System.out.printf("face recognition port: worst cosine distance to face-api %.2e, Euclidean %.2e, over %d"
                            + " faces; load %.0f ms, %.1f ms per face%n", worst, worstDistance, faces.size(),
                    (loaded - t0) / 1e6,
                    (System.nanoTime() - loaded) / 1e6 / faces.size());
            assertThat(worst).isLessThan(1e-3);
            assertThat(worstDistance).isLessThan(1e-3);

            // the same person under another detector's box (shifted and grown by a few pixels) stays the same
            // person, and closer than any other face of the demo photos
            FaceApiFixture.Face first = faces.get(0);
            int[] b = first.box();
            float[] moved = net.descriptor(FaceApiFixture.crop(FaceApiFixture.photo(first.photo()),
                    new int[] {b[0] - 6, b[1] + 4, b[2] + 10, b[3] + 8}));
            double same = FaceRecognitionNet.distance(ours.get(0), moved);
            double closestOther = Double.MAX_VALUE;
            for (int i = 1; i < ours.size(); i++) {
                closestOther = Math.min(closestOther, FaceRecognitionNet.distance(ours.get(0), ours.get(i)));
            }
            System.out.printf("same face, other box: %.3f apart; nearest other face: %.3f%n", same, closestOther);
            assertThat(same).isLessThan(FaceRecognitionNet.SAME_PERSON_DISTANCE).isLessThan(closestOther);
        }
    }

    @Test
    void truncatedOrMissingShardIsOneClearError(@TempDir Path dir) throws Exception {
        Path model = FaceApiFixture.models();
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
