package dev.resface.evaluation.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.resface.data.AreaResize;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * face-api's face recognition network (its {@code src/faceRecognitionNet}: a ResNet-34-like net on 150x150 faces,
 * after dlib's), run with DJL on the package's own TF.js weights. It maps a face to a 128-D descriptor; face-api
 * calls two faces the same person when their descriptors are less than 0.6 apart (Euclidean). Not thread-safe.
 */
public final class FaceRecognitionNet implements AutoCloseable {
    public static final int INPUT = 150;
    /** face-api's threshold on the Euclidean distance between descriptors. */
    public static final double SAME_PERSON_DISTANCE = 0.6;
    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private final NDManager manager;
    private final TfjsWeights weights;
    /** Weights as tensors, made once: conv filters already in DJL's layout. */
    private final Map<String, NDArray> tensors = new HashMap<>();

    private FaceRecognitionNet(NDManager manager, TfjsWeights weights) {
        this.manager = manager;
        this.weights = weights;
    }

    /** @param modelDir the package's {@code model/} folder */
    public static FaceRecognitionNet load(Path modelDir) {
        TfjsWeights w = TfjsWeights.read(modelDir, "face_recognition_model");
        Torch.start();
        return new FaceRecognitionNet(Torch.newManager(), w);
    }

    /**
     * The descriptor of a face crop. A 150x150 crop goes in as it is, which is what face-api does with one; other
     * sizes are first resized to 150x150 by area averaging (face-api pads to a square and resizes bilinearly, so
     * only 150x150 inputs are guaranteed to agree with it).
     */
    public float[] descriptor(RgbImage face) {
        RgbImage in = face.width() == INPUT && face.height() == INPUT ? face : AreaResize.whole(face, INPUT);
        try (NDManager scratch = manager.newSubManager()) {
            float[] chw = new float[3 * INPUT * INPUT];
            int plane = INPUT * INPUT;
            for (int i = 0; i < plane; i++) {
                for (int c = 0; c < 3; c++) {
                    chw[c * plane + i] = ((in.pixels()[3 * i + c] & 0xFF) - MEAN_RGB[c]) / 255f;
                }
            }
            NDArray x = scratch.create(chw, new Shape(1, 3, INPUT, INPUT));
            x = conv(x, "conv32_down", 2, true);
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
            return pooled.matMul(tensor("fc")).toFloatArray();
        }
    }

    /** conv (TF "valid" at stride 2, "same" at stride 1), bias, per-channel scale and shift, optional ReLU. */
    private NDArray conv(NDArray x, String name, int stride, boolean relu) {
                NDArray filters = tensors.computeIfAbsent(name + "/conv/filters", key -> {
            TfjsWeights.Tensor f = weights.get(key);
            // TF stores filters as (kh, kw, in, out); DJL wants (out, in, kh, kw)
            return manager.create(f.values(), new Shape(f.shape()[0], f.shape()[1], f.shape()[2], f.shape()[3]))
                    .transpose(3, 2, 0, 1).duplicate();
        });
        int k = (int) filters.getShape().get(2);
        int pad = stride == 1 ? k / 2 : 0;
        NDArray out = Conv2d.conv2d(x, filters, vector(name + "/conv/bias"), new Shape(stride, stride),
                new Shape(pad, pad)).singletonOrThrow();
        out = out.mul(vector(name + "/scale/weights").reshape(1, -1, 1, 1))
                .add(vector(name + "/scale/biases").reshape(1, -1, 1, 1));
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
        NDArray pooled = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
        long n = out.getShape().get(0);
        long c = out.getShape().get(1);
        if (pooled.getShape().get(2) != out.getShape().get(2) || pooled.getShape().get(3) != out.getShape().get(3)) {
            out = NDArrays.concat(new NDList(out,
                    x.getManager().zeros(new Shape(n, c, 1, out.getShape().get(3)))), 2);
            out = NDArrays.concat(new NDList(out,
                    x.getManager().zeros(new Shape(n, c, out.getShape().get(2), 1))), 3);
        }
        if (pooled.getShape().get(1) != c) {
            pooled = NDArrays.concat(new NDList(pooled, x.getManager().zeros(pooled.getShape())), 1);
        }
        return pooled.add(out).maximum(0f);
    }

    private NDArray vector(String name) {
        return tensors.computeIfAbsent(name, key -> manager.create(weights.get(key).values()));
    }

    private NDArray tensor(String name) {
        return tensors.computeIfAbsent(name, key -> {
            TfjsWeights.Tensor t = weights.get(key);
            return manager.create(t.values(), new Shape(Arrays.stream(t.shape()).asLongStream().toArray()));
        });
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
