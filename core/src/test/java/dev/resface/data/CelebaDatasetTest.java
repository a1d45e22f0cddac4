package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CelebaDatasetTest {
    @TempDir
    Path root;

    @Test
    void joinsTheLists() throws IOException {
        CelebaFixture.writeDataset(root, 10, false, true);
        CelebaDataset d = CelebaDataset.open(root);
        assertThat(d.size()).isEqualTo(10);
        assertThat(d.imageName(3)).isEqualTo("000004.jpg");
        assertThat(d.imagePath(3)).isEqualTo(root.resolve("img_align_celeba").resolve("000004.jpg"));
        assertThat(d.label(3, FaceAttribute.SMILING)).isTrue();
        assertThat(d.label(3, FaceAttribute.MALE)).isTrue();
        assertThat(d.label(3, FaceAttribute.EYEGLASSES)).isFalse();
        assertThat(d.label(4, "Eyeglasses")).isTrue();
        assertThat(d.partition(0)).isEqualTo(Partition.TRAIN);
        assertThat(d.partition(3)).isEqualTo(Partition.VALIDATION);
        assertThat(d.partition(9)).isEqualTo(Partition.TEST);
        assertThat(d.hasLandmarks()).isTrue();
        assertThat(d.landmarks(5).orElseThrow().x(Landmarks.LEFT_EYE)).isEqualTo(65);
        assertThatThrownBy(() -> d.label(0, FaceAttribute.YOUNG)).isInstanceOf(BadInputException.class)
                .hasMessage(root.resolve(CelebaLayout.ATTRIBUTES)
                        + ":2: no attribute 'Young' in the header (it has 3: Smiling Male Eyeglasses)");
    }

    @Test
    void landmarksAreOptional() throws IOException {
        CelebaFixture.writeDataset(root, 4, false, false);
        CelebaDataset d = CelebaDataset.open(root);
        assertThat(d.hasLandmarks()).isFalse();
        assertThat(d.landmarks(0)).isEmpty();
    }

    @Test
    void imageWithoutPartitionIsAnError() throws IOException {
        CelebaFixture.writeDataset(root, 5, false, false);
        Path part = root.resolve(CelebaLayout.PARTITION);
        Files.writeString(part, "000001.jpg 0\n000002.jpg 0\n000004.jpg 0\n000005.jpg 2\n");
        assertThatThrownBy(() -> CelebaDataset.open(root)).isInstanceOf(BadInputException.class)
                .hasMessage(part + ": has no partition for 1 of the 5 images of list_attr_celeba.txt, e.g. 000003.jpg"
                        + " (list_attr_celeba.txt line 5)");
    }

    @Test
    void partitionOfAnImageWithoutAttributesIsAnError() throws IOException {
        CelebaFixture.writeDataset(root, 3, false, false);
        Path part = root.resolve(CelebaLayout.PARTITION);
        Files.writeString(part, "000001.jpg 0\n000002.jpg 0\n\n000009.jpg 2\n000003.jpg 1\n000010.jpg 0\n");
        assertThatThrownBy(() -> CelebaDataset.open(root)).isInstanceOf(BadInputException.class)
                .hasMessage(part + ":4: 000009.jpg is not an image of list_attr_celeba.txt (2 of the 5 images listed"
                        + " here are not)");
    }

    /** Every table is checked when the dataset opens, so `train` stops on a bad landmark file before it trains. */
    @Test
    void aLandmarkThatIsNotANumberStopsTheOpening() throws IOException {
        CelebaFixture.writeDataset(root, 3, false, true);
        Path landmarks = root.resolve(CelebaLayout.LANDMARKS);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(landmarks));
        lines.set(3, lines.get(3).replaceFirst("\\s\\S+$", " 7.5"));
        Files.write(landmarks, lines);
        assertThatThrownBy(() -> CelebaDataset.open(root)).isInstanceOf(BadInputException.class)
                .hasMessage(landmarks + ":4: coordinate rightmouth_y = '7.5' is not an integer");
    }

    @Test
    void missingFolderAndMissingImages() throws IOException {
        Path none = root.resolve("absent");
        assertThatThrownBy(() -> CelebaDataset.open(none)).hasMessage(none + ": CelebA folder not found");
        CelebaFixture.writeDataset(root, 2, false, false);
        Files.delete(root.resolve(CelebaLayout.IMAGES));
        assertThatThrownBy(() -> CelebaDataset.open(root)).hasMessage(root.resolve(CelebaLayout.IMAGES)
                + ": image folder not found (expected the aligned CelebA JPEGs)");
    }
}
