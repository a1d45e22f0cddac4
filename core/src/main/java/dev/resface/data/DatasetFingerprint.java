package dev.resface.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.IntStream;

/**
 * SHA-256 of what a packed cache's pixels depend on: recipe, size, and for every image of the dataset in order its
 * name, file size and modification time (a missing file counts as size -1). Changing, adding, removing, renaming or
 * touching an image, or reordering the attribute list, changes it. Costs one stat per image.
 */
final class DatasetFingerprint {
    private DatasetFingerprint() {}

    static byte[] of(CelebaDataset dataset, CropRecipe recipe, int size) {
        int n = dataset.size();
        long[] sizes = new long[n];
        long[] mtimes = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                BasicFileAttributes a = Files.readAttributes(dataset.imagePath(i), BasicFileAttributes.class);
                sizes[i] = a.isRegularFile() ? a.size() : -2;
                mtimes[i] = a.lastModifiedTime().toMillis();
            } catch (IOException e) {
                sizes[i] = -1;
            }
        });
        MessageDigest sha = sha256();
        update(sha, "resface-pack " + recipe.name() + " " + size + " " + n + "\n");
        byte[] buf = new byte[16];
        for (int i = 0; i < n; i++) {
            update(sha, dataset.imageName(i));
            ByteBuffer.wrap(buf).putLong(sizes[i]).putLong(mtimes[i]);
            sha.update(buf);
        }
        return sha.digest();
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
