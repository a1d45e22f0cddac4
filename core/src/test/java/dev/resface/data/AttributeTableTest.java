package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeTableTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve(CelebaLayout.ATTRIBUTES);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void parsesRowsWithRunsOfSpacesAndFindsColumnsByName() throws IOException {
        Path f = write("3\nSmiling Male Young\n"
                + "000001.jpg -1  1  1\n"
                + "000002.jpg  1 -1  -1\r\n"
                + "000003.jpg\t1\t1 -1\n\n");
        AttributeTable t = AttributeTable.read(f);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.imageNames()).containsExactly("000001.jpg", "000002.jpg", "000003.jpg");
        assertThat(t.attributeNames()).containsExactly("Smiling", "Male", "Young");
        assertThat(t.column("Young")).isEqualTo(2);
        assertThat(t.label(0, "Smiling")).isFalse();
        assertThat(t.label(0, "Male")).isTrue();
        assertThat(t.label(1, "Smiling")).isTrue();
        assertThat(t.label(1, "Young")).isFalse();
        assertThat(t.label(2, "Male")).isTrue();
        assertThat(t.label(2, "Young")).isFalse();
        assertThat(t.lineOf(2)).isEqualTo(5);
    }

    @Test
    void fullCelebaHeaderLooksUpPaperAttributes() throws IOException {
        StringBuilder row = new StringBuilder("000001.jpg");
        for (String a : CelebaLayout.ATTRIBUTE_NAMES) {
            row.append(a.equals("Eyeglasses") || a.equals("Young") ? "  1" : " -1");
        }
        Path f = write("1\n" + String.join(" ", CelebaLayout.ATTRIBUTE_NAMES) + " \n" + row + "\n");
        AttributeTable t = AttributeTable.read(f);
        assertThat(t.column("Eyeglasses")).isEqualTo(15);
        for (FaceAttribute a : FaceAttribute.values()) {
            assertThat(t.label(0, a.celebaName())).as(a.name())
                    .isEqualTo(a == FaceAttribute.EYEGLASSES || a == FaceAttribute.YOUNG);
        }
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.txt");
        assertThatThrownBy(() -> AttributeTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ": file not found (expected the CelebA attribute list list_attr_celeba.txt)");
    }

    @Test
    void countLineNotANumber() throws IOException {
        Path f = write("lots\nSmiling\n000001.jpg 1\n");
        assertThatThrownBy(() -> AttributeTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":1: expected the image count, got 'lots'");
    }

    @Test
    void countMismatch() throws IOException {
        Path f = write("3\nSmiling Male\n000001.jpg 1 1\n000002.jpg -1 1\n");
        assertThatThrownBy(() -> AttributeTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":1: the count line says 3 images but the file lists 2");
    }

    @Test
    void rowWithWrongNumberOfValues() throws IOException {
        Path f = write("2\nSmiling Male Young\n000001.jpg 1 1 1\n000002.jpg -1  1\n");
        assertThatThrownBy(() -> AttributeTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":4: expected an image name and 3 values, got 2 values");
    }

    @Test
    void valueNotPlusOrMinusOne() throws IOException {
        Path f = write("2\nSmiling Male\n000001.jpg 1 0\n000002.jpg -1 1\n");
        assertThatThrownBy(() -> AttributeTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":3: value '0' for Male is not 1 or -1");
    }

    @Test
    void duplicateImage() throws IOException {
        Path f = write("3\nSmiling\n000001.jpg 1\n000002.jpg 1\n000001.jpg -1\n");
        assertThatThrownBy(() -> AttributeTable.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":5: duplicate image 000001.jpg (first on line 3)");
    }

    @Test
    void unknownAttribute() throws IOException {
        Path f = write("1\nSmiling Male\n000001.jpg 1 1\n");
        AttributeTable t = AttributeTable.read(f);
        assertThatThrownBy(() -> t.column("Eyeglasses")).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":2: no attribute 'Eyeglasses' in the header (it has 2: Smiling Male)");
    }

    @Test
    void emptyFileAndMissingHeader() throws IOException {
        Path f = write("");
        assertThatThrownBy(() -> AttributeTable.read(f)).hasMessage(f + ":1: file is empty, expected the image count");
        write("0\n");
        assertThatThrownBy(() -> AttributeTable.read(f))
                .hasMessage(f + ":2: expected the attribute names header, got end of file");
    }
}
