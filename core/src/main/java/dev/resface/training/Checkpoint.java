package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.resface.BadInputException;
import dev.resface.model.ResidualGan;
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
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The whole training state in one file: every tensor of G0, G1 and D (batch-norm statistics included), the three
 * Adam states and the iteration count, closed by a CRC32. Written atomically, so a kill at any moment leaves the
 * previous checkpoint intact; a damaged file is refused, never half loaded.
 */
public final class Checkpoint {
    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "resface-checkpoint";
    private static final int VERSION = 1;

    private Checkpoint() {}

    public static void save(Path file, ResidualGanTrainer trainer, long iteration) throws IOException {
        AtomicFiles.write(file, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(iteration);
            for (Block b : trainer.gan().blocks()) {
                TensorStore.write(out, names(b), arrays(b));
            }
            for (Adam adam : trainer.optimizers()) {
                out.writeLong(adam.steps());
                List<NDArray> state = adam.state();
                TensorStore.write(out, indexNames(state.size()), state);
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /** Loads the networks only (for editing); returns the iteration the checkpoint was taken at. */
    public static long loadModel(Path file, ResidualGan gan) {
        return read(file, gan, null);
    }

    /** Loads networks and optimizer states; returns the iteration to continue from. */
    public static long loadTraining(Path file, ResidualGanTrainer trainer) {
        return read(file, trainer.gan(), trainer);
    }

    private static long read(Path file, ResidualGan gan, ResidualGanTrainer trainer) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(file, "no checkpoint here (has the run saved one yet?)");
        } catch (IOException e) {
            throw BadInputException.at(file, "cannot read checkpoint: " + e.getMessage());
        }
        if (bytes.length < 8) {
            throw BadInputException.at(file, "checkpoint is truncated (" + bytes.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
            throw BadInputException.at(file, "checkpoint is truncated or corrupt (checksum mismatch)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw BadInputException.at(file, "not a resface checkpoint of version " + VERSION);
            }
            long iteration = in.readLong();
            for (Block b : gan.blocks()) {
                TensorStore.read(in, names(b), arrays(b), "network");
            }
            if (trainer != null) {
                for (Adam adam : trainer.optimizers()) {
                    adam.restoreSteps(in.readLong());
                    List<NDArray> state = adam.state();
                    TensorStore.read(in, indexNames(state.size()), state, "optimizer");
                }
            }
            return iteration;
        } catch (IOException e) {
            throw BadInputException.at(file, "checkpoint does not fit this model (" + e.getMessage()
                    + "); was it written with another --size, --width or --upsampling?");
        }
    }

    private static List<String> names(Block b) {
        return b.getParameters().keys();
    }

    private static List<NDArray> arrays(Block b) {
        List<NDArray> out = new ArrayList<>();
        b.getParameters().values().forEach(p -> out.add(p.getArray()));
        return out;
    }

    private static List<String> indexNames(int n) {
        return IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
    }
}
