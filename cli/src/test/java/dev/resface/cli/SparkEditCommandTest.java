package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `resface spark-edit` as a local[2] job: face-api's group photos beside a faceless picture and four bad files, the
 * Parquet rows read back with Spark, the edited photos, and a rerun that edits only what is new.
 */
class SparkEditCommandTest {
    static final Path FACE_API = EvalCommandTest.FACE_API;
    @TempDir
    static Path dir;
    static Path runDir;

    @BeforeAll
    static void train() {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "160").code()).isZero();
        runDir = dir.resolve("run");
        var o = run("train", "--data", data.toString(), "--attribute", "Eyeglasses", "--out", runDir.toString(),
                "--preset", "cpu", "--size", "32", "--iterations", "1", "--batch", "2", "--no-zero-init-last");
        assertThat(o.code()).as(o.err()).isZero();
    }

    static CommandLineErrorsTest.Outcome sparkEdit(Path input, Path out, String direction) {
        return run("spark-edit", "--input", input.toString(), "--runs", runDir.toString(), "--out", out.toString(),
                "--direction", direction, "--master", "local[2]", "--chunk", "3", "--face-api", FACE_API.toString());
    }

    static Map<String, Row> rows(Path out) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            Map<String, Row> byPath = new HashMap<>();
            List<Row> all = spark.read().parquet(out.resolve("results").toString()).collectAsList();
            for (Row r : all) {
                assertThat(byPath.put(Path.of((String) r.getAs("path")).getFileName().toString(), r)).as("one row a photo").isNull();
            }
            return byPath;
        } finally {
            spark.stop();
        }
    }

    @Test
    void badFilesAreErrorRowsFacesAreEditedAndARerunEditsOnlyWhatIsNew() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(FACE_API.resolve("demo/sample1.jpg"), in.resolve("sample1.jpg"));
        Files.copy(FACE_API.resolve("demo/sample2.jpg"), in.resolve("sample2.jpg"));
        ImageIO.write(new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB), "png", in.resolve("blank.png").toFile());
        Files.writeString(in.resolve("notes.txt"), "not an image");
        byte[] jpeg = Files.readAllBytes(FACE_API.resolve("demo/sample3.jpg"));
        Files.write(in.resolve("truncated.jpg"), java.util.Arrays.copyOf(jpeg, 2000));
        Files.write(in.resolve("empty.jpg"), new byte[0]);
        Path out = dir.resolve("out");

        var first = sparkEdit(in, out, "remove");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("6 photos, 0 already done, 6 to edit in 2 chunk(s) on local[2]")
                .contains("6 photo(s) edited now").doesNotContain("Exception");
        Map<String, Row> rows = rows(out);
        assertThat(rows).hasSize(6);
        for (String photo : List.of("sample1.jpg", "sample2.jpg")) {
            Row r = rows.get(photo);
            assertThat((String) r.getAs("status")).isEqualTo("ok");
            int faces = r.getAs("faces");
            assertThat(faces).isPositive();
            List<Row> boxes = r.getList(r.fieldIndex("boxes"));
            assertThat(boxes).hasSize(faces);
            for (Row b : boxes) {
                assertThat((double) b.getAs("score")).isBetween(0.5, 1.0);
                assertThat((double) b.getAs("width")).isGreaterThan(10);
            }
            BufferedImage edited = ImageIO.read(Path.of((String) r.getAs("output")).toFile());
            BufferedImage input = ImageIO.read(in.resolve(photo).toFile());
            assertThat(edited.getWidth()).isEqualTo(input.getWidth());
            assertThat(edited.getHeight()).isEqualTo(input.getHeight());
            assertThat((double) r.getAs("seconds")).isPositive();
        }
        assertThat(rows.get("sample1.jpg").<Integer>getAs("faces")).isEqualTo(3);
        assertThat((String) rows.get("blank.png").getAs("status")).isEqualTo("no_face");
        assertThat((Object) rows.get("blank.png").getAs("output")).isNull();
        Map<String, String> errors = new HashMap<>();
        for (String bad : List.of("notes.txt", "truncated.jpg", "empty.jpg")) {
            assertThat((String) rows.get(bad).getAs("status")).isEqualTo("error");
            errors.put(bad, rows.get(bad).getAs("error"));
        }
        assertThat(errors.get("notes.txt")).isEqualTo("not a readable image");
        assertThat(errors.get("empty.jpg")).isEqualTo("empty file");
        assertThat(errors.get("truncated.jpg")).isNotBlank();
        try (var photos = Files.list(out.resolve("photos"))) {
            assertThat(photos.toList()).hasSize(2);
        }

        // A path list on the same folder: the photo already done is skipped, a new one and a missing one are added.
        Path list = dir.resolve("list.txt");
        Files.copy(FACE_API.resolve("demo/sample4.jpg"), in.resolve("sample4.jpg"));
        Files.writeString(list, "# photos\nin/sample1.jpg\n" + in.resolve("sample4.jpg") + "\n\nnowhere/gone.jpg\n");
        var second = sparkEdit(list, out, "remove");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).contains("3 photos, 1 already done, 2 to edit");
        Map<String, Row> after = rows(out);
        assertThat(after).hasSize(8);
        assertThat((String) after.get("sample4.jpg").getAs("status")).isEqualTo("ok");
        assertThat((String) after.get("gone.jpg").getAs("error")).isEqualTo("file not found");
        assertThat(after.get("sample1.jpg").<Double>getAs("seconds")).isEqualTo(rows.get("sample1.jpg").<Double>getAs("seconds"));

        var other = sparkEdit(in, out, "add");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err().strip()).startsWith("resface: error: ").contains("config.json")
                .contains("holds a job with other runs, direction").doesNotContain("\tat ");
    }

    @Test
    void aMissingInputOrRunIsOneLineBeforeSparkStarts() {
        Path out = dir.resolve("never");
        var noInput = sparkEdit(dir.resolve("nothing-here"), out, "remove");
        assertThat(noInput.code()).isEqualTo(2);
        assertThat(noInput.err().strip()).endsWith("nothing-here: no such folder or path list");
        var noRun = run("spark-edit", "--input", dir.toString(), "--runs", dir.resolve("no-run").toString(), "--out",
                out.toString(), "--direction", "remove");
        assertThat(noRun.code()).isEqualTo(2);
        assertThat(noRun.err().strip()).startsWith("resface: error: ").contains("no-run").doesNotContain("\n");
        assertThat(out).doesNotExist();
    }
}
