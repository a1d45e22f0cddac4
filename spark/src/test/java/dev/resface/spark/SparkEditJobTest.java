package dev.resface.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.model.Direction;
import dev.resface.util.PrettyJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-edit job on local[2]: face-api's group photos beside a faceless picture and four bad files, the
 * Parquet rows read back with Spark, the edited photos, and a rerun that edits only what is new.
 */
class SparkEditJobTest {
    static final Path FACE_API = SparkTestRun.FACE_API;
    static final Path PREDICTOR = SparkTestRun.PREDICTOR;
    @TempDir
    static Path dir;
    static Path runDir;

    @BeforeAll
    static void train() throws Exception {
        runDir = SparkTestRun.train(dir);
    }

    /** The job and what it logged. */
    record Outcome(SparkEditJob.Summary summary, String log) {}

    static SparkEditConfig config(Path input, Path out, Direction direction) {
        return config(input.toAbsolutePath().toString(), out.toString(), direction);
    }

    static SparkEditConfig config(String input, String out, Direction direction) {
        return new SparkEditConfig(input, List.of(runDir.toString()), out, direction, 1f, false,
                FACE_API.toAbsolutePath().toString(), PREDICTOR.toString(), "local[2]", 3);
    }

    static Outcome sparkEdit(Path input, Path out, Direction direction) throws Exception {
        return sparkEdit(config(input, out, direction));
    }

