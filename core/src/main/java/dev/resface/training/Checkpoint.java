package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.resface.model.ResidualGan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

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
        CheckedFile.write(file, MAGIC, VERSION, out -> {
            out.writeLong(iteration);
            for (Block b : trainer.gan().blocks()) {
                CheckedFile.writeBlock(out, b);
            }
            for (Adam adam : trainer.optimizers()) {
                out.writeLong(adam.steps());
                List<NDArray> state = adam.state();
                TensorStore.write(out, indexNames(state.size()), state);
            }
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
        return CheckedFile.read(file, MAGIC, VERSION, "checkpoint",
                "; was it written with another --size, --width or --upsampling?", in -> {
                    long iteration = in.readLong();
                    for (Block b : gan.blocks()) {
                        CheckedFile.readBlock(in, b, "network");
                    }
                    if (trainer != null) {
                        for (Adam adam : trainer.optimizers()) {
                            adam.restoreSteps(in.readLong());
                            List<NDArray> state = adam.state();
                            TensorStore.read(in, indexNames(state.size()), state, "optimizer");
                        }
                    }
                    return iteration;
                });
    }

    private static List<String> indexNames(int n) {
        return IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
    }
}
