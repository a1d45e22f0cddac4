package dev.resface.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.model.Direction;
import dev.resface.util.PrettyJson;
import java.nio.file.Path;
import java.util.List;
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
    void samePhotoNamesInTwoFoldersGetTwoOutputs() {
        PhotoEditTask task = new PhotoEditTask(config("/in", List.of("/r"), Direction.ADD, 0.5f, "/out"));
        Path a = task.output("/in/x/face.jpg");
        Path b = task.output("/in/y/face.jpg");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(Path.of("/out/photos"));
        assertThat(a.getFileName().toString()).matches("face-[0-9a-f]{8}_add_s0\\.5_edited\\.png");
        assertThat(task.output("/in/x/face.jpg")).isEqualTo(a);
    }

    @Test
    void aJobNeedsARunAndAPositiveChunk() {
        assertThatThrownBy(() -> config("/in", List.of(), Direction.ADD, 1f, "/o")).hasMessage("no run to edit with");
        assertThatThrownBy(() -> new SparkEditConfig("/in", List.of("/r"), "/o", Direction.ADD, 1f, false, "/fa", "/d",
                null, 0)).hasMessage("--chunk must be positive, got 0");
    }
}
