package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static dev.resface.cli.CommandLineErrorsTest.trainTiny;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.cli.CommandLineErrorsTest.Outcome;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `resface eval landmarks` end to end on a tiny trained run (SynthFaces has pairs, so all of Table 2 is filled). */
class EvalLandmarksCommandTest {
    @Test
    void writesTableTwoWithD1mAndCounterparts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        Path runDir = dir.resolve("run");
        assertThat(run("synth", "--out", data.toString(), "--count", "160").code()).isZero();
        trainTiny(data, runDir, "Eyeglasses", 2);

        Outcome o = run("eval", "landmarks", "--data", data.toString(), "--model", runDir.toString(), "--per-class", "3");
        assertThat(o.code()).as(o.err()).isZero();
        Path out = runDir.resolve("eval/landmarks");
        JsonNode json = new ObjectMapper().readTree(out.resolve("landmarks.json").toFile());
        assertThat(json.get("D0")).hasSize(3);
        assertThat(json.get("D1")).hasSize(3);
        for (String set : new String[] {"D0", "D1", "D1m"}) {
            assertThat(json.get("ours").get(set).get("eyes").asDouble()).as(set).isPositive();
            assertThat(json.get("paper").get(set).get("eyes").asDouble()).isPositive();
        }
        assertThat(json.get("paper").get("D1").get("eyes").asDouble()).isEqualTo(0.03570);
        assertThat(json.get("vsCounterpart").get("D1m").get("rest").asDouble()).isPositive();
        assertThat(json.get("D1").get(0).get("editedPoints")).hasSize(10);
        // the face box was fitted on the 6 faces, in the 128 landmark grid
        assertThat(json.get("faceBox").get("fittedOnFaces").asInt()).isEqualTo(6);
        assertThat(json.get("faceBox").get("cropSize").asInt()).isEqualTo(128);
        assertThat(new ObjectMapper().readTree(out.resolve("config.json").toFile()).get("modelSize").asInt())
                .isEqualTo(32);
        // picture: three rows (D0, D1, D1m) of up to six enlarged faces
        var picture = ImageIO.read(out.resolve("landmarks.png").toFile());
        assertThat(picture.getHeight()).isGreaterThan(3 * 256);

        Path smiling = dir.resolve("smiling");
        trainTiny(data, smiling, "Smiling", 1);
        Outcome wrong = run("eval", "landmarks", "--data", data.toString(), "--model", smiling.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("smiling").contains("was trained for Smiling");
    }

    @Test
    void datasetWithoutLandmarksIsOneClearLine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "20").code()).isZero();
        java.nio.file.Files.delete(data.resolve("list_landmarks_align_celeba.txt"));
        Outcome o = run("eval", "landmarks", "--data", data.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("list_landmarks_align_celeba.txt").contains("missing");
        assertThat(o.err().lines().count()).isEqualTo(1);
    }
}
