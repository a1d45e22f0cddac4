package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionAndLandmarkTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void parsesPartitions() throws IOException {
        Path f = write(CelebaLayout.PARTITION, "000001.jpg 0\n000002.jpg   1\n000003.jpg 2\n\n");
        PartitionList p = PartitionList.read(f);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.of("000001.jpg")).isEqualTo(Partition.TRAIN);
        assertThat(p.of("000002.jpg")).isEqualTo(Partition.VALIDATION);
        assertThat(p.of("000003.jpg")).isEqualTo(Partition.TEST);
        assertThat(p.of("000004.jpg")).isNull();
    }

    @Test
    void partitionErrorsNameFileAndLine() throws IOException {
        Path f = write(CelebaLayout.PARTITION, "000001.jpg 0\n000002.jpg 3\n");
        assertThatThrownBy(() -> PartitionList.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":2: partition '3' of 000002.jpg is not 0 (train), 1 (validation) or 2 (test)");
        write(CelebaLayout.PARTITION, "000001.jpg 0\n000002.jpg\n");
        assertThatThrownBy(() -> PartitionList.read(f))
                .hasMessage(f + ":2: expected '<image> <0|1|2>', got '000002.jpg'");
        write(CelebaLayout.PARTITION, "000001.jpg 0\n000002.jpg 1 2\n");
        assertThatThrownBy(() -> PartitionList.read(f))
                .hasMessage(f + ":2: expected '<image> <0|1|2>', got '000002.jpg 1 2'");
        write(CelebaLayout.PARTITION, "000001.jpg 0\n\n000001.jpg 1\n");
        assertThatThrownBy(() -> PartitionList.read(f))
                .hasMessage(f + ":3: duplicate image 000001.jpg (first on line 1)");
        Path missing = dir.resolve("none.txt");
        assertThatThrownBy(() -> PartitionList.read(missing))
                .hasMessage(missing + ": file not found (expected the CelebA partition list list_eval_partition.txt)");
    }

    @Test
    void parsesLandmarksByHeaderName() throws IOException {
        // Header in a shuffled order: columns must be matched by name.
        Path f = write(CelebaLayout.LANDMARKS, "2\n"
                + "lefteye_y lefteye_x righteye_x righteye_y nose_x nose_y leftmouth_x leftmouth_y rightmouth_x"
                + " rightmouth_y\n"
                + "000001.jpg 111 69  106 113 77 142 73 152 108 154\n"
                + "000002.jpg   110 70 105 112 76 141 72 151 107 153\n");
        LandmarkTable t = LandmarkTable.read(f);
        assertThat(t.size()).isEqualTo(2);
        Landmarks a = t.of("000001.jpg");
        assertThat(a.xy()).containsExactly(69, 111, 106, 113, 77, 142, 73, 152, 108, 154);
        assertThat(a.x(Landmarks.NOSE)).isEqualTo(77);
        assertThat(a.y(Landmarks.RIGHT_MOUTH)).isEqualTo(154);
        assertThat(t.of("000002.jpg").x(Landmarks.LEFT_EYE)).isEqualTo(70);
    }

    @Test
    void landmarkErrors() throws IOException {
        String header = String.join(" ", CelebaLayout.LANDMARK_NAMES);
        Path f = write(CelebaLayout.LANDMARKS, "1\n" + header + "\n000001.jpg 1 2 3 4 5 6 7 8 9 x\n");
        assertThatThrownBy(() -> LandmarkTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":3: coordinate rightmouth_y = 'x' is not an integer");
        write(CelebaLayout.LANDMARKS, "1\n" + header + "\n000001.jpg 1 2 3 4 5 6 7 8 9\n");
        assertThatThrownBy(() -> LandmarkTable.read(f))
                .hasMessage(f + ":3: expected an image name and 10 coordinates, got 9");
        write(CelebaLayout.LANDMARKS, "1\n" + header.replace("nose_y", "nose_z") + "\n");
        assertThatThrownBy(() -> LandmarkTable.read(f)).hasMessageStartingWith(f + ":2: header lacks 'nose_y'");
        write(CelebaLayout.LANDMARKS, "2\n" + header + "\n000001.jpg 1 2 3 4 5 6 7 8 9 10\n");
        assertThatThrownBy(() -> LandmarkTable.read(f))
                .hasMessage(f + ":1: the count line says 2 images but the file lists 1");
    }
}
