package dev.resface.model;

/**
 * Analytic multiply-add count of one forward pass per image (2 FLOPs per multiply-add, convs only: activations and
 * batch norm are a few percent and left out). Follows Table 1 layer by layer.
 */
public final class FlopCount {
    private FlopCount() {}

    private static double conv(int k, int in, int out, int outSize) {
        return 2.0 * k * k * in * out * outSize * outSize;
    }

    public static double generator(ModelConfig c) {
        int s = c.imageSize();
        int c64 = c.channels(64);
        int c128 = c.channels(128);
        int c256 = c.channels(256);
        double up1;
        double up2;
        switch (c.upsampling()) {
            case CONV_THEN_NEAREST -> {
                up1 = conv(3, c256, c128, s / 4);
                up2 = conv(3, c128, c64, s / 2);
            }
            case NEAREST_THEN_CONV -> {
                up1 = conv(3, c256, c128, s / 2);
                up2 = conv(3, c128, c64, s);
            }
            default -> {
                up1 = conv(4, c256, c128, s / 2);
                up2 = conv(4, c128, c64, s);
            }
        }
        return conv(5, 3, c64, s) + conv(4, c64, c128, s / 2) + conv(4, c128, c256, s / 4) + up1 + up2 + conv(4, c64, 3, s);
    }

    /** D up to phi (its third layer), which the perceptual loss evaluates on the unedited input. */
    public static double discriminatorFeatures(ModelConfig c) {
        int s = c.imageSize();
        return conv(4, 3, c.channels(64), s / 2) + conv(4, c.channels(64), c.channels(128), s / 4)
                + conv(4, c.channels(128), c.channels(256), s / 8);
    }

    public static double discriminator(ModelConfig c) {
        int s = c.imageSize();
        double flops = discriminatorFeatures(c);
        int[] channels = c.discriminatorChannels();
        for (int layer = 3; layer < channels.length; layer++) {
            flops += conv(4, channels[layer - 1], channels[layer], s >> (layer + 1));
        }
        int map = c.discriminatorMapSize();
        return flops + conv(map, channels[channels.length - 1], 3, 1);
    }

    /**
     * One training iteration per image of the batch, as ResidualGanTrainer runs it. A pass whose weights learn costs
     * about 3x its forward pass (forward, input gradients, weight gradients), a frozen pass that gradients flow
     * through 2x, a pass nothing flows back through 1x. D step: D on four batches (3x each; the generators' forward
     * passes are counted in their own steps). Each generator step: its own G (3x), D on x~ (2x), the other G and D
     * on x^ for the dual term (2x each), D's features of x (1x).
     */
    public static double trainingStep(ModelConfig c, boolean dual) {
        double g = generator(c);
        double d = discriminator(c);
        double dStep = 4 * 3 * d;
        double gStep = 3 * g + 2 * d + discriminatorFeatures(c) + (dual ? 2 * g + 2 * d : 0);
        return dStep + 2 * gStep;
    }
}
