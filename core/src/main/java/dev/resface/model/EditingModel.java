package dev.resface.model;

import ai.djl.nn.Block;
import java.util.List;

/**
 * A trained attribute editor as the rest of resface sees it (sample grids, edit, eval, the scorers): it turns
 * faces into their edits. The residual GAN and its ablations are one implementation, VAE-GAN another.
 */
public interface EditingModel extends AutoCloseable {
    int imageSize();

    /**
     * The change c of each face, so that x + c (clipped to [-1, 1] when written) is its edit at this strength, run in
     * inference mode. For a residual model c = strength * G(x); for a latent model it is decode(z + strength * v) - x.
     *
     * @param nchw n faces, 3 x size x size each, in [-1, 1]
     */
    float[] changes(Direction direction, float[] nchw, int n, float strength);

    /**
     * Says that the weights will not change again (a run loaded to edit): a model may then prepare what its inference
     * passes would otherwise rebuild on every call.
     */
    default void freeze() {}

    /** Every network, in a fixed order: the checkpoint stores them so. */
    List<Block> blocks();

    @Override
    void close();
}
