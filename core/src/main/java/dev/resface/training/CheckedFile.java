package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.resface.BadInputException;
import dev.resface.util.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The frame of every weights file the project writes: a magic string, a version, the body, then a CRC32 of it all.
 * Written atomically; a damaged or foreign file is refused before anything is loaded from it.
 */
public final class CheckedFile {
    /** Writes the body. */
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the body; an IOException means it does not fit what the reader expects. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private CheckedFile() {}

    public static void write(Path file, String magic, int version, Body body) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeUTF(magic);
            out.writeInt(version);
            body.write(out);
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /**
     * @param what what the file is, for messages ("checkpoint", "classifier weights")
     * @param misfit added to the message when the body does not fit, e.g. a hint about mismatched options
     */
    public static <T> T read(Path file, String magic, int version, String what, String misfit, Reader<T> reader) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "no " + what + " here");
        } catch (IOException e) {
            throw BadInputException.at(file, "cannot read " + what + ": " + e.getMessage());
        }
        if (bytes.length < 8) {
            throw BadInputException.at(file, what + " is truncated (" + bytes.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw BadInputException.at(file, what + " is truncated or corrupt (checksum mismatch)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (!magic.equals(in.readUTF()) || in.readInt() != version) {
                throw BadInputException.at(file, "not a resface " + what + " of version " + version);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw BadInputException.at(file, what + " does not fit this model (" + e.getMessage() + ")" + misfit);
        }
    }

    /** Every parameter of {@code block}, batch-norm statistics included. */
    public static void writeBlock(DataOutputStream out, Block block) throws IOException {
        TensorStore.write(out, block.getParameters().keys(), arrays(block));
    }

    /** Loads into the block's existing parameter arrays; names and shapes must match. */
    public static void readBlock(DataInputStream in, Block block, String what) throws IOException {
        TensorStore.read(in, block.getParameters().keys(), arrays(block), what);
    }

    private static List<NDArray> arrays(Block b) {
        List<NDArray> out = new ArrayList<>();
        b.getParameters().values().forEach(p -> out.add(p.getArray()));
        return out;
    }
}
