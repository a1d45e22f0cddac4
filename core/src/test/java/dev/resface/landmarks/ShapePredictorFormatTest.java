package dev.resface.landmarks;

import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader and the inference on a tiny model written by hand: 2 landmarks, 1 cascade, 2 trees of depth 1. */
class ShapePredictorFormatTest {
    @TempDir
    Path dir;

    /**
     * initial shape (0.25, 0.5), (0.75, 0.5); features: 0 = landmark 0, 1 = landmark 1, 2 = landmark 0 moved by
     * (-1, 0), which falls outside the image. Tree A: f0 - f1 > 10 ? leaf [+1/8, 0, -1/8, 0] : leaf [0, 1/8, 0, 1/8].
     * Tree B: f2 - f0 > -100 ? leaf [1, 1, 1, 1] : leaf [0, 0, 0, -1/4].
     */
    static byte[] tinyModel() {
        DlibWriter w = new DlibWriter();
        w.signed(1);                                   // version
        w.column(0.25f, 0.5f, 0.75f, 0.5f);            // initial_shape
        w.unsigned(1);                                 // forests: 1 cascade
        w.unsigned(2);                                 //   2 trees
        w.unsigned(1).unsigned(0).unsigned(1).floatValue(10f);   // tree A splits
        w.unsigned(2).column(0.125f, 0, -0.125f, 0).column(0, 0.125f, 0, 0.125f);
        w.unsigned(1).unsigned(2).unsigned(0).floatValue(-100f); // tree B splits
        w.unsigned(2).column(1, 1, 1, 1).column(0, 0, 0, -0.25f);
        w.unsigned(1).unsigned(3).unsigned(0).unsigned(1).unsigned(0);  // anchor_idx
        w.unsigned(1).unsigned(3);                                       // deltas
        w.floatValue(0).floatValue(0).floatValue(0).floatValue(0).floatValue(-1).floatValue(0);
        return w.bytes();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static RgbImage image(int grey3x5, int grey8x5) {
        RgbImage img = RgbImage.blank(11, 11);
        for (int c = 0; c < 3; c++) {
            img.set(3, 5, c, grey3x5);
            img.set(8, 5, c, grey8x5);
        }
        return img;
    }

    @Test
    void tinyModelPredictsHandComputedPoints() throws IOException {
        ShapePredictor sp = ShapePredictor.load(write("tiny.dat", tinyModel()));
        assertThat(sp.landmarkCount()).isEqualTo(2);
        assertThat(sp.cascadeCount()).isEqualTo(1);
        Box box = new Box(0, 0, 11, 11); // right - left = 10
        // landmark 0 samples (2.5, 5) -> pixel (3, 5); landmark 1 samples (7.5, 5) -> pixel (8, 5)
        // bright left: tree A leaf 0, tree B: 0 - 200 > -100 false -> leaf 1
        // -> (0.375, 0.5), (0.625, 0.25) -> (3.75, 5), (6.25, 2.5)
        assertThat(sp.predict(image(200, 50), box)).containsExactly(3.75, 5.0, 6.25, 2.5);
        assertThat(sp.predictPoints(image(200, 50), box)).containsExactly(4, 5, 6, 3);
        // bright right: tree A leaf 1; tree B: 0 - 50 > -100 true -> leaf 0 (+1 everywhere)
        // -> (1.25, 1.625), (1.75, 1.625) -> (12.5, 16.25), (17.5, 16.25)
        assertThat(sp.predict(image(50, 200), box)).containsExactly(12.5, 16.25, 17.5, 16.25);
        assertThat(sp.predictPoints(image(50, 200), box)).containsExactly(13, 16, 18, 16);
        // grey is (r+g+b)/3 with integer division: (255+1+0)/3 = 85 (not 85.33) vs 75 -> 10 > 10 is false -> tree A
        // leaf 1; tree B: 0 - 85 > -100 -> leaf 0: same as the bright-right case
        RgbImage img = RgbImage.blank(11, 11);
        img.set(3, 5, 0, 255);
        img.set(3, 5, 1, 1);
        for (int c = 0; c < 3; c++) {
            img.set(8, 5, c, 75);
        }
        assertThat(sp.predictPoints(img, box)).containsExactly(13, 16, 18, 16);
        // box offset: everything shifts by (left, top)
        RgbImage shifted = RgbImage.blank(30, 30);
        for (int c = 0; c < 3; c++) {
            shifted.set(3 + 7, 5 + 9, c, 200);
            shifted.set(8 + 7, 5 + 9, c, 50);
        }
        assertThat(sp.predict(shifted, new Box(7, 9, 11, 11))).containsExactly(10.75, 14.0, 13.25, 11.5);
    }

    @Test
    void everyTruncationIsABadInputNamingTheFile() throws IOException {
        byte[] full = tinyModel();
        for (int len = 0; len < full.length; len++) {
            Path file = write("cut-" + len + ".dat", Arrays.copyOf(full, len));
            int cut = len;
            assertThatThrownBy(() -> ShapePredictor.load(file))
                    .as("prefix of %d bytes", cut)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(len == 0 ? "empty" : "truncated");
        }
    }

    @Test
    void wrongVersionIsRejected() throws IOException {
        byte[] bytes = tinyModel();
        bytes[1] = 2;
        Path file = write("v2.dat", bytes);
        assertThatThrownBy(() -> ShapePredictor.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("version 2, expected 1");
    }

    @Test
    void garbageAndTrailingBytesAreRejected() throws IOException {
        Path text = write("text.dat", "this is not a model\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ShapePredictor.load(text))
                .isInstanceOf(BadInputException.class).hasMessageContaining(text.toString());
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[1 + random.nextInt(4096)];
            random.nextBytes(junk);
            Path file = write("junk-" + i + ".dat", junk);
            assertThatThrownBy(() -> ShapePredictor.load(file))
                    .isInstanceOf(BadInputException.class).hasMessageContaining(file.toString());
        }
        byte[] full = tinyModel();
        Path trailing = write("trailing.dat", Arrays.copyOf(full, full.length + 3));
        assertThatThrownBy(() -> ShapePredictor.load(trailing))
                .isInstanceOf(BadInputException.class).hasMessageContaining("trailing");
        Path missing = dir.resolve("missing.dat");
        assertThatThrownBy(() -> ShapePredictor.load(missing))
                .isInstanceOf(BadInputException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void hugeSizesAreRejectedBeforeAllocating() throws IOException {
        // initial_shape claiming 2^40 rows
        Path rows = write("rows.dat", new DlibWriter().signed(1).signed(-(1L << 40)).signed(-1).bytes());
        assertThatThrownBy(() -> ShapePredictor.load(rows))
                .isInstanceOf(BadInputException.class).hasMessageContaining("limit");
        // a forest count of 5 million in a tiny file: within the limit but far more than the bytes left
        Path forests = write("forests.dat",
                new DlibWriter().signed(1).column(0.25f, 0.5f, 0.75f, 0.5f).unsigned(5_000_000).bytes());
        assertThatThrownBy(() -> ShapePredictor.load(forests))
                .isInstanceOf(BadInputException.class).hasMessageContaining("truncated").hasMessageContaining("forests");
        // a split pointing past the cascade's features
        DlibWriter w = new DlibWriter();
        w.signed(1).column(0.25f, 0.5f, 0.75f, 0.5f).unsigned(1).unsigned(1)
                .unsigned(1).unsigned(9).unsigned(1).floatValue(10f)
                .unsigned(2).column(0, 0, 0, 0).column(0, 0, 0, 0)
                .unsigned(1).unsigned(2).unsigned(0).unsigned(1)
                .unsigned(1).unsigned(2).floatValue(0).floatValue(0).floatValue(0).floatValue(0);
        Path split = write("split.dat", w.bytes());
        assertThatThrownBy(() -> ShapePredictor.load(split))
                .isInstanceOf(BadInputException.class).hasMessageContaining("feature 9");
    }
}
