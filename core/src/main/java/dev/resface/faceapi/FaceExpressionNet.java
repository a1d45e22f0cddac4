package dev.resface.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import java.nio.file.Path;
import java.util.List;

/**
 * face-api's expression network (its {@code src/faceExpressionNet}: four dense blocks of separable convs on 112x112
 * faces, then a seven-way softmax), on the package's TF.js weights.
 */
public final class FaceExpressionNet implements AutoCloseable {
    public static final int INPUT = 112;
    /** The outputs in face-api's order. */
    public static final List<String> EXPRESSIONS =
            List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");

    private final NDManager manager;
    private final TfOps ops;

    private FaceExpressionNet(NDManager manager, TfjsWeights weights) {
        this.manager = manager;
        this.ops = new TfOps(manager, weights);
    }

    /** @param modelDir the package's {@code model/} folder */
    public static FaceExpressionNet load(Path modelDir) {
        TfjsWeights w = TfjsWeights.read(modelDir, "face_expression_model");
        Torch.start();
        return new FaceExpressionNet(Torch.newManager(), w);
    }

    /** The seven probabilities ({@link #EXPRESSIONS} order) for a face crop, padded and resized as face-api does. */
    public float[] predict(RgbImage face) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = dense(ops.input(scratch, face, INPUT), "dense0", true);
            for (String block : new String[] {"dense1", "dense2", "dense3"}) {
                x = dense(x, block, false);
            }
            NDArray pooled = ops.avgPoolValid(x, 7, 2);
            return ops.dense(pooled, "fc/weights", "fc/bias").softmax(1).toFloatArray();
        }
    }

    /** face-api's denseBlock4: a strided first conv, then three separable convs each fed the sum of all before. */
    private NDArray dense(NDArray x, String block, boolean first) {
        NDArray out1 = (first ? ops.conv(x, block + "/conv0", 2, true) : ops.separable(x, block + "/conv0", 2))
                .maximum(0f);
        NDArray out2 = ops.separable(out1, block + "/conv1", 1);
        NDArray out3 = ops.separable(out1.add(out2).maximum(0f), block + "/conv2", 1);
        NDArray out4 = ops.separable(out1.add(out2.add(out3)).maximum(0f), block + "/conv3", 1);
        return out1.add(out2.add(out3.add(out4))).maximum(0f);
    }

    @Override
    public void close() {
        manager.close();
    }
}
