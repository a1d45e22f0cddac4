package dev.resface.classifier;

import dev.resface.BadInputException;
import dev.resface.data.FaceAttribute;
import java.util.List;

/**
 * How an attribute classifier is trained; written beside its weights so it can be rebuilt and the training repeated.
 *
 * @param data dataset in aligned-CelebA layout it was trained on
 * @param attributes one sigmoid output each, in this order
 * @param crop crop recipe id (as for the editing runs, so it sees faces the way they do)
 * @param skipBad bad images were left out of training and the held-out faces instead of stopping
 * @param imageSize input size; edited faces of another size are resized to it
 * @param width channel multiplier of the network (1 = 32, 64, 128, 256 channels)
 * @param iterations training steps
 * @param batchSize images per step, drawn uniformly from the training partition
 * @param learningRate Adam's step size
 * @param testPerClass balanced held-out faces per class and attribute for the accuracy (0 = all)
 * @param seed batches and initialization
 */
public record ClassifierConfig(String data, List<FaceAttribute> attributes, String crop, boolean skipBad,
        int imageSize, double width, long iterations, int batchSize, double learningRate, int testPerClass, long seed) {
    public ClassifierConfig {
        attributes = List.copyOf(attributes);
        if (attributes.isEmpty()) {
            throw new BadInputException("the classifier needs at least one attribute");
        }
        if (imageSize < 16 || imageSize % 16 != 0) {
            throw new BadInputException("classifier image size must be a multiple of 16, at least 16; got " + imageSize);
        }
        if (iterations < 1 || batchSize < 1 || !(width > 0) || !(learningRate > 0)) {
            throw new BadInputException("iterations, batch size, width and learning rate must be positive");
        }
    }

    /** Channels of layer {@code k} (0-based) of the four. */
    int channels(int k) {
        return Math.max(4, (int) Math.round(width * (32 << k)));
    }
}
