package dev.resface.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The packed cache file, written front to back in one pass:
 *
 * <pre>
 * [0, P)         pixels: packedCount images of size x size x 3 bytes, HWC, uint8 (P = pixelBytes)
 * [P, P+I)       index: per packed image (int datasetIndex, UTF name); per skipped image (int, UTF name, UTF reason)
 * [P+I, P+I+H)   header: "RESFPACK", int version, UTF recipe, int size, int datasetCount, int packedCount,
 *                int skippedCount, 32-byte dataset fingerprint, long pixelBytes, long indexLength, int CRC32C of
 *                all preceding header bytes
 * last 32 bytes  tail: long headerOffset, int headerLength, int indexCrc, int pixelCrc, int CRC32C of those 20
 *                bytes, then the completion marker "RESFDONE" (written last)
 * </pre>
 *
 * A file that fails any check is stale ({@link StaleCacheException}) and is never used. The pixel CRC is only checked
 * on request ({@link PackedImages#verifyPixels()}): reading 10 GB on every open would defeat the cache.
 */
final class PackedCacheFormat {
    static final int VERSION = 1;
    static final int TAIL_BYTES = 32;
    private static final byte[] HEADER_MAGIC = "RESFPACK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE_MARKER = "RESFDONE".getBytes(StandardCharsets.US_ASCII);

    private PackedCacheFormat() {}

    /** Why a cache file cannot be trusted; the message is the reason, e.g. "truncated (...)". */
    static final class StaleCacheException extends Exception {
        StaleCacheException(String reason) {
            super(reason);
        }
    }

    record Header(String recipe, int size, int datasetCount, int packedCount, int skippedCount, byte[] fingerprint,
            long pixelBytes, long indexLength) {}

    record Tail(long headerOffset, int headerLength, int indexCrc, int pixelCrc) {}

    /** A checked, trusted cache file's metadata. */
    record Loaded(Header header, Tail tail, int[] packedToDataset, List<SkippedImage> skipped) {}

    static byte[] encodeIndex(int[] packedToDataset, CelebaDataset dataset, List<SkippedImage> skipped)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (int d : packedToDataset) {
            out.writeInt(d);
            out.writeUTF(dataset.imageName(d));
        }
        for (SkippedImage s : skipped) {
            out.writeInt(s.datasetIndex());
            out.writeUTF(s.name());
            out.writeUTF(s.reason().length() > 2000 ? s.reason().substring(0, 2000) : s.reason());
        }
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] encodeHeader(Header h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(HEADER_MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(h.recipe());
        out.writeInt(h.size());
        out.writeInt(h.datasetCount());
        out.writeInt(h.packedCount());
        out.writeInt(h.skippedCount());
        out.write(h.fingerprint());
        out.writeLong(h.pixelBytes());
        out.writeLong(h.indexLength());
        out.flush();
        out.writeInt(crc(bytes.toByteArray(), 0, bytes.size()));
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] encodeTail(Tail t) {
        ByteBuffer b = ByteBuffer.allocate(TAIL_BYTES);
        b.putLong(t.headerOffset()).putInt(t.headerLength()).putInt(t.indexCrc()).putInt(t.pixelCrc());
        b.putInt(crc(b.array(), 0, 20));
        b.put(DONE_MARKER);
        return b.array();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }

    /** Reads and checks everything but the pixel CRC; any doubt is a {@link StaleCacheException}. */
    static Loaded read(Path file, CelebaDataset dataset, CropRecipe recipe, int size, byte[] fingerprint)
            throws StaleCacheException, IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length < TAIL_BYTES) {
                throw new StaleCacheException("truncated (" + length + " bytes)");
            }
            ByteBuffer tailBytes = readFully(ch, length - TAIL_BYTES, TAIL_BYTES);
            byte[] marker = Arrays.copyOfRange(tailBytes.array(), TAIL_BYTES - 8, TAIL_BYTES);
            if (!Arrays.equals(marker, DONE_MARKER)) {
                throw new StaleCacheException("no completion marker (the build was interrupted or the file is "
                        + "truncated)");
            }
            if (tailBytes.getInt(20) != crc(tailBytes.array(), 0, 20)) {
                throw new StaleCacheException("tail checksum mismatch (corrupt file)");
            }
            Tail tail = new Tail(tailBytes.getLong(0), tailBytes.getInt(8), tailBytes.getInt(12), tailBytes.getInt(16));
            if (tail.headerOffset() < 0 || tail.headerLength() < 12 || tail.headerLength() > (1 << 20)
                    || tail.headerOffset() + tail.headerLength() + TAIL_BYTES != length) {
                throw new StaleCacheException("wrong size (" + length + " bytes, the tail says "
                        + (tail.headerOffset() + tail.headerLength() + TAIL_BYTES) + ")");
            }
            byte[] headerBytes = readFully(ch, tail.headerOffset(), tail.headerLength()).array();
            Header header = decodeHeader(headerBytes);
            if (!header.recipe().equals(recipe.name()) || header.size() != size) {
                throw new StaleCacheException("built for crop " + header.recipe() + " at " + header.size()
                        + "px, wanted " + recipe.name() + " at " + size + "px");
            }
            long imageBytes = (long) size * size * 3;
            if (header.packedCount() < 0 || header.skippedCount() < 0
                    || header.pixelBytes() != header.packedCount() * imageBytes
                    || header.pixelBytes() + header.indexLength() != tail.headerOffset()
                    || header.indexLength() > Integer.MAX_VALUE) {
                throw new StaleCacheException("inconsistent header (sizes do not add up)");
            }
            if (header.datasetCount() != dataset.size() || !Arrays.equals(header.fingerprint(), fingerprint)) {
                throw new StaleCacheException("the dataset changed since it was built (image list, image files or "
                        + "their sizes/times differ)");
            }
            if (header.packedCount() + header.skippedCount() != dataset.size()) {
                throw new StaleCacheException("inconsistent header (image counts do not add up)");
            }
            byte[] indexBytes = readFully(ch, header.pixelBytes(), (int) header.indexLength()).array();
            if (crc(indexBytes, 0, indexBytes.length) != tail.indexCrc()) {
                throw new StaleCacheException("index checksum mismatch (corrupt file)");
            }
            return decodeIndex(indexBytes, header, tail, dataset);
        }
    }

    private static Header decodeHeader(byte[] bytes) throws StaleCacheException {
        if (!Arrays.equals(Arrays.copyOf(bytes, 8), HEADER_MAGIC)) {
            throw new StaleCacheException("not a resface cache file (bad header magic)");
        }
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != crc(bytes, 0, bytes.length - 4)) {
            throw new StaleCacheException("header checksum mismatch (corrupt file)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 12));
            int version = in.readInt();
            if (version != VERSION) {
                throw new StaleCacheException("format version " + version + ", this program uses " + VERSION);
            }
            String recipe = in.readUTF();
            int size = in.readInt();
            int datasetCount = in.readInt();
            int packed = in.readInt();
            int skipped = in.readInt();
            byte[] fingerprint = new byte[32];
            in.readFully(fingerprint);
            long pixelBytes = in.readLong();
            long indexLength = in.readLong();
            return new Header(recipe, size, datasetCount, packed, skipped, fingerprint, pixelBytes, indexLength);
        } catch (IOException e) {
            throw new StaleCacheException("unreadable header (" + e.getMessage() + ")");
        }
    }

    private static Loaded decodeIndex(byte[] bytes, Header header, Tail tail, CelebaDataset dataset)
            throws StaleCacheException {
        int[] packed = new int[header.packedCount()];
        List<SkippedImage> skipped = new ArrayList<>(header.skippedCount());
        boolean[] seen = new boolean[dataset.size()];
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            for (int k = 0; k < packed.length; k++) {
                packed[k] = checkedIndex(in.readInt(), in.readUTF(), dataset, seen);
                if (k > 0 && packed[k] <= packed[k - 1]) {
                    throw new StaleCacheException("corrupt index (images out of order)");
                }
            }
            for (int k = 0; k < header.skippedCount(); k++) {
                int d = in.readInt();
                String name = in.readUTF();
                String reason = in.readUTF();
                skipped.add(new SkippedImage(checkedIndex(d, name, dataset, seen), name, reason));
            }
            if (in.available() != 0) {
                throw new StaleCacheException("corrupt index (trailing bytes)");
            }
        } catch (IOException e) {
            throw new StaleCacheException("unreadable index (" + e.getMessage() + ")");
        }
        return new Loaded(header, tail, packed, List.copyOf(skipped));
    }

    private static int checkedIndex(int d, String name, CelebaDataset dataset, boolean[] seen)
            throws StaleCacheException {
        if (d < 0 || d >= dataset.size() || seen[d] || !dataset.imageName(d).equals(name)) {
            throw new StaleCacheException("its image list differs from the dataset's");
        }
        seen[d] = true;
        return d;
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException,
            StaleCacheException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            int n = ch.read(b, position + b.position());
            if (n < 0) {
                throw new StaleCacheException("truncated");
            }
        }
        b.flip();
        return b;
    }
}
