package dev.resface.photo;

import dev.resface.image.RgbImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The faces of the last few photos, by a digest of their pixels. The web page sends the same photo again whenever
 * its strength slider stops: finding the faces is three quarters of a one-face edit, and the answer cannot change.
 * Not thread-safe, like the {@link FaceFinder} that owns it.
 */
final class RecentFaces {
    private final int capacity;
    private final Map<ByteBuffer, List<PhotoFace>> byDigest;

    RecentFaces(int capacity) {
        this.capacity = capacity;
        this.byDigest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, List<PhotoFace>> eldest) {
                return size() > RecentFaces.this.capacity;
            }
        };
    }

    /** The faces {@code find} gave for the same pixels lately, or what it gives now. */
    List<PhotoFace> get(RgbImage photo, Function<RgbImage, List<PhotoFace>> find) {
        ByteBuffer key = digest(photo);
        List<PhotoFace> faces = byDigest.get(key);
        if (faces == null) {
            faces = List.copyOf(find.apply(photo));
            byDigest.put(key, faces);
        }
        return faces;
    }

    private static ByteBuffer digest(RgbImage photo) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(8).putInt(photo.width()).putInt(photo.height()).array());
            sha.update(photo.pixels());
            return ByteBuffer.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
