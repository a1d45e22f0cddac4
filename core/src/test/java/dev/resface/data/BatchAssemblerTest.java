package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchAssemblerTest {
    @TempDir
    Path root;

    @Test
    void hwcBytesBecomeChwFloatsInMinusOneToOne() {
        int size = 2;
        // Pixels (x,y): (0,0)=(0,255,10) (1,0)=(20,30,40) (0,1)=(50,60,70) (1,1)=(80,90,127)
        byte[] hwc = {0, (byte) 255, 10, 20, 30, 40, 50, 60, 70, 80, 90, 127};
        float[] out = new float[1 + 12];
        BatchAssembler.toChw(hwc, 0, size, false, out, 1);
        assertThat(out[0]).isZero();
        float[] expected = {0, 20, 50, 80, 255, 30, 60, 90, 10, 40, 70, 127};
        for (int i = 0; i < 12; i++) {
            assertThat(out[1 + i]).isEqualTo(expected[i] / 127.5f - 1f);
        }
        assertThat(out[1]).isEqualTo(-1f);
        assertThat(out[5]).isEqualTo(1f);
        BatchAssembler.toChw(hwc, 0, size, true, out, 1);
        float[] mirrored = {20, 0, 80, 50, 30, 255, 90, 60, 40, 10, 127, 70};
        for (int i = 0; i < 12; i++) {
            assertThat(out[1 + i]).isEqualTo(mirrored[i] / 127.5f - 1f);
        }
    }

    @Test
    void assemblesABatchFromTheCacheByDatasetIndex() throws Exception {
        CelebaDataset d = CelebaDataset.open(CelebaFixture.writeDataset(root, 6, true, false));
        java.nio.file.Files.delete(d.imagePath(1));
        PackedImages cache = PackedImages.open(d, CropRecipe.PAPER, 32, PackedImages.defaultPath(root,
                CropRecipe.PAPER, 32), true);
        int[] indices = {5, 0, 2};
        boolean[] flips = {false, true, false};
        float[] batch = BatchAssembler.assemble(cache, indices, flips);
        int plane = 32 * 32;
        assertThat(batch).hasSize(3 * 3 * plane);
        for (int n = 0; n < 3; n++) {
            var img = cache.image(cache.cacheIndex(indices[n]));
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y += 7) {
                    for (int x = 0; x < 32; x += 5) {
                        int sx = flips[n] ? 31 - x : x;
                        assertThat(batch[n * 3 * plane + c * plane + y * 32 + x])
                                .isEqualTo(img.get(sx, y, c) / 127.5f - 1f);
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchAssembler.assemble(cache, new int[] {1}, null))
                .hasMessage("dataset image 1 is not in the cache");
    }
}
