package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static dev.resface.cli.CommandLineErrorsTest.trainTiny;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.cli.CommandLineErrorsTest.Outcome;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `resface eval` end to end on a tiny trained run and a tiny classifier, and its bad inputs. */
class EvalCommandTest {
    static final Path FACE_API = Path.of("../assets/npm/node_modules/@vladmandic/face-api");

    @Test
    void writesMetricsAndReportAndRefusesBadInputs(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        Path runDir = dir.resolve("run");
        Path classifier = dir.resolve("classifier");
        assertThat(run("synth", "--out", data.toString(), "--count", "160").code()).isZero();
        trainTiny(data, runDir, "Eyeglasses", 2);
        assertThat(run("classifier", "train", "--data", data.toString(), "--out", classifier.toString(), "--size", "32",
                "--width", "0.25", "--iterations", "20").code()).isZero();
        assertThat(classifier.resolve("accuracy.json")).exists();

        Outcome o = run("eval", "--model", runDir.toString(), "--data", data.toString(), "--classifier",
                classifier.toString(), "--per-class", "3", "--face-api", FACE_API.toString());
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(runDir.resolve("eval/metrics.json").toFile());
        for (String direction : new String[] {"add", "remove"}) {
            JsonNode s = m.get(direction);
            assertThat(s.get("faces").asInt()).isEqualTo(3);
            assertThat(s.get("successRate").asDouble()).isBetween(0.0, 1.0);
            assertThat(s.get("ssimEdited").asDouble()).isBetween(-1.0, 1.0);
            assertThat(s.get("maeOutside").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(m.get("faces").get(direction)).hasSize(3);
            assertThat(s.get("identityCosine").asDouble()).isBetween(-1.0, 1.0);
            assertThat(s.get("identityDistance").asDouble()).isGreaterThanOrEqualTo(0);
        }
        assertThat(m.get("region").asText()).contains("masks/Eyeglasses");
        String html = Files.readString(runDir.resolve("eval/report.html"));
        for (String id : new String[] {"classifier", "detail", "truth", "identity"}) {
            for (String rank : new String[] {"best", "median", "worst"}) {
                assertThat(html).contains("edits-" + id + "-" + rank + ".png");
                assertThat(runDir.resolve("eval/edits-" + id + "-" + rank + ".png")).exists();
            }
        }

        assertThat(m.get("add").get("pretrainedSuccessRate").asDouble()).isNaN(); // face-api has no glasses scorer

        // Smiling gets face-api's pretrained expression scorer beside the trained classifier
        Path smileRun = dir.resolve("smile-run");
        trainTiny(data, smileRun, "Smiling", 1);
        assertThat(run("eval", "--model", smileRun.toString(), "--data", data.toString(), "--per-class", "2",
                "--face-api", FACE_API.toString()).code()).isZero();
        JsonNode smile = new ObjectMapper().readTree(smileRun.resolve("eval/metrics.json").toFile());
        assertThat(smile.get("remove").get("pretrainedSuccessRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(smile.get("remove").get("successRate").asDouble()).isNaN(); // no classifier given
        assertThat(smile.get("pretrainedScorer").asText()).contains("P(happy)");

        // a classifier without the run's attribute
        Path smiling = dir.resolve("smiling-classifier");
        assertThat(run("classifier", "train", "--data", data.toString(), "--out", smiling.toString(), "--size", "32",
                "--width", "0.25", "--iterations", "2", "--attributes", "Smiling").code()).isZero();
        Outcome wrong = run("eval", "--model", runDir.toString(), "--data", data.toString(), "--classifier",
                smiling.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("classifier.json").contains("no output for Eyeglasses");

        // a face-api folder without its weights
        Outcome noFaceApi = run("eval", "--model", runDir.toString(), "--data", data.toString(), "--face-api",
                dir.resolve("nowhere").toString());
        assertThat(noFaceApi.code()).isEqualTo(2);
        assertThat(noFaceApi.err()).contains("face_recognition_model-weights_manifest.json").contains("missing");

        // a run without weights
        Files.delete(runDir.resolve("checkpoint.bin"));
        Outcome noWeights = run("eval", "--model", runDir.toString(), "--data", data.toString());
        assertThat(noWeights.code()).isEqualTo(2);
        assertThat(noWeights.err()).contains("checkpoint.bin");

        // an image of the wrong size in the dataset
        ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "jpg",
                data.resolve("img_align_celeba/000005.jpg").toFile());
        Outcome badImage = run("classifier", "train", "--data", data.toString(), "--out", dir.resolve("c2").toString(),
                "--size", "32", "--iterations", "1");
        assertThat(badImage.code()).isEqualTo(2);
        assertThat(badImage.err()).contains("000005.jpg").contains("100x100");
        assertThat(badImage.err().lines().filter(l -> l.contains("error")).count()).isEqualTo(1);
        assertThat(badImage.err()).doesNotContain("Exception");
    }

    @Test
    void skipBadLeavesBadImagesOutOfClassifierTrainingAndEvalAndCountsThem(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("synth");
        Path runDir = dir.resolve("run");
        assertThat(run("synth", "--out", data.toString(), "--count", "160").code()).isZero();
        trainTiny(data, runDir, "Eyeglasses", 1);
        Outcome clean = run("eval", "--model", runDir.toString(), "--data", data.toString(), "--per-class", "0");
        assertThat(clean.code()).as(clean.err()).isZero();
        JsonNode before = new ObjectMapper().readTree(runDir.resolve("eval/metrics.json").toFile());
        String bad = before.get("faces").get("add").get(0).get("image").asText();
        ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "jpg",
                data.resolve("img_align_celeba").resolve(bad).toFile());

        for (String[] command : new String[][] {
                {"classifier", "train", "--data", data.toString(), "--out", dir.resolve("c").toString(), "--size", "32",
                        "--width", "0.25", "--iterations", "1"},
                {"eval", "--model", runDir.toString(), "--data", data.toString(), "--per-class", "0"}}) {
            Outcome refused = run(command);
            assertThat(refused.code()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains(bad).contains("or rerun with --skip-bad to leave them out");
        }

        Outcome trained = run("classifier", "train", "--data", data.toString(), "--out", dir.resolve("c").toString(),
                "--size", "32", "--width", "0.25", "--iterations", "1", "--test-per-class", "0", "--skip-bad");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("c/classifier.json").toFile()).get("skipBad").asBoolean())
                .isTrue();

        Outcome evaluated = run("eval", "--model", runDir.toString(), "--data", data.toString(), "--per-class", "0",
                "--skip-bad");
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.err()).contains("eval: left out 1 of the " + faces(before)
                + " test faces: their images are bad (--skip-bad)");
        JsonNode after = new ObjectMapper().readTree(runDir.resolve("eval/metrics.json").toFile());
        assertThat(after.get("badFacesLeftOut").asInt()).isEqualTo(1);
        assertThat(faces(after)).isEqualTo(faces(before) - 1);
        assertThat(after.get("add").get("faces").asInt()).isEqualTo(before.get("add").get("faces").asInt() - 1);
        assertThat(after.get("faces").get("add").findValuesAsText("image")).doesNotContain(bad);
        assertThat(Files.readString(runDir.resolve("eval/report.html"))).contains("badFacesLeftOut");
    }

    private static int faces(JsonNode metrics) {
        return metrics.get("add").get("faces").asInt() + metrics.get("remove").get("faces").asInt();
    }
}
