package dev.resface.training.residualgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.resface.model.Direction;

/**
 * The four groups of an iteration (docs/method.md, 3): real faces without the attribute (x0) and with it (x1), and
 * their edits x~0 = G0(x0), which should now have it, and x~1 = G1(x1). D sees them as one batch in this order.
 */
record BatchGroups(NDArray x0, NDArray x1, NDArray edited0, NDArray edited1) {
    static final int COUNT = 4;

    /** The real faces a direction edits: x0 for ADD (G0), x1 for REMOVE (G1). */
    NDArray input(Direction d) {
        return d == Direction.ADD ? x0 : x1;
    }

    /** A direction's edit of its input. */
    NDArray edited(Direction d) {
        return d == Direction.ADD ? edited0 : edited1;
    }

    /** The same groups with a direction's edit replaced, e.g. by the way back. */
    BatchGroups withEdited(Direction d, NDArray edit) {
        return d == Direction.ADD ? new BatchGroups(x0, x1, edit, edited1) : new BatchGroups(x0, x1, edited0, edit);
    }

    /** The four as one batch, in the order of {@link #inputIndex} and {@link #editedIndex}. */
    NDArray batch() {
        return NDArrays.concat(new NDList(x0, x1, edited0, edited1));
    }

    static int inputIndex(Direction d) {
        return d == Direction.ADD ? 0 : 1;
    }

    static int editedIndex(Direction d) {
        return inputIndex(d) + 2;
    }

    /** Rows of group k of a batch made of {@code groups} equal groups. */
    static NDArray group(NDArray batch, int k, int groups) {
        long n = batch.getShape().get(0) / groups;
        return batch.get("{}:{}", k * n, (k + 1) * n);
    }
}
