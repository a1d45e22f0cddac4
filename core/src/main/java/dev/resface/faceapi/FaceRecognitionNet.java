package dev.resface.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import java.nio.file.Path;

/**
 * face-api's face recognition network (its {@code src/faceRecognitionNet}: a ResNet-34-like net on 150x150 faces,
 * after dlib's), run with DJL on the package's own TF.js weights. It maps a face to a 128-D descriptor; face-api
 * calls two faces the same person when their descriptors are less than 0.6 apart (Euclidean). Not thread-safe.
 */
public final class FaceRecognitionNet implements AutoCloseable {
    public static final int INPUT = 150;
    /** face-api's threshold on the Euclidean distance between descriptors. */
    public static final double SAME_PERSON_DISTANCE = 0.6;

    private final NDManager manager;
    private final TfOps ops;

    private FaceRecognitionNet(NDManager manager, TfjsWeights weights) {
        this.manager = manager;
        this.ops = new TfOps(manager, weights);
    }

    /** @param modelDir the package's {@code model/} folder */
    public static FaceRecognitionNet load(Path modelDir) {
        TfjsWeights w = TfjsWeights.read(modelDir, "face_recognition_model");
        Torch.start();
        return new FaceRecognitionNet(Torch.newManager(), w);
    }

    /** The descriptor of a face crop of any size, padded and resized as face-api does ({@link FaceApiInput}). */
    public float[] descriptor(RgbImage face) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = conv(ops.input(scratch, face, INPUT), "conv32_down", 2, true);
            x = Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false);
            for (String block : new String[] {"conv32_1", "conv32_2", "conv32_3"}) {
                x = residual(x, block);
            }
            x = residualDown(x, "conv64_down");
            for (String block : new String[] {"conv64_1", "conv64_2", "conv64_3"}) {
                x = residual(x, block);
            }
            x = residualDown(x, "conv128_down");
            x = residual(residual(x, "conv128_1"), "conv128_2");
            x = residualDown(x, "conv256_down");
            x = residual(residual(x, "conv256_1"), "conv256_2");
            x = residualDown(x, "conv256_down_out");
            NDArray pooled = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
            return pooled.matMul(ops.tensor("fc", f -> f)).toFloatArray();
        }
    }

    /** conv (TF "valid" at stride 2, "same" at stride 1), bias, per-channel scale and shift, optional ReLU. */
    private NDArray conv(NDArray x, String name, int stride, boolean relu) {
        NDArray out = ops.conv(x, name + "/conv", stride, stride == 1)
                .mul(ops.tensor(name + "/scale/weights", f -> f.reshape(1, -1, 1, 1)))
                .add(ops.tensor(name + "/scale/biases", f -> f.reshape(1, -1, 1, 1)));
        return relu ? out.maximum(0f) : out;
    }

    private NDArray residual(NDArray x, String block) {
        NDArray out = conv(x, block + "/conv1", 1, true);
        out = conv(out, block + "/conv2", 1, false);
        return out.add(x).maximum(0f);
    }

    /**
     * The downsampling block: the shortcut is a 2x2 average pool, zero-padded in channels; where the strided conv's
     * map is one smaller than the pooled one, face-api appends a zero row and column to the conv's output.
     */
    private NDArray residualDown(NDArray x, String block) {
        NDArray out = conv(x, block + "/conv1", 2, true);
        out = conv(out, block + "/conv2", 1, false);
        NDArray pooled = ops.avgPoolValid(x, 2, 2);
        NDManager m = x.getManager();
        long n = out.getShape().get(0);
        long c = out.getShape().get(1);
        if (pooled.getShape().get(2) != out.getShape().get(2) || pooled.getShape().get(3) != out.getShape().get(3)) {
            out = NDArrays.concat(new NDList(out, m.zeros(new Shape(n, c, 1, out.getShape().get(3)))), 2);
            out = NDArrays.concat(new NDList(out, m.zeros(new Shape(n, c, out.getShape().get(2), 1))), 3);
        }
        if (pooled.getShape().get(1) != c) {
            pooled = NDArrays.concat(new NDList(pooled, m.zeros(pooled.getShape())), 1);
        }
        return pooled.add(out).maximum(0f);
    }

    /** face-api's distance between two descriptors. */
    public static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Override
    public void close() {
        manager.close();
    }
}
