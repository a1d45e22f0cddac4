package dev.resface.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ai.djl.ndarray.NDManager;

/**
 * D of Table 1: five stride-2 convs (or three or four, see {@link ModelConfig#discriminatorLayers()}), then one conv
 * covering the whole remaining map that gives the three class logits (real negative, real positive, generated).
 * Returns {logits (N,3), phi} where phi, the output of the third layer, feeds the perceptual loss. A patch D
 * ({@link ModelConfig#discriminatorPatches()}) judges every position of the last map on its own, as PatchGAN does:
 * its logits are (N * P, 3), image by image, so that a batch mean of the losses is their mean over the patches.
 * {@link #ofRegion} is such a patch D of three layers, for a box of the face, of any shape.
 */
public final class Discriminator extends AbstractBlock {
    /** phi is the output of the third layer. */
    private static final int PHI_LAYERS = 3;
    private final SequentialBlock features;
    private final SequentialBlock head;
    private final boolean patches;
    private final int layers;

    public Discriminator(ModelConfig c) {
        this(c.discriminatorChannels(), c.discriminatorBatchNorm(), c.discriminatorSpectralNorm(), c.leakySlope(),
                c.discriminatorPatches(), c.discriminatorMapSize());
    }

    /**
     * The region D of {@link ModelConfig#regionDiscriminator()}: D's first three layers, without batch norm (it judges
     * a box of every image on its own), each position of the third map judged on its own; a position sees 22x22 px.
     */
    public static Discriminator ofRegion(ModelConfig c) {
        return new Discriminator(c.withDiscriminatorLayers(PHI_LAYERS).discriminatorChannels(), false,
                c.discriminatorSpectralNorm(), c.leakySlope(), true, 1);
    }

    /** @param lastMap the side of the last map, which a whole-map head's conv covers */
    private Discriminator(int[] channels, boolean batchNorm, boolean spectral, float slope, boolean patches,
            int lastMap) {
        SequentialBlock upToPhi = new SequentialBlock();
        SequentialBlock deeper = new SequentialBlock();
        for (int layer = 0; layer < channels.length; layer++) {
            Block conv = spectral ? new SpectralConv2d(4, channels[layer], 2, 1) : Layers.conv(4, channels[layer], 2);
            SequentialBlock l = new SequentialBlock().add(conv).add(Layers.leakyRelu(slope));
            (layer < PHI_LAYERS ? upToPhi : deeper).add(batchNorm ? l.add(BatchNorm.builder().build()) : l);
        }
        this.patches = patches;
        this.layers = channels.length;
        int map = patches ? 1 : lastMap;
        features = addChildBlock("features", upToPhi);
        head = addChildBlock("head", deeper.add(spectral ? new SpectralConv2d(map, 3, 1, 0)
                : Conv2d.builder().setKernelShape(new Shape(map, map)).setFilters(3).build()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray phi = features.forward(ps, inputs, training).singletonOrThrow();
        NDArray logits = head.forward(ps, new NDList(phi), training).singletonOrThrow();
        return new NDList(patches ? logits.transpose(0, 2, 3, 1).reshape(-1, 3)
                : logits.reshape(logits.getShape().get(0), 3), phi);
    }

    /** phi alone, for the perceptual loss's unedited side, which needs no logits. */
    public NDArray features(ParameterStore ps, NDArray x, boolean training) {
        return features.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape phi = features.getOutputShapes(inputShapes)[0];
        long positions = patches ? (inputShapes[0].get(2) >> layers) * (inputShapes[0].get(3) >> layers) : 1;
        return new Shape[] {new Shape(inputShapes[0].get(0) * positions, 3), phi};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        features.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, features.getOutputShapes(inputShapes));
    }
}
