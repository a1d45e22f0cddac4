package dev.resface.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Switches gradient tracking of a block's learnable parameters. DJL's freezeParameters(false) would also make the
 * batch-norm running statistics require gradients, which breaks their in-place update, so those are skipped.
 */
public final class Trainability {
    private Trainability() {}

    public static void set(Block block, boolean trainable) {
        block.freezeParameters(!trainable, Trainability::isLearnable);
    }

    public static boolean isLearnable(Parameter p) {
        return p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;
    }
}
