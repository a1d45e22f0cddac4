package dev.resface.data;

import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * Every image of a dataset decoded and cropped once into one memory-mapped uint8 file (count x size x size x 3, HWC),
 * so trainers copy crops instead of decoding JPEGs. Built on first use ({@link PackedCacheFormat} describes the file);
 * a file that is truncated, corrupt, unfinished, or was built for another recipe, size or dataset is rebuilt (one
 * line on stderr says why), never trusted.
 *
 * <p>Bad images (missing, unreadable, not 178x218) are left out of the file and listed in its index. Unless opened
 * with {@code skipBad}, having any is a {@link BadInputException} listing them (the cache stays, so a rerun with
 * skipBad does not decode again). "Cache index" k in 0..count()-1 numbers the packed images; {@link #datasetIndex}
 * and {@link #cacheIndex} translate. Reads are thread-safe.
 */
public final class PackedImages {
    /** Images per mapped chunk are chosen so that no chunk exceeds this many bytes (MappedByteBuffer is int-indexed). */
    static final long CHUNK_BYTES = 1L << 30;
    public static final int DEFAULT_THREADS = 2;

    private final Path file;
    private final CropRecipe recipe;
    private final int size;
    private final int imageBytes;
    private final int[] packedToDataset;
    private final int[] datasetToPacked;
    private final List<SkippedImage> skipped;
    private final int imagesPerChunk;
    private final MappedByteBuffer[] chunks;
    private final int pixelCrc;
    private final String builtBecause;

    private PackedImages(Path file, CropRecipe recipe, int size, PackedCacheFormat.Loaded loaded, int datasetSize,
            MappedByteBuffer[] chunks, int imagesPerChunk, String builtBecause) {
        this.file = file;
        this.recipe = recipe;
        this.size = size;
        this.imageBytes = size * size * 3;
        this.packedToDataset = loaded.packedToDataset();
        this.datasetToPacked = new int[datasetSize];
        Arrays.fill(datasetToPacked, -1);
        for (int k = 0; k < packedToDataset.length; k++) {
            datasetToPacked[packedToDataset[k]] = k;
        }
        this.skipped = loaded.skipped();
        this.chunks = chunks;
        this.imagesPerChunk = imagesPerChunk;
        this.pixelCrc = loaded.tail().pixelCrc();
        this.builtBecause = builtBecause;
    }

    /** {@code dataRoot/.resface-cache/<recipe>-<size>.bin}, e.g. {@code .resface-cache/paper-128.bin}. */
    public static Path defaultPath(Path dataRoot, CropRecipe recipe, int size) {
        return dataRoot.resolve(".resface-cache").resolve(recipe.id() + "-" + size + ".bin");
    }

    /** Opens (building or rebuilding when needed) with {@link #DEFAULT_THREADS} decoding threads. */
    public static PackedImages open(CelebaDataset dataset, CropRecipe recipe, int size, Path cacheFile,
            boolean skipBad) {
        return open(dataset, recipe, size, cacheFile, skipBad, DEFAULT_THREADS);
    }

    public static PackedImages open(CelebaDataset dataset, CropRecipe recipe, int size, Path cacheFile,
            boolean skipBad, int threads) {
        return open(dataset, recipe, size, cacheFile, skipBad, threads, CHUNK_BYTES);
    }

    /** As above, with the largest mapped chunk given (tests use tiny chunks to cover chunk boundaries). */
    static PackedImages open(CelebaDataset dataset, CropRecipe recipe, int size, Path cacheFile, boolean skipBad,
            int threads, long chunkBytes) {
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException("crop size " + size + " out of range 1..4096");
        }
        byte[] fingerprint = DatasetFingerprint.of(dataset, recipe, size);
        String builtBecause = null;
        PackedCacheFormat.Loaded loaded = null;
        if (Files.exists(cacheFile)) {
            try {
                loaded = PackedCacheFormat.read(cacheFile, dataset, recipe, size, fingerprint);
            } catch (PackedCacheFormat.StaleCacheException e) {
                builtBecause = e.getMessage();
                System.err.println("resface: image cache " + cacheFile + " is stale (" + builtBecause
                        + "); rebuilding it");
                deleteQuietly(cacheFile);
            } catch (IOException e) {
                throw BadInputException.at(cacheFile, "cannot read the image cache: " + e.getMessage());
            }
        } else {
            builtBecause = "no cache yet";
        }
        if (loaded == null) {
            PackedCacheBuilder.build(dataset, recipe, size, cacheFile, fingerprint, threads);
            try {
                loaded = PackedCacheFormat.read(cacheFile, dataset, recipe, size, fingerprint);
            } catch (PackedCacheFormat.StaleCacheException e) {
                // The dataset changed while we were packing it; do not loop, let the user rerun.
                throw BadInputException.at(cacheFile, "the freshly built image cache is already stale ("
                        + e.getMessage() + "); were images changed during packing? Run again");
            } catch (IOException e) {
                throw BadInputException.at(cacheFile, "cannot read the image cache: " + e.getMessage());
            }
        }
        if (!skipBad && !loaded.skipped().isEmpty()) {
            throw badImages(dataset, loaded.skipped());
        }
        return map(cacheFile, recipe, size, loaded, dataset.size(), builtBecause, chunkBytes);
    }

    private static BadInputException badImages(CelebaDataset dataset, List<SkippedImage> bad) {
        int shown = Math.min(10, bad.size());
        String list = bad.subList(0, shown).stream().map(SkippedImage::toString).collect(Collectors.joining(", "));
        String more = bad.size() > shown ? " and " + (bad.size() - shown) + " more" : "";
        return BadInputException.at(dataset.layout().images(), bad.size() + " of " + dataset.size()
                + " images are missing, unreadable or not " + CelebaLayout.IMAGE_WIDTH + "x"
                + CelebaLayout.IMAGE_HEIGHT + ": " + list + more
                + "; fix or replace them, or rerun with --skip-bad to leave them out");
    }

    private static PackedImages map(Path file, CropRecipe recipe, int size, PackedCacheFormat.Loaded loaded,
            int datasetSize, String builtBecause, long chunkBytes) {
        long imageBytes = (long) size * size * 3;
        int perChunk = (int) Math.min(Integer.MAX_VALUE / imageBytes, Math.max(1, chunkBytes / imageBytes));
        int count = loaded.packedToDataset().length;
        int nChunks = (count + perChunk - 1) / perChunk;
        MappedByteBuffer[] chunks = new MappedByteBuffer[nChunks];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int c = 0; c < nChunks; c++) {
                long first = (long) c * perChunk;
                long images = Math.min(perChunk, count - first);
                chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, first * imageBytes, images * imageBytes);
            }
        } catch (IOException e) {
            throw BadInputException.at(file, "cannot map the image cache: " + e.getMessage());
        }
        return new PackedImages(file, recipe, size, loaded, datasetSize, chunks, perChunk, builtBecause);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The atomic rename of the new cache replaces it anyway.
        }
    }

    public Path file() {
        return file;
    }

    public CropRecipe recipe() {
        return recipe;
    }

    /** Number of packed images. */
    public int count() {
        return packedToDataset.length;
    }

    /** Side of every crop in pixels. */
    public int size() {
        return size;
    }

    /** Bytes per image: size * size * 3. */
    public int imageBytes() {
        return imageBytes;
    }

    /** Copies packed image {@code cacheIndex} (HWC, RGB, uint8) to {@code dst[dstOffset ..+imageBytes()]}. */
    public void copy(int cacheIndex, byte[] dst, int dstOffset) {
        if (cacheIndex < 0 || cacheIndex >= packedToDataset.length) {
            throw new IndexOutOfBoundsException("cache index " + cacheIndex + " of " + packedToDataset.length);
        }
        MappedByteBuffer chunk = chunks[cacheIndex / imagesPerChunk];
        chunk.get((cacheIndex % imagesPerChunk) * imageBytes, dst, dstOffset, imageBytes);
    }

    public RgbImage image(int cacheIndex) {
        byte[] pixels = new byte[imageBytes];
        copy(cacheIndex, pixels, 0);
        return new RgbImage(size, size, pixels);
    }

    /** The dataset index of a packed image. */
    public int datasetIndex(int cacheIndex) {
        return packedToDataset[cacheIndex];
    }

    /** The cache index of a dataset image, or -1 if it was skipped as bad. */
    public int cacheIndex(int datasetIndex) {
        return datasetToPacked[datasetIndex];
    }

    public boolean contains(int datasetIndex) {
        return datasetToPacked[datasetIndex] >= 0;
    }

    public int skippedCount() {
        return skipped.size();
    }

    /** The bad images left out, in dataset order, for the run log. */
    public List<SkippedImage> skipped() {
        return skipped;
    }

    /** Why this open built the file ("no cache yet" or the stale reason), or null if an existing file was used. */
    public String builtBecause() {
        return builtBecause;
    }

    /** Reads all pixels and checks them against the CRC stored at build time (slow: reads the whole file). */
    public boolean verifyPixels() {
        CRC32C crc = new CRC32C();
        for (MappedByteBuffer chunk : chunks) {
            crc.update(chunk.duplicate().clear());
        }
        return (int) crc.getValue() == pixelCrc;
    }
}
