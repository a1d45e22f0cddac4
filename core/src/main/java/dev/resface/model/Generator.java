package dev.resface.model;

import ai.djl.nn.SequentialBlock;

/** G0 / G1 of Table 1: a small encoder-decoder whose output is the residual image (or the image, in the ablation). */
public final class Generator {
    private Generator() {}

    public static SequentialBlock build(ModelConfig c) {
        float s = c.leakySlope();
        SequentialBlock g = new SequentialBlock()
                .add(Layers.convLeakyNorm(5, c.channels(64), 1, s))
                .add(Layers.convLeakyNorm(4, c.channels(128), 2, s))
                .add(Layers.convLeakyNorm(4, c.channels(256), 2, s))
                .add(upLayer(c, c.channels(128)))
                .add(upLayer(c, c.channels(64)))
                .add(Layers.evenKernelSameConv(4, 3));
        return g;
    }

    private static SequentialBlock upLayer(ModelConfig c, int filters) {
        float s = c.leakySlope();
        return switch (c.upsampling()) {
            case CONV_THEN_NEAREST -> Layers.convLeakyNorm(3, filters, 1, s).add(Layers.nearestUpsample2x());
            case NEAREST_THEN_CONV -> new SequentialBlock().add(Layers.nearestUpsample2x()).add(Layers.convLeakyNorm(3, filters, 1, s));
            case TRANSPOSED -> new SequentialBlock()
                    .add(Layers.zeroStuff2x())
                    .add(Layers.convLeakyNorm(4, filters, 1, s));
        };
    }
}
