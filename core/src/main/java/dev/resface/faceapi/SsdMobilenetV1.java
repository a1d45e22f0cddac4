package dev.resface.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * face-api's face detector (its {@code src/ssdMobilenetv1}: SSD on a MobileNet v1 backbone, 512x512 input, 5118
 * anchors), run with DJL on the package's own TF.js weights, returning what face-api's {@code detectAllFaces} returns
 * with its default {@code SsdMobilenetv1Options}: the faces scoring above 0.5, at most 100, after face-api's own
 * non-maximum suppression at IoU 0.5, best first. Not thread-safe.
 */
public final class SsdMobilenetV1 implements AutoCloseable {
    public static final int INPUT = 512;
    public static final double MIN_CONFIDENCE = 0.5;
    public static final int MAX_RESULTS = 100;
    public static final double IOU_THRESHOLD = 0.5;
    /** face-api's constant: float32's 0.001 written out as a double. */
    private static final float BATCH_NORM_EPSILON = 0.0010000000474974513f;
    private static final Set<Integer> STRIDE_2_PAIRS = Set.of(2, 4, 6, 12);
    /** MobileNet's pair whose output feeds the first (finest, 32x32) box predictor. */
    private static final int FINEST_FEATURES = 11;

    private final NDManager manager;
    private final TfOps ops;
    private final float[] anchors;

    private SsdMobilenetV1(NDManager manager, TfjsWeights weights) {
        this.manager = manager;
        this.ops = new TfOps(manager, weights);
        this.anchors = weights.get("Output/extra_dim").values();
    }

    /** @param modelDir the package's {@code model/} folder */
    public static SsdMobilenetV1 load(Path modelDir) {
        TfjsWeights w = TfjsWeights.read(modelDir, "ssd_mobilenetv1_model");
        Torch.start();
        return new SsdMobilenetV1(Torch.newManager(), w);
    }

    /** The faces in an image of any size, boxes in its pixels; none is an empty list. */
    public List<DetectedFace> detect(RgbImage image) {
        float[] encodings;
        float[] classLogits;
        try (NDManager scratch = manager.newSubManager()) {
            NDList features = features(input(scratch, image));
            NDList boxes = new NDList();
            NDList classes = new NDList();
            for (int i = 0; i < features.size(); i++) {
                String p = "Prediction/BoxPredictor_" + i;
                boxes.add(perAnchor(ops.conv(features.get(i), p + "/BoxEncodingPredictor/weights",
                        p + "/BoxEncodingPredictor/biases", 1, true), 4));
                classes.add(perAnchor(ops.conv(features.get(i), p + "/ClassPredictor/weights",
                        p + "/ClassPredictor/biases", 1, true), 3));
            }
            encodings = NDArrays.concat(boxes).toFloatArray();
            classLogits = NDArrays.concat(classes).toFloatArray();
        }
        float[] boxes = SsdBoxes.decode(anchors, encodings);
        // face-api's score is the sigmoid of class 1 (face) of the three logits per anchor; sigmoid computed as
        // TF.js's cpu kernel does, in double and stored as float
        float[] scores = new float[classLogits.length / 3];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (1 / (1 + Math.exp(-classLogits[3 * i + 1])));
        }
        List<DetectedFace> faces = new ArrayList<>();
        for (int i : NonMaxSuppression.select(boxes, scores, MAX_RESULTS, IOU_THRESHOLD, MIN_CONFIDENCE)) {
            faces.add(SsdBoxes.toImage(boxes, i, scores[i], image.width(), image.height(), INPUT));
        }
        return faces;
    }

    /** Padded bottom/right to a square, resized to 512, NCHW, {@code x / 127.5 - 1} in float32. */
    private static NDArray input(NDManager m, RgbImage image) {
        float[] hwc = FaceApiInput.prepare(image, INPUT, false);
        int plane = INPUT * INPUT;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = hwc[3 * i + c] / 127.5f - 1f;
            }
        }
        return m.create(chw, new Shape(1, 3, INPUT, INPUT));
    }

    /** The six feature maps the box predictors read, finest (32x32) first, as face-api's predictionLayer orders them. */
    private NDList features(NDArray x) {
        NDArray out = pointwise(x, "MobilenetV1/Conv2d_0_pointwise", 2);
        NDArray finest = null;
        for (int i = 1; i <= 13; i++) {
            String p = "MobilenetV1/Conv2d_" + i;
            out = ops.depthwiseNormalized(out, p + "_depthwise/depthwise_weights", p + "_depthwise/BatchNorm",
                    BATCH_NORM_EPSILON, STRIDE_2_PAIRS.contains(i) ? 2 : 1).clip(0f, 6f);
            out = pointwise(out, p + "_pointwise", 1);
            if (i == FINEST_FEATURES) {
                finest = out;
            }
        }
        NDList maps = new NDList(finest, out);
        for (int i = 0; i < 8; i += 2) {
            out = pointwise(out, "Prediction/Conv2d_" + i + "_pointwise", 1);
            out = pointwise(out, "Prediction/Conv2d_" + (i + 1) + "_pointwise", 2);
            maps.add(out);
        }
        return maps;
    }

    /** face-api's pointwiseConvLayer: conv ("same"), bias (the folded batch norm's offset), ReLU6. */
    private NDArray pointwise(NDArray x, String name, int stride) {
        return ops.conv(x, name + "/weights", name + "/convolution_bn_offset", stride, true).clip(0f, 6f);
    }

    /** A predictor's NCHW output as TF's NHWC reshaped to one row of {@code k} values per anchor. */
    private static NDArray perAnchor(NDArray x, int k) {
        return x.transpose(0, 2, 3, 1).reshape(-1, k);
    }

    @Override
    public void close() {
        manager.close();
    }
}
