package dev.resface.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import java.nio.file.Path;

/**
 * face-api's age and gender network (its {@code src/ageGenderNet}: a TinyXception with two main blocks on 112x112
 * faces, then an age regressor and a two-way gender softmax, index 0 = male), on the package's TF.js weights.
 */
public final class AgeGenderNet implements AutoCloseable {
    public static final int INPUT = 112;

    /** @param maleProbability face-api's softmax output for "male" */
    public record AgeGender(double age, double maleProbability) {}

    private final NDManager manager;
    private final TfOps ops;

    private AgeGenderNet(NDManager manager, TfjsWeights weights) {
        this.manager = manager;
        this.ops = new TfOps(manager, weights);
    }

    /** @param modelDir the package's {@code model/} folder */
    public static AgeGenderNet load(Path modelDir) {
        TfjsWeights w = TfjsWeights.read(modelDir, "age_gender_model");
        Torch.start();
        return new AgeGenderNet(Torch.newManager(), w);
    }

    /** Age and gender of a face crop of any size, padded and resized as face-api does. */
    public AgeGender predict(RgbImage face) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = ops.conv(ops.input(scratch, face, INPUT), "entry_flow/conv_in", 2, true).maximum(0f);
            x = reduction(x, "entry_flow/reduction_block_0", false);
            x = reduction(x, "entry_flow/reduction_block_1", true);
            for (String block : new String[] {"middle_flow/main_block_0", "middle_flow/main_block_1"}) {
                NDArray out = ops.separable(x.maximum(0f), block + "/separable_conv0", 1);
                out = ops.separable(out.maximum(0f), block + "/separable_conv1", 1);
                out = ops.separable(out.maximum(0f), block + "/separable_conv2", 1);
                x = out.add(x);
            }
            x = reduction(x, "exit_flow/reduction_block", true);
            x = ops.separable(x, "exit_flow/separable_conv", 1).maximum(0f);
            NDArray pooled = ops.avgPoolValid(x, 7, 2);
            float age = ops.dense(pooled, "fc/age/weights", "fc/age/bias").toFloatArray()[0];
            float[] gender = ops.dense(pooled, "fc/gender/weights", "fc/gender/bias").softmax(1).toFloatArray();
            return new AgeGender(age, gender[0]);
        }
    }

    /** Two separable convs and a strided max pool, plus a strided 1x1 conv of the block's input. */
    private NDArray reduction(NDArray x, String block, boolean activateInput) {
        NDArray out = activateInput ? x.maximum(0f) : x;
        out = ops.separable(out, block + "/separable_conv0", 1);
        out = ops.separable(out.maximum(0f), block + "/separable_conv1", 1);
        out = ops.maxPoolSame(out, 3, 2);
        return out.add(ops.conv(x, block + "/expansion_conv", 2, true));
    }

    @Override
    public void close() {
        manager.close();
    }
}
