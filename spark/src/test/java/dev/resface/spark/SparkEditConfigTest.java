package dev.resface.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.model.Direction;
import dev.resface.util.PrettyJson;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rerun must agree on with the job whose folder it continues, and where each photo's edit goes. */
class SparkEditConfigTest {
    static SparkEditConfig config(String input, List<String> runs, Direction d, float strength, String out) {
        return new SparkEditConfig(input, runs, out, d, strength, false, "/fa", "/dlib.dat", null, 1000);
    }

    @Test
    void aRerunMayReadOtherInputsButMustMakeTheSameEdit(@TempDir Path dir) throws Exception {
        SparkEditConfig first = config("/photos", List.of("/runs/a", "/runs/b"), Direction.REMOVE, 1f, "/out");
        PrettyJson.write(dir.resolve("config.json"), first);
        SparkEditConfig stored = PrettyJson.read(dir.resolve("config.json"), SparkEditConfig.class);
        assertThat(stored).isEqualTo(first);
        assertThat(stored.sameEdit(config("/list.txt", List.of("/runs/a", "/runs/b"), Direction.REMOVE, 1f, "/o2"))).isTrue();
        assertThat(stored.sameEdit(config("/photos", List.of("/runs/b", "/runs/a"), Direction.REMOVE, 1f, "/out"))).isFalse();
        assertThat(stored.sameEdit(config("/photos", List.of("/runs/a", "/runs/b"), Direction.ADD, 1f, "/out"))).isFalse();
        assertThat(stored.sameEdit(config("/photos", List.of("/runs/a", "/runs/b"), Direction.REMOVE, 0.5f, "/out"))).isFalse();
    }

    @Test
    void samePhotoNamesInTwoFoldersGetTwoOutputsLocalOrRemote() {
        PhotoEditTask task = new PhotoEditTask(config("/in", List.of("/r"), Direction.ADD, 0.5f, "/out"),
                new ClusterFiles(new Configuration(false)));
        Path a = Path.of(task.output("/in/x/face.jpg"));
        Path b = Path.of(task.output("/in/y/face.jpg"));
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(Path.of("/out/photos"));
        assertThat(a.getFileName().toString()).matches("face-[0-9a-f]{8}_add_s0\\.5_edited\\.png");
        assertThat(task.output("/in/x/face.jpg")).isEqualTo(a.toString());
        PhotoEditTask remote = new PhotoEditTask(config("hdfs://nn:8020/in", List.of("/r"), Direction.ADD, 0.5f,
                "hdfs://nn:8020/out"), new ClusterFiles(new Configuration(false)));
        assertThat(remote.output("hdfs://nn:8020/in/x/face.jpg"))
                .matches("hdfs://nn:8020/out/photos/face-[0-9a-f]{8}_add_s0\\.5_edited\\.png");
    }

    @Test
    void pathsWithASchemeGoThroughHadoopAndListsResolveRelativeLinesInTheirOwnForm() {
        for (String remote : new String[] {"hdfs://nn:8020/a", "s3a://bucket/a/b.jpg", "file:///tmp/x", "file:/tmp/x"}) {
            assertThat(ClusterFiles.remote(remote)).as(remote).isTrue();
        }
        for (String local : new String[] {"/tmp/x", "photos/a.jpg", "a:b.jpg", "C"}) {
            assertThat(ClusterFiles.remote(local)).as(local).isFalse();
        }
        assertThat(SparkEditJob.listed("s3a://bucket/lists", "x/a.jpg")).isEqualTo("s3a://bucket/lists/x/a.jpg");
        assertThat(SparkEditJob.listed("/data/lists", "../x/a.jpg")).isEqualTo("/data/x/a.jpg");
        assertThat(SparkEditJob.listed("/data/lists", "hdfs://nn/x/a.jpg")).isEqualTo("hdfs://nn/x/a.jpg");
        assertThat(ClusterFiles.parent("hdfs://nn:8020/in/list.txt")).isEqualTo("hdfs://nn:8020/in");
    }

    @Test
    void aJobNeedsARunAndAPositiveChunk() {
        assertThatThrownBy(() -> config("/in", List.of(), Direction.ADD, 1f, "/o")).hasMessage("no run to edit with");
        assertThatThrownBy(() -> new SparkEditConfig("/in", List.of("/r"), "/o", Direction.ADD, 1f, false, "/fa", "/d",
                null, 0)).hasMessage("--chunk must be positive, got 0");
    }
}
