package dev.resface.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.resface.image.RgbImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The TensorFlow.js layers face-api's nets are made of, on DJL (NCHW), with TensorFlow's padding rules: "same" pads
 * {@code max(0, (ceil(n/s) - 1) * s + k - n)} in all, the odd pixel after (bottom, right), which DJL's symmetric conv
 * padding cannot express, so such inputs are padded explicitly. Weights become tensors once, on first use; not
 * thread-safe.
 */
final class TfOps {
    /** face-api's mean RGB, subtracted before dividing by 255. */
    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private final NDManager manager;
    private final TfjsWeights weights;
    private final Map<String, NDArray> tensors = new HashMap<>();

    TfOps(NDManager manager, TfjsWeights weights) {
        this.manager = manager;
        this.weights = weights;
    }

    /** A face crop as face-api's nets take it ({@link FaceApiInput}), NCHW, {@code (pixel - mean) / 255}. */
    NDArray input(NDManager m, RgbImage crop, int size) {
        float[] hwc = FaceApiInput.prepare(crop, size);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = (hwc[3 * i + c] - MEAN_RGB[c]) / 255f;
            }
        }
        return m.create(chw, new Shape(1, 3, size, size));
    }

    /** {@code conv2d(x, name/filters, stride, same ? "same" : "valid") + name/bias}. */
    NDArray conv(NDArray x, String name, int stride, boolean same) {
        return conv(x, name + "/filters", name + "/bias", stride, same);
    }

    /** {@code conv2d(x, filters, stride, same ? "same" : "valid") + bias}, for weights named otherwise. */
    NDArray conv(NDArray x, String filtersName, String biasName, int stride, boolean same) {
        NDArray filters = tensor(filtersName, f -> f.transpose(3, 2, 0, 1)); // (kh,kw,in,out) -> (out,in,kh,kw)
        int k = (int) filters.getShape().get(2);
        return convolve(x, filters, tensor(biasName, f -> f), k, stride, same, 1);
    }

    /** {@code depthwiseConv2d(x, filters (kh, kw, C, 1), stride, "same")}, no bias. */
    NDArray depthwise(NDArray x, String filtersName, int stride) {
        NDArray filters = tensor(filtersName, f -> f.transpose(2, 3, 0, 1)); // -> (C,1,kh,kw)
        int channels = (int) filters.getShape().get(0);
        return convolve(x, filters, zeros(channels), (int) filters.getShape().get(2), stride, true, channels);
    }

    /**
     * {@code batchNorm(depthwiseConv2d(x, filters, stride, "same"), mean, variance, beta, gamma, epsilon)}, with TF-slim's
     * names under {@code norm} ({@code moving_mean}, {@code moving_variance}, {@code beta}, {@code gamma}), as one
     * conv: the normalisation's scale folded into the filters and its shift into a bias, made once. Three passes over
     * the largest maps fewer; the same function up to float rounding.
     */
    NDArray depthwiseNormalized(NDArray x, String filtersName, String norm, float epsilon, int stride) {
        String key = filtersName + "*" + norm + "/" + epsilon;
        NDArray filters = tensors.get(key + "/filters");
        NDArray bias = tensors.get(key + "/bias");
        if (filters == null) {
            // each weight fetched before it is combined: a HashMap may not be filled from inside computeIfAbsent
            NDArray raw = tensor(filtersName, f -> f.transpose(2, 3, 0, 1)); // -> (C,1,kh,kw)
            NDArray gamma = tensor(norm + "/gamma", f -> f);
            NDArray variance = tensor(norm + "/moving_variance", f -> f);
            NDArray mean = tensor(norm + "/moving_mean", f -> f);
            NDArray beta = tensor(norm + "/beta", f -> f);
            // made once, in the long-lived manager: every intermediate closed, so only the two results stay
            try (NDArray shifted = variance.add(epsilon); NDArray root = shifted.sqrt(); NDArray scale = gamma.div(root);
                    NDArray column = scale.reshape(-1, 1, 1, 1); NDArray scaled = raw.mul(column);
                    NDArray centre = mean.mul(scale)) {
                filters = contiguous(scaled);
                bias = beta.sub(centre);
            }
            tensors.put(key + "/filters", filters);
            tensors.put(key + "/bias", bias);
        }
        int channels = (int) filters.getShape().get(0);
        return convolve(x, filters, bias, (int) filters.getShape().get(2), stride, true, channels);
    }

    /** TF's separableConv2d, "same": a depthwise conv, a pointwise conv, then {@code name/bias}. */
    NDArray separable(NDArray x, String name, int stride) {
        NDArray pointwise = tensor(name + "/pointwise_filter", f -> f.transpose(3, 2, 0, 1));
        NDArray out = depthwise(x, name + "/depthwise_filter", stride);
        return Conv2d.conv2d(out, pointwise, tensor(name + "/bias", f -> f)).singletonOrThrow();
    }

    /** {@code maxPool(x, k, s, "same")}: padding never wins a max. */
    NDArray maxPoolSame(NDArray x, int k, int s) {
        int[] pad = samePadding(x, k, s);
        NDArray padded = padAfter(x, pad, Float.NEGATIVE_INFINITY);
        return Pool.maxPool2d(padded, new Shape(k, k), new Shape(s, s), new Shape(pad[0], pad[0]), false);
    }

    NDArray avgPoolValid(NDArray x, int k, int s) {
        return Pool.avgPool2d(x, new Shape(k, k), new Shape(s, s), new Shape(0, 0), false, true);
    }

    /** {@code matMul(x (N, in), name/weights (in, out)) + name/bias}. */
    NDArray dense(NDArray x, String weightsName, String biasName) {
        return x.reshape(x.getShape().get(0), -1).matMul(tensor(weightsName, f -> f)).add(tensor(biasName, f -> f));
    }

    NDArray tensor(String name, UnaryOperator<NDArray> layout) {
        return tensors.computeIfAbsent(name, key -> {
            TfjsWeights.Tensor t = weights.get(key);
            NDArray a = manager.create(t.values(), new Shape(Arrays.stream(t.shape()).asLongStream().toArray()));
            return contiguous(layout.apply(a));
        });
    }

    /**
     * A row-major copy. A transposed weight kept as a view (or cloned, which keeps its strides) was made contiguous
     * again by every conv: 10 of the detector's 78 ms (sample1, AMD EPYC). DJL has no contiguous().
     */
    private NDArray contiguous(NDArray a) {
        return manager.create(a.toFloatArray(), a.getShape());
    }

    /** A zero bias, cached like a weight: DJL's conv takes a bias, TF's depthwise step has none. */
    private NDArray zeros(int n) {
        return tensors.computeIfAbsent("zeros/" + n, key -> manager.zeros(new Shape(n)));
    }

    private NDArray convolve(NDArray x, NDArray filters, NDArray bias, int k, int stride, boolean same, int groups) {
        int[] pad = same ? samePadding(x, k, stride) : new int[] {0, 0, 0, 0};
        NDArray in = padAfter(x, pad, 0f);
        return Conv2d.conv2d(in, filters, bias, new Shape(stride, stride), new Shape(pad[0], pad[2]),
                new Shape(1, 1), groups).singletonOrThrow();
    }

    /** TF "same" padding as {top, bottom, left, right}. */
    private static int[] samePadding(NDArray x, int k, int s) {
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        int th = Math.max(0, ((h + s - 1) / s - 1) * s + k - h);
        int tw = Math.max(0, ((w + s - 1) / s - 1) * s + k - w);
        return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
    }

    /**
     * Adds the rows and columns by which bottom/right padding exceeds top/left, so the rest is symmetric: one copy
     * (libtorch's pad lists the last axis first: left, right, top, bottom).
     */
    private static NDArray padAfter(NDArray x, int[] pad, float value) {
        int extraRows = pad[1] - pad[0];
        int extraCols = pad[3] - pad[2];
        return extraRows == 0 && extraCols == 0 ? x : x.pad(new Shape(0, extraCols, 0, extraRows), value);
    }
}
