package dev.resface.classifier;

import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.resface.model.Layers;

/**
 * A small CNN with one logit per attribute: four stride-2 4x4 convs (leaky ReLU; batch norm after all but the first,
 * as in D), global average pooling, one linear layer. Pooling makes it indifferent to the input size.
 */
final class AttributeNet {
    private static final float SLOPE = 0.2f;

    private AttributeNet() {}

    static SequentialBlock build(ClassifierConfig c) {
        return new SequentialBlock()
                .add(Layers.conv(4, c.channels(0), 2))
                .add(Layers.leakyRelu(SLOPE))
                .add(Layers.convLeakyNorm(4, c.channels(1), 2, SLOPE))
                .add(Layers.convLeakyNorm(4, c.channels(2), 2, SLOPE))
                .add(Layers.convLeakyNorm(4, c.channels(3), 2, SLOPE))
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(c.attributes().size()).build());
    }
}
