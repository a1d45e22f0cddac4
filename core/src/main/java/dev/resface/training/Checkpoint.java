package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.resface.model.EditingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The whole training state in one file: every tensor of the method's networks (batch-norm statistics included), their
 * optimiser states and the iteration count, closed by a CRC32. Written atomically, so a kill at any moment leaves the
 * previous checkpoint intact; a damaged file is refused, never half loaded.
 */
public final class Checkpoint {
    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "resface-checkpoint";
    private static final int VERSION = 1;

    private Checkpoint() {}

    public static void save(Path file, MethodTrainer trainer, long iteration) throws IOException {
        CheckedFile.write(file, MAGIC, VERSION, out -> {
            out.writeLong(iteration);
            for (Block b : trainer.model().blocks()) {
                CheckedFile.writeBlock(out, b);
            }
            for (Optimizer optimizer : trainer.optimizers()) {
                out.writeLong(optimizer.steps());
                List<NDArray> state = optimizer.state();
                TensorStore.write(out, indexNames(state.size()), state);
            }
        });
    }

    /** Loads the networks only (for editing); returns the iteration the checkpoint was taken at. */
    public static long loadModel(Path file, EditingModel model) {
        return read(file, model, null);
    }

    /** Loads networks and optimizer states; returns the iteration to continue from. */
    public static long loadTraining(Path file, MethodTrainer trainer) {
        return read(file, trainer.model(), trainer);
    }

    private static long read(Path file, EditingModel model, MethodTrainer trainer) {
        return CheckedFile.read(file, MAGIC, VERSION, "checkpoint",
                "; was it written with another --size, --width, --upsampling or --d-layers?", in -> {
                    long iteration = in.readLong();
                    for (Block b : model.blocks()) {
                        CheckedFile.readBlock(in, b, "network");
                    }
                    if (trainer != null) {
                        for (Optimizer optimizer : trainer.optimizers()) {
                            optimizer.restoreSteps(in.readLong());
                            List<NDArray> state = optimizer.state();
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