    static Outcome sparkEdit(SparkEditConfig config) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SparkEditJob.Summary s = SparkEditJob.run(config, new PrintStream(log, true));
        return new Outcome(s, log.toString());
    }

    static Map<String, Row> rows(Path out) {
        return rows(out.resolve("results").toString());
    }

    /** The table's rows by file name, each name once. */
    static Map<String, Row> rows(String results) {
        Map<String, Row> byName = new HashMap<>();
        rowsByPath(results).forEach((path, r) -> assertThat(byName.put(path.substring(path.lastIndexOf('/') + 1), r))
                .as("one row a photo name").isNull());
        return byName;
    }

    /** The table's rows by path, each path once. */
    static Map<String, Row> rowsByPath(String results) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            Map<String, Row> byPath = new HashMap<>();
            for (Row r : spark.read().parquet(results).collectAsList()) {
                assertThat(byPath.put(r.getAs("path"), r)).as("one row a photo").isNull();
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

        var first = sparkEdit(in, out, Direction.REMOVE);
        assertThat(first.log()).contains("6 photos, 0 already done, 6 to edit in 2 chunk(s) on local[2]");
        assertThat(first.summary()).extracting("ok", "noFace", "error", "now", "skipped").containsExactly(2L, 1L, 3L, 6L, 0L);
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
        var second = sparkEdit(list, out, Direction.REMOVE);
        assertThat(second.log()).contains("3 photos, 1 already done, 2 to edit");
        assertThat(second.summary()).extracting("ok", "error", "now", "skipped").containsExactly(3L, 4L, 2L, 1L);
        Map<String, Row> after = rows(out);
        assertThat(after).hasSize(8);
        assertThat((String) after.get("sample4.jpg").getAs("status")).isEqualTo("ok");
        assertThat((String) after.get("gone.jpg").getAs("error")).isEqualTo("file not found");
        assertThat(after.get("sample1.jpg").<Double>getAs("seconds")).isEqualTo(rows.get("sample1.jpg").<Double>getAs("seconds"));

        // A file fixed since: --retry-errors edits this folder's error photos again, their new rows replacing the old;
        // the list's missing photo keeps its error row, not being among this job's photos.
        ImageIO.write(new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB), "png", in.resolve("notes.txt").toFile());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SparkEditJob.Summary retried = SparkEditJob.run(config(in, out, Direction.REMOVE), true, new PrintStream(log, true));
        assertThat(log.toString()).contains("3 error row(s) taken out of the table", "7 photos, 4 already done, 3 to edit");
        assertThat(retried).extracting("ok", "noFace", "error", "now", "skipped").containsExactly(3L, 2L, 3L, 3L, 4L);
        Map<String, Row> third = rows(out);
        assertThat(third).hasSize(8);
        assertThat((String) third.get("notes.txt").getAs("status")).isEqualTo("no_face");
        assertThat((String) third.get("gone.jpg").getAs("error")).isEqualTo("file not found");
        assertThat((String) third.get("empty.jpg").getAs("error")).isEqualTo("empty file");
        assertThat(third.get("sample2.jpg").<Double>getAs("seconds")).isEqualTo(rows.get("sample2.jpg").<Double>getAs("seconds"));
        assertThat(out.resolve("results.next")).doesNotExist();
        assertThat(out.resolve("results.old")).doesNotExist();

        assertThatThrownBy(() -> sparkEdit(in, out, Direction.ADD)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("config.json").hasMessageContaining("holds a job with other runs, direction");
    }

    /**
     * What a job killed before its first chunk committed leaves: its config and a results folder holding only Spark's
     * _temporary with a part file half written. Before, the rerun ended in "Unable to infer schema for Parquet".
     */
    @Test
    void aJobThatDiedBeforeItsFirstChunkCommittedIsResumed() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in-dead"));
        Files.copy(FACE_API.resolve("demo/sample2.jpg"), in.resolve("sample2.jpg"));
        ImageIO.write(new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB), "png", in.resolve("blank.png").toFile());
        Path out = Files.createDirectories(dir.resolve("out-dead"));
        PrettyJson.write(out.resolve("config.json"), config(in, out, Direction.REMOVE));
        Path leftover = Files.createDirectories(out.resolve("results/_temporary/0/_temporary/attempt_1"));
        Files.write(leftover.resolve("part-00000.snappy.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 1, 2});
        try (var files = Files.list(out.resolve("results"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("_temporary");
        }

        var rerun = sparkEdit(in, out, Direction.REMOVE);
        assertThat(rerun.log()).contains("2 photos, 0 already done, 2 to edit");
        assertThat(rerun.summary()).extracting("ok", "noFace", "now", "skipped").containsExactly(1L, 1L, 2L, 0L);
        assertThat(rows(out)).containsOnlyKeys("sample2.jpg", "blank.png");

        // Killed inside --retry-errors' swap, the old table moved aside and the new one not yet in place.
        Files.move(out.resolve("results"), out.resolve("results.next"));
        Files.createDirectories(out.resolve("results.old"));
        var afterSwap = sparkEdit(in, out, Direction.REMOVE);
        assertThat(afterSwap.log()).contains("2 photos, 2 already done, 0 to edit");
        assertThat(rows(out)).containsOnlyKeys("sample2.jpg", "blank.png");
        assertThat(out.resolve("results.old")).doesNotExist();
    }

    /**
     * Photos kept in HDFS, as a cluster keeps them: a NameNode and a DataNode in this JVM (Hadoop's MiniDFSCluster,
     * on 127.0.0.1), the input a folder there and then a path list there with relative lines, the table, the edited
     * photos and config.json written there, and a rerun that finds the table there.
     */
    @Test
    void photosInHdfsAreEditedIntoHdfsAndARerunGoesOnFromThere() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            FileSystem fs = cluster.getFileSystem();
            String root = fs.getUri().toString();
            assertThat(root).startsWith("hdfs://");
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(FACE_API.resolve("demo/sample1.jpg").toUri()),
                    new org.apache.hadoop.fs.Path("/photos/in/sample1.jpg"));
            byte[] blank = png(new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB));
            try (var o = fs.create(new org.apache.hadoop.fs.Path("/photos/in/blank.png"))) {
                o.write(blank);
            }
            try (var o = fs.create(new org.apache.hadoop.fs.Path("/photos/in/notes.txt"))) {
                o.write("not an image".getBytes(StandardCharsets.UTF_8));
            }

            String out = root + "/edited";
            var first = sparkEdit(config(root + "/photos/in", out, Direction.REMOVE));
            assertThat(first.log()).contains("3 photos, 0 already done, 3 to edit");
            assertThat(first.summary()).extracting("ok", "noFace", "error", "now").containsExactly(1L, 1L, 1L, 3L);
            Map<String, Row> rows = rows(out + "/results");
            assertThat(rows).containsOnlyKeys("sample1.jpg", "blank.png", "notes.txt");
            Row face = rows.get("sample1.jpg");
            assertThat((String) face.getAs("path")).isEqualTo(root + "/photos/in/sample1.jpg");
            assertThat(face.<Integer>getAs("faces")).isEqualTo(3);
            String output = face.getAs("output");
            assertThat(output).startsWith(out + "/photos/sample1-");
            BufferedImage edited;
            try (var in = fs.open(new org.apache.hadoop.fs.Path(output))) {
                edited = ImageIO.read(in);
            }
            BufferedImage input = ImageIO.read(FACE_API.resolve("demo/sample1.jpg").toFile());
            assertThat(edited.getWidth()).isEqualTo(input.getWidth());
            assertThat(edited.getHeight()).isEqualTo(input.getHeight());
            assertThat((String) rows.get("notes.txt").getAs("error")).isEqualTo("not a readable image");
            assertThat(fs.exists(new org.apache.hadoop.fs.Path("/edited/config.json"))).isTrue();
            // nothing half-written left beside the outputs
            assertThat(fs.listStatus(new org.apache.hadoop.fs.Path("/edited/photos"))).hasSize(1);

            // A list in HDFS whose lines are relative to its folder: the photo done is skipped, a missing one added.
            try (var o = fs.create(new org.apache.hadoop.fs.Path("/photos/lists/todo.txt"))) {
                o.write("../in/sample1.jpg\n../in/gone.jpg\n".getBytes(StandardCharsets.UTF_8));
            }
            var second = sparkEdit(config(root + "/photos/lists/todo.txt", out, Direction.REMOVE));
            assertThat(second.log()).contains("2 photos, 1 already done, 1 to edit");
            Map<String, Row> after = rows(out + "/results");
            assertThat(after).hasSize(4);
            assertThat((String) after.get("gone.jpg").getAs("error")).isEqualTo("file not found");
            assertThat((String) after.get("gone.jpg").getAs("path")).isEqualTo(root + "/photos/in/gone.jpg");
        } finally {
            cluster.shutdown(true);
        }
    }

    /** An input whose file system cannot be reached is one line naming it, and nothing is written. */
    @Test
    void aFileSystemOutOfReachIsOneLineNamingThePath() {
        Path out = dir.resolve("out-unreachable");
        assertThatThrownBy(() -> sparkEdit(config("hdfs://127.0.0.1:1/photos", out.toString(), Direction.REMOVE)))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("hdfs://127.0.0.1:1/photos: ")
                        .contains("Connection refused").doesNotContain("\n").doesNotContain("wiki.apache.org"));
        assertThat(out).doesNotExist();
    }

    private static byte[] png(BufferedImage image) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
