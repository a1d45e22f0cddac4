package dev.resface.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedImagesTest {
    private static final int N = 20;

    @TempDir
    Path root;

    private CelebaDataset dataset;
    private Path cacheFile;

    @BeforeEach
    void setUp() throws IOException {
        CelebaFixture.writeDataset(root, N, true, false);
        dataset = CelebaDataset.open(root);
        cacheFile = PackedImages.defaultPath(root, CropRecipe.PAPER, 64);
    }

    private static byte[] expected(CelebaDataset d, int i, CropRecipe recipe, int size) throws Exception {
        return recipe.crop(SourceImages.read(d.imagePath(i)), size).pixels();
    }

    private void assertPixelsMatchDirectDecode(PackedImages cache) throws Exception {
        byte[] got = new byte[cache.imageBytes()];
        for (int k = 0; k < cache.count(); k++) {
            int i = cache.datasetIndex(k);
            cache.copy(k, got, 0);
            assertThat(got).as("image %d", i).isEqualTo(expected(dataset, i, cache.recipe(), cache.size()));
        }
    }

    @Test
    void defaultPathIsUnderTheDataRoot() {
        assertThat(cacheFile).isEqualTo(root.resolve(".resface-cache").resolve("paper-64.bin"));
        assertThat(PackedImages.defaultPath(root, CropRecipe.CELEBA_178, 128).getFileName().toString())
                .isEqualTo("celeba_178-128.bin");
    }

    @Test
    void buildsOnceThenReusesAndPixelsEqualDirectDecodeAndCrop() throws Exception {
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(cache.builtBecause()).isEqualTo("no cache yet");
        assertThat(cache.count()).isEqualTo(N);
        assertThat(cache.size()).isEqualTo(64);
        assertThat(cache.skippedCount()).isZero();
        assertThat(Files.size(cacheFile)).isGreaterThan((long) N * 64 * 64 * 3);
        for (int i = 0; i < N; i++) {
            assertThat(cache.cacheIndex(i)).isEqualTo(i);
            assertThat(cache.datasetIndex(i)).isEqualTo(i);
        }
        assertPixelsMatchDirectDecode(cache);
        assertThat(cache.verifyPixels()).isTrue();
        // No temp file left behind.
        try (var files = Files.list(cacheFile.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("paper-64.bin", "paper-64.bin.lock");
        }

        PackedImages again = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(again.builtBecause()).isNull();
        assertPixelsMatchDirectDecode(again);
    }

    @Test
    void fullSizeCropAndTinyChunksCoverChunkBoundaries() throws Exception {
        Path file = PackedImages.defaultPath(root, CropRecipe.CELEBA_178, 128);
        // 3 images per mapped chunk: 20 images span 7 chunks.
        PackedImages cache = PackedImages.open(dataset, CropRecipe.CELEBA_178, 128, file, false, 2,
                3L * 128 * 128 * 3 + 5);
        assertPixelsMatchDirectDecode(cache);
        assertThat(cache.image(19).pixels()).isEqualTo(expected(dataset, 19, CropRecipe.CELEBA_178, 128));
        assertThat(cache.verifyPixels()).isTrue();
    }

    @Test
    void truncatedCacheIsRebuilt() throws Exception {
        PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        long full = Files.size(cacheFile);
        try (FileChannel ch = FileChannel.open(cacheFile, StandardOpenOption.WRITE)) {
            ch.truncate(full / 2);
        }
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(cache.builtBecause()).startsWith("no completion marker");
        assertThat(Files.size(cacheFile)).isEqualTo(full);
        assertPixelsMatchDirectDecode(cache);

        try (FileChannel ch = FileChannel.open(cacheFile, StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        assertThat(PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false).builtBecause())
                .isEqualTo("truncated (10 bytes)");
    }

    @Test
    void flippedHeaderOrMarkerByteIsRebuilt() throws Exception {
        PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        long length = Files.size(cacheFile);
        long headerOffset;
        try (RandomAccessFile f = new RandomAccessFile(cacheFile.toFile(), "r")) {
            f.seek(length - PackedCacheFormat.TAIL_BYTES);
            headerOffset = f.readLong();
        }
        flip(cacheFile, headerOffset + 30); // inside the header fields
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(cache.builtBecause()).isEqualTo("header checksum mismatch (corrupt file)");
        assertPixelsMatchDirectDecode(cache);

        flip(cacheFile, length - 1); // last byte of the completion marker
        assertThat(PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false).builtBecause())
                .startsWith("no completion marker");

        flip(cacheFile, headerOffset - 3); // inside the index
        assertThat(PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false).builtBecause())
                .isEqualTo("index checksum mismatch (corrupt file)");

        flip(cacheFile, 100); // a pixel: only the explicit check sees it
        PackedImages damaged = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(damaged.builtBecause()).isNull();
        assertThat(damaged.verifyPixels()).isFalse();
    }

    @Test
    void changedImageOrOtherSizeIsRebuilt() throws Exception {
        PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        CelebaFixture.writeJpeg(dataset.imagePath(5), CelebaFixture.pattern(999));
        Files.setLastModifiedTime(dataset.imagePath(5),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(cache.builtBecause()).startsWith("the dataset changed since it was built");
        assertPixelsMatchDirectDecode(cache);

        PackedImages other = PackedImages.open(dataset, CropRecipe.PAPER, 32, cacheFile, false);
        assertThat(other.builtBecause()).isEqualTo("built for crop PAPER at 64px, wanted PAPER at 32px");
        assertPixelsMatchDirectDecode(other);
    }

    @Test
    void leftoverTempFromAKilledBuildIsRemoved() throws Exception {
        Files.createDirectories(cacheFile.getParent());
        Path leftover = cacheFile.resolveSibling(".paper-64.bin12345.tmp");
        Files.write(leftover, new byte[1000]);
        PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void badImagesAreListedOrSkipped() throws Exception {
        Files.write(dataset.imagePath(3), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Files.delete(dataset.imagePath(7));
        Path images = root.resolve(CelebaLayout.IMAGES);
        assertThatThrownBy(() -> PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false))
                .isInstanceOf(BadInputException.class)
                .hasMessage(images + ": 2 of 20 images are missing, unreadable or not 178x218: "
                        + "000004.jpg (not a readable image), 000008.jpg (file not found); fix or replace them, or "
                        + "rerun with --skip-bad to leave them out");
        // The cache was kept: skipping now needs no second decode.
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, true);
        assertThat(cache.builtBecause()).isNull();
        assertThat(cache.skippedCount()).isEqualTo(2);
        assertThat(cache.skipped()).extracting(SkippedImage::name).containsExactly("000004.jpg", "000008.jpg");
        assertThat(cache.count()).isEqualTo(18);
        assertThat(cache.cacheIndex(3)).isEqualTo(-1);
        assertThat(cache.contains(7)).isFalse();
        assertThat(cache.cacheIndex(4)).isEqualTo(3);
        assertThat(cache.cacheIndex(8)).isEqualTo(6);
        assertThat(cache.datasetIndex(6)).isEqualTo(8);
        assertPixelsMatchDirectDecode(cache);
    }

    @Test
    void skipBadOnAFreshBuild() throws Exception {
        Files.write(dataset.imagePath(0), new byte[0]);
        Files.delete(dataset.imagePath(19));
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, true);
        assertThat(cache.builtBecause()).isEqualTo("no cache yet");
        assertThat(cache.skippedCount()).isEqualTo(2);
        assertThat(cache.skipped()).extracting(SkippedImage::toString)
                .containsExactly("000001.jpg (empty file)", "000020.jpg (file not found)");
        assertThat(cache.count()).isEqualTo(18);
        assertPixelsMatchDirectDecode(cache);
    }

    @Test
    void truncatedJpegAndWrongSizeAreBadImages() throws Exception {
        byte[] jpeg = Files.readAllBytes(dataset.imagePath(2));
        Files.write(dataset.imagePath(2), Arrays.copyOf(jpeg, jpeg.length / 2));
        CelebaFixture.writeJpeg(dataset.imagePath(9), RgbImage.blank(100, 120));
        PackedImages cache = PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, true);
        assertThat(cache.skipped()).hasSize(2);
        assertThat(cache.skipped().get(0).name()).isEqualTo("000003.jpg");
        assertThat(cache.skipped().get(0).reason()).containsAnyOf("damaged", "corrupt");
        assertThat(cache.skipped().get(1)).hasToString("000010.jpg (is 100x120, expected 178x218)");
    }

    @Test
    void manyBadImagesAreSummarised() throws Exception {
        for (int i = 0; i < 13; i++) {
            Files.delete(dataset.imagePath(i));
        }
        assertThatThrownBy(() -> PackedImages.open(dataset, CropRecipe.PAPER, 64, cacheFile, false))
                .hasMessageContaining(": 13 of 20 images are missing")
                .hasMessageContaining("000010.jpg (file not found) and 3 more;")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("000011.jpg").doesNotContain("\n"));
    }

    private static void flip(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            b.rewind();
            ch.write(b, position);
        }
    }
}
