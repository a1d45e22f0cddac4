package dev.resface.model.vaegan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import dev.resface.model.ChannelsLast;
import dev.resface.model.Layers;
import dev.resface.model.ModelConfig;

/**
 * VAE-GAN's three networks as its authors built them for 64px faces, with every channel count scaled by the run's
 * width and the spatial sizes following its image size (s/8 after three stride-2 convs):
 * <ul>
 *   <li>encoder: 5x5 conv 64, 128, 256 (stride 2, batch norm, ReLU), 1024 fully connected (batch norm, ReLU), then
 *       mu and log-variance of z;
 *   <li>decoder: 256 x (s/8)^2 fully connected (batch norm, ReLU), three 2x upsampling 5x5 convs 256, 128, 32 (batch
 *       norm, ReLU), 5x5 conv 3, tanh;
 *   <li>discriminator: 5x5 conv 32 (ReLU), 5x5 conv 128, 256, 256 (stride 2; batch norm, ReLU), 512 fully connected
 *       (batch norm, ReLU), one logit. Dis_l, the layer whose activations the reconstruction is measured on, is the
 *       fourth conv's output, before its batch norm (the code's recon_depth 9).
 * </ul>
 * At 32px the decoder's first conv and D's third have 192 channels, as in the code's 32x32 networks.
 * Layers followed by batch norm have no bias, as in the code. The paper's decoder upsamples with transposed convs;
 * DJL's PyTorch engine has none, so each is a 2x nearest upsampling followed by a 5x5 conv (the same output size and
 * receptive field, a common replacement). Weights start as the code's do ({@link AutoFiller}).
 */
final class VaeGanNetworks {
    private static final int ENCODER_HIDDEN = 1024;
    private static final int DISCRIMINATOR_HIDDEN = 512;

    private VaeGanNetworks() {}

    static SequentialBlock encoder(ModelConfig c, VaeGanConfig v) {
        return new SequentialBlock()
                .add(down(c.channels(64)))
                .add(down(c.channels(128)))
                .add(down(c.channels(256)))
                .add(Blocks.batchFlattenBlock())
                .add(dense(c.channels(ENCODER_HIDDEN)))
                .add(Linear.builder().setUnits(2L * v.latentSize()).build());
    }

    static SequentialBlock decoder(ModelConfig c) {
        int map = c.imageSize() / 8;
        int channels = c.channels(256);
        SequentialBlock d = new SequentialBlock()
                .add(dense((long) channels * map * map))
                .add(new LambdaBlock(x -> new NDList(ChannelsLast.of(
                        x.singletonOrThrow().reshape(-1, channels, map, map))), "toMap"));
        for (int paper : new int[] {widest(c), 128, 32}) {
            d.add(new SequentialBlock()
                    .add(Layers.nearestUpsample2x())
                    .add(conv(c.channels(paper), 1, false))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock()));
        }
        return d.add(conv(3, 1, true)).add(Activation.tanhBlock());
    }

    /** {features up to Dis_l, the rest to the logit} in one block, so one optimiser trains both. */
    static SequentialBlock discriminator(ModelConfig c) {
        SequentialBlock features = new SequentialBlock()
                .add(conv(c.channels(32), 1, true))
                .add(Activation.reluBlock())
                .add(down(c.channels(128)))
                .add(down(c.channels(widest(c))))
                .add(conv(c.channels(256), 2, false));
        SequentialBlock head = new SequentialBlock()
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(dense(c.channels(DISCRIMINATOR_HIDDEN)))
                .add(Linear.builder().setUnits(1).build());
        return new SequentialBlock().add(features).add(head);
    }

    /** The code's 32x32 networks narrow the layers that its 64x64 ones give 256 channels. */
    private static int widest(ModelConfig c) {
        return c.imageSize() <= 32 ? 192 : 256;
    }

    private static Block down(int filters) {
        return new SequentialBlock().add(conv(filters, 2, false)).add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    private static Block dense(long units) {
        return new SequentialBlock().add(Linear.builder().setUnits(units).optBias(false).build())
                .add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }

    /** 5x5, padded by 2: the size is kept at stride 1 and halved at stride 2. */
    private static Conv2d conv(int filters, int stride, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(5, 5))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(2, 2))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }
}
