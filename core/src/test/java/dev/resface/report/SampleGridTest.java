package dev.resface.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.image.RgbImage;
import dev.resface.util.NewFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGridTest {
    private static float[] random(Random rnd, int size, float amplitude) {
        float[] a = new float[3 * size * size];
        for (int i = 0; i < a.length; i++) {
            a[i] = (rnd.nextFloat() * 2 - 1) * amplitude;
        }
        return a;
    }

    private static List<SampleGrid.Example> examples(Random rnd, int k, int size) {
        return java.util.stream.IntStream.range(0, k)
                .mapToObj(i -> new SampleGrid.Example(random(rnd, size, 1f), random(rnd, size, 0.8f)))
                .toList();
    }

    @Test
    void savedGridIsAsReadableAsAnyNewFile(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("samples.png");
        new SampleGrid(4, examples(new Random(3), 1, 4), List.of()).save(png);
        assertThat(Files.getPosixFilePermissions(png)).isEqualTo(NewFiles.permissionsIn(dir));
    }

    @Test
    void dimensionsFollowTheDocumentedGeometry() {
        Random rnd = new Random(1);
        SampleGrid grid = new SampleGrid(4, examples(rnd, 2, 4), examples(rnd, 2, 4)).scale(3).labels(false);
        // cell = 4 * 3 = 12; width = 2 + 4 * (12 + 2) + 10 (gap) = 68; height = 2 + 3 * (12 + 2) = 44
        assertThat(grid.width()).isEqualTo(68);
        assertThat(grid.height()).isEqualTo(44);
        RgbImage img = grid.render();
        assertThat(img.width()).isEqualTo(68);
        assertThat(img.height()).isEqualTo(44);
        assertThat(grid.cellX(0)).isEqualTo(2);
        assertThat(grid.cellX(1)).isEqualTo(16);
        assertThat(grid.cellX(2)).isEqualTo(40); // 2 + 2 * 14 + 10
        assertThat(grid.cellY(2)).isEqualTo(30);

        grid.labels(true);
        assertThat(grid.width()).isEqualTo(68 + SampleGrid.LABEL_LEFT);
        assertThat(grid.height()).isEqualTo(44 + SampleGrid.LABEL_TOP);
        assertThat(grid.render().width()).isEqualTo(68 + SampleGrid.LABEL_LEFT);

        // one group only: no gap
        SampleGrid primalOnly = new SampleGrid(4, examples(rnd, 3, 4), List.of()).scale(1).labels(false);
        assertThat(primalOnly.width()).isEqualTo(2 + 3 * (4 + 2));
    }

    @Test
    void defaultScaleMakesCellsAtLeast96Pixels() {
        Random rnd = new Random(2);
        assertThat(new SampleGrid(32, examples(rnd, 1, 32), List.of()).cellSize()).isEqualTo(96);
        assertThat(new SampleGrid(64, examples(rnd, 1, 64), List.of()).cellSize()).isEqualTo(128);
        assertThat(new SampleGrid(128, examples(rnd, 1, 128), List.of()).cellSize()).isEqualTo(128);
        assertThat(new SampleGrid(40, examples(rnd, 1, 40), List.of()).cellSize()).isEqualTo(120);
    }

    @Test
    void editedCellIsClippedSumUpscaled() {
        Random rnd = new Random(3);
        int size = 5;
        int scale = 2;
        List<SampleGrid.Example> primal = examples(rnd, 2, size);
        List<SampleGrid.Example> dual = examples(rnd, 1, size);
        SampleGrid grid = new SampleGrid(size, primal, dual).scale(scale);
        RgbImage img = grid.render();
        SampleGrid.Example e = primal.get(0);
        RgbImage expectedEdited = ImageConversions.toRgb(ImageConversions.addClipped(e.input(), e.residual()), size);
        RgbImage expectedInput = ImageConversions.toRgb(dual.get(0).input(), size);
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(img.get(grid.cellX(0) + x, grid.cellY(1) + y, c))
                            .isEqualTo(expectedEdited.get(x / scale, y / scale, c));
                    assertThat(img.get(grid.cellX(2) + x, grid.cellY(0) + y, c))
                            .isEqualTo(expectedInput.get(x / scale, y / scale, c));
                }
            }
        }
        // the 2px border between columns 0 and 1 is white
        for (int bx = grid.cellX(0) + grid.cellSize(); bx < grid.cellX(1); bx++) {
            for (int c = 0; c < 3; c++) {
                assertThat(img.get(bx, grid.cellY(1) + 3, c)).isEqualTo(255);
            }
        }
        assertThat(grid.cellX(1) - grid.cellX(0) - grid.cellSize()).isEqualTo(2);
    }

    @Test
    void heatRowUsesTheGridWideScaleByDefault() {
        int size = 2;
        float[] x = new float[12];
        float[] small = new float[12];
        small[0] = 0.5f; // magnitude 0.5 at pixel 0
        float[] big = new float[12];
        big[0] = 1f; // magnitude 1 at pixel 0 => grid max
        SampleGrid grid = new SampleGrid(size, List.of(new SampleGrid.Example(x, small)),
                List.of(new SampleGrid.Example(x, big))).scale(1).labels(false);
        assertThat(grid.effectiveHeatScale()).isEqualTo(1.0);
        RgbImage img = grid.render();
        int top = Colormap.INFERNO.rgb(1.0);
        int half = Colormap.INFERNO.rgb(0.5);
        assertThat(rgb(img, grid.cellX(1), grid.cellY(2))).isEqualTo(top);
        assertThat(rgb(img, grid.cellX(0), grid.cellY(2))).isEqualTo(half);
        assertThat(rgb(img, grid.cellX(0) + 1, grid.cellY(2))).isEqualTo(Colormap.INFERNO.zeroColour());
        // fixed scale
        grid.heatScale(2.0);
        RgbImage fixed = grid.render();
        assertThat(rgb(fixed, grid.cellX(1), grid.cellY(2))).isEqualTo(half);
    }

    private static int rgb(RgbImage img, int x, int y) {
        return img.get(x, y, 0) << 16 | img.get(x, y, 1) << 8 | img.get(x, y, 2);
    }

    @Test
    void savesPng(@TempDir Path dir) throws Exception {
        Random rnd = new Random(4);
        SampleGrid grid = new SampleGrid(8, examples(rnd, 2, 8), examples(rnd, 2, 8));
        Path png = dir.resolve("sub/grid.png");
        grid.save(png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(grid.width());
        assertThat(read.getHeight()).isEqualTo(grid.height());
        assertThat(RgbImage.from(read).pixels()).containsExactly(grid.render().pixels());
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new SampleGrid(4, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleGrid(4, List.of(new SampleGrid.Example(new float[48], new float[47])),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("residual");
    }
}
