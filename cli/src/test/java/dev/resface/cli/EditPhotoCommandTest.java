package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.data.CropRecipe;
import dev.resface.data.SourceImages;
import dev.resface.data.real.CelebaTemplate;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.image.SimilarityTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `resface edit --photo` end to end: face-api's group photos, real detection and landmarks, a tiny trained run. */
class EditPhotoCommandTest {
    static final Path GROUP = EvalCommandTest.FACE_API.resolve("demo/sample1.jpg"); // three faces
    @TempDir
    static Path dir;
    static Path runA;
    static Path runB;

    /** Two runs of one iteration from a random last conv: edits that show, unlike a zero-initialised G's. */
    @BeforeAll
    static void train() {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "160").code()).isZero();
        runA = dir.resolve("a");
        runB = dir.resolve("b");
        for (Path r : List.of(runA, runB)) {
            var o = run("train", "--data", data.toString(), "--attribute", "Eyeglasses", "--out", r.toString(),
                    "--preset", "cpu", "--size", "32", "--iterations", "1", "--batch", "2", "--no-zero-init-last",
                    "--seed", r == runA ? "1" : "2");
            assertThat(o.code()).as(o.err()).isZero();
        }
    }

    static CommandLineErrorsTest.Outcome edit(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("edit", "--face-api", EvalCommandTest.FACE_API.toString(),
                "--direction", "add", "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** Each face's square the run's model saw, in photo pixels, widened by a pixel for the rounding of the JSON. */
    static List<int[]> squares(JsonNode faces) {
        List<int[]> out = new ArrayList<>();
        CropRecipe paper = CropRecipe.PAPER;
        for (JsonNode f : faces) {
            double[] five = new double[10];
            for (int i = 0; i < 5; i++) {
                five[2 * i] = f.get("five").get(i).get(0).asDouble();
                five[2 * i + 1] = f.get("five").get(i).get(1).asDouble();
            }
            SimilarityTransform back = CelebaTemplate.toTemplate(five).inverse();
            double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
            for (double u : new double[] {paper.left() - 0.5, paper.left() + paper.side() - 0.5}) {
                for (double v : new double[] {paper.top() - 0.5, paper.top() + paper.side() - 0.5}) {
                    double[] p = back.apply(u, v);
                    x0 = Math.min(x0, p[0]);
                    y0 = Math.min(y0, p[1]);
                    x1 = Math.max(x1, p[0]);
                    y1 = Math.max(y1, p[1]);
                }
            }
            out.add(new int[] {(int) Math.floor(x0) - 1, (int) Math.floor(y0) - 1, (int) Math.ceil(x1) + 1,
                    (int) Math.ceil(y1) + 1});
        }
        return out;
    }

    static boolean inAny(List<int[]> squares, int x, int y) {
        for (int[] s : squares) {
            if (x >= s[0] && x <= s[2] && y >= s[1] && y <= s[3]) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyFaceOfAGroupPhotoIsEditedAndNothingElseChanges() throws Exception {
        Path out = dir.resolve("group");
        var o = edit(out, "--photo", GROUP.toString(), "--model", runA.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("edited 3 face(s) in 1 photo(s)");
        RgbImage input = SourceImages.readPhoto(GROUP, Long.MAX_VALUE);
        RgbImage edited = SourceImages.readAny(out.resolve("sample1_add_edited.png"));
        assertThat(edited.width()).isEqualTo(input.width());
        assertThat(edited.height()).isEqualTo(input.height());
        JsonNode json = new ObjectMapper().readTree(out.resolve("sample1_add_faces.json").toFile());
        assertThat(json.get("faces")).hasSize(3);
        assertThat(json.get("faces").get(0).get("landmarks")).hasSize(68);
        List<int[]> squares = squares(json.get("faces"));
        int[] changedPerFace = new int[squares.size()];
        int changedOutside = 0;
        for (int y = 0; y < input.height(); y++) {
            for (int x = 0; x < input.width(); x++) {
                boolean same = true;
                for (int c = 0; c < 3; c++) {
                    same &= input.get(x, y, c) == edited.get(x, y, c);
                }
                if (same) {
                    continue;
                }
                if (!inAny(squares, x, y)) {
                    changedOutside++;
                }
                for (int i = 0; i < squares.size(); i++) {
                    if (inAny(List.of(squares.get(i)), x, y)) {
                        changedPerFace[i]++;
                    }
                }
            }
        }
        assertThat(changedOutside).isZero();
        for (int i = 0; i < squares.size(); i++) {
            int[] s = squares.get(i);
            int area = (s[2] - s[0]) * (s[3] - s[1]);
            assertThat(changedPerFace[i]).as("face %d", i).isGreaterThan(area / 10);
        }
        assertThat(out.resolve("sample1_add_side.png")).exists();

        // Zero strength: the input, pixel for pixel.
        Path zero = dir.resolve("zero");
        assertThat(edit(zero, "--photo", GROUP.toString(), "--model", runA.toString(), "--strength", "0").code())
                .isZero();
        assertThat(SourceImages.readAny(zero.resolve("sample1_add_s0.0_edited.png")).pixels())
                .isEqualTo(input.pixels());

        // Two runs in turn: a different edit, still nothing outside the faces.
        Path both = dir.resolve("both");
        assertThat(edit(both, "--photo", GROUP.toString(), "--model", runA.toString(), "--model", runB.toString())
                .code()).isZero();
        RgbImage twice = SourceImages.readAny(both.resolve("sample1_add_edited.png"));
        assertThat(twice.pixels()).isNotEqualTo(edited.pixels());
        for (int y = 0; y < input.height(); y += 3) {
            for (int x = 0; x < input.width(); x += 3) {
                if (!inAny(squares, x, y)) {
                    assertThat(twice.get(x, y, 1)).isEqualTo(input.get(x, y, 1));
                }
            }
        }
    }

    @Test
    void aPhotoWithoutAFaceIsCountedAndAJpegIsWrittenOnRequest() throws Exception {
        Path photos = dir.resolve("photos");
        Files.createDirectories(photos);
        Files.copy(GROUP, photos.resolve("group.jpg"));
        RgbImage pattern = RgbImage.blank(300, 200);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                for (int c = 0; c < 3; c++) {
                    pattern.set(x, y, c, (y * 7 + x * 13 + c * 50) % 256);
                }
            }
        }
        ImageFiles.writePng(photos.resolve("pattern.png"), pattern);
        Path out = dir.resolve("folder");
        var o = edit(out, "--photo", photos.toString(), "--model", runA.toString(), "--format", "jpeg");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("edited 3 face(s) in 2 photo(s)", "no face found in 1: pattern.png");
        assertThat(out.resolve("group_add_edited.jpg")).exists();
        assertThat(new ObjectMapper().readTree(out.resolve("pattern_add_faces.json").toFile()).get("faces")).isEmpty();
    }

    @Test
    void aBadPhotoInTheFolderStopsBeforeAnythingIsWritten() throws Exception {
        Path photos = dir.resolve("bad");
        Files.createDirectories(photos);
        Files.copy(GROUP, photos.resolve("a.jpg"));
        Files.write(photos.resolve("b.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Path out = dir.resolve("bad-out");
        var o = edit(out, "--photo", photos.toString(), "--model", runA.toString());
        assertThat(o.code()).isNotZero();
        assertThat(o.err().strip()).startsWith("resface: error: " + photos).contains("b.jpg").doesNotContain("\tat ");
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    /** Crops take several runs as photos do: the chain's output is the second run's edit of the first's. */
    @Test
    void severalRunsEditACropInTurn() throws Exception {
        Path crops = dir.resolve("crops");
        Files.createDirectories(crops);
        byte[] pixels = new byte[48 * 48 * 3];
        new Random(3).nextBytes(pixels);
        ImageFiles.writePng(crops.resolve("face.png"), new RgbImage(48, 48, pixels));
        Path both = dir.resolve("crops-both");
        assertThat(edit(both, "--crops", crops.toString(), "--model", runA + "," + runB).code()).isZero();
        Path first = dir.resolve("crops-first");
        assertThat(edit(first, "--input", crops.toString(), "--model", runA.toString()).code()).isZero();
        Path second = dir.resolve("crops-second");
        assertThat(edit(second, "--crops", first.resolve("face_add.png").toString(), "--model", runB.toString())
                .code()).isZero();
        byte[] chained = Files.readAllBytes(both.resolve("face_add.png"));
        assertThat(chained).isEqualTo(Files.readAllBytes(second.resolve("face_add_add.png")))
                .isNotEqualTo(Files.readAllBytes(first.resolve("face_add.png")));
        assertThat(both.resolve("face_add_residual.png")).exists();
    }
}
