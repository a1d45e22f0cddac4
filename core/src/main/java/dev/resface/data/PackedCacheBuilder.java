package dev.resface.data;

import dev.resface.BadInputException;
import dev.resface.image.RgbImage;
import dev.resface.util.AtomicFiles;
import dev.resface.util.Progress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * Builds a packed cache file: decodes and crops every image once (in parallel), writes them in dataset order
 * (deterministic), then index, header and completion marker, into a temporary file that is atomically renamed over
 * the target ({@link AtomicFiles}). A kill at any moment leaves no file that {@link PackedCacheFormat#read} trusts.
 * A {@code <cache>.lock} file keeps two processes from building the same cache at once.
 */
final class PackedCacheBuilder {
    private PackedCacheBuilder() {}

    /** A decoded crop, or why the image was skipped. */
    private record Decoded(int datasetIndex, byte[] pixels, String problem) {}

    static void build(CelebaDataset dataset, CropRecipe recipe, int size, Path target, byte[] fingerprint,
            int threads) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw BadInputException.at(dir, "cannot create the cache folder: " + e.getMessage());
        }
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw BadInputException.at(target, "another process is building this cache now (" + lockFile
                        + " is locked); wait for it to finish");
            }
            deleteLeftoverTemps(dir, target.getFileName().toString());
            AtomicFiles.write(target, out -> writeCache(out, dataset, recipe, size, fingerprint, threads));
        } catch (IOException e) {
            throw BadInputException.at(target, "cannot write the image cache: " + e.getMessage());
        }
    }

    /** Temp files of an earlier killed build of this cache (safe: we hold the lock). */
    private static void deleteLeftoverTemps(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path t : entries) {
                String f = t.getFileName().toString();
                if (f.startsWith("." + name) && f.endsWith(".tmp")) {
                    Files.deleteIfExists(t);
                }
            }
        }
    }

    private static void writeCache(OutputStream out, CelebaDataset dataset, CropRecipe recipe, int size,
            byte[] fingerprint, int threads) throws IOException {
        int n = dataset.size();
        List<Integer> packed = new ArrayList<>(n);
        List<SkippedImage> skipped = new ArrayList<>();
        CRC32C pixelCrc = new CRC32C();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "resface-pack");
            t.setDaemon(true);
            return t;
        });
        try (Progress bar = Progress.bar("packing " + dataset.layout().images(), n)) {
            Deque<Future<Decoded>> window = new ArrayDeque<>();
            int windowSize = Math.max(1, threads) * 16;
            int next = 0;
            for (int i = 0; i < n; i++) {
                while (next < n && window.size() < windowSize) {
                    int d = next++;
                    window.add(pool.submit(() -> decode(dataset, d, recipe, size)));
                }
                Decoded r = take(window.poll());
                if (r.pixels() != null) {
                    out.write(r.pixels());
                    pixelCrc.update(r.pixels(), 0, r.pixels().length);
                    packed.add(r.datasetIndex());
                } else {
                    skipped.add(new SkippedImage(r.datasetIndex(), dataset.imageName(r.datasetIndex()), r.problem()));
                }
                bar.step();
            }
        } finally {
            pool.shutdownNow();
        }
        int[] packedToDataset = packed.stream().mapToInt(Integer::intValue).toArray();
        byte[] index = PackedCacheFormat.encodeIndex(packedToDataset, dataset, skipped);
        long pixelBytes = (long) packedToDataset.length * size * size * 3;
        byte[] header = PackedCacheFormat.encodeHeader(new PackedCacheFormat.Header(recipe.name(), size, n,
                packedToDataset.length, skipped.size(), fingerprint, pixelBytes, index.length));
        out.write(index);
        out.write(header);
        out.write(PackedCacheFormat.encodeTail(new PackedCacheFormat.Tail(pixelBytes + index.length, header.length,
                PackedCacheFormat.crc(index, 0, index.length), (int) pixelCrc.getValue())));
    }

    private static Decoded decode(CelebaDataset dataset, int d, CropRecipe recipe, int size) {
        try {
            RgbImage image = SourceImages.read(dataset.imagePath(d));
            return new Decoded(d, recipe.crop(image, size).pixels(), null);
        } catch (SourceImages.BadImageException e) {
            return new Decoded(d, null, e.getMessage());
        }
    }

    private static Decoded take(Future<Decoded> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while packing images");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }
}
