package dev.resface.classifier;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.resface.BadInputException;
import dev.resface.data.AttributeSplit;
import dev.resface.data.BatchAssembler;
import dev.resface.data.BatchSampler;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.data.Partition;
import dev.resface.engine.Machine;
import dev.resface.engine.Scalars;
import dev.resface.engine.Torch;
import dev.resface.training.Adam;
import dev.resface.training.LinearDecay;
import dev.resface.util.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains an {@link AttributeClassifier} with one class-balanced binary cross-entropy per attribute on uniformly
 * drawn, randomly mirrored training images, its learning rate falling to zero over the second half, then measures its held-out accuracy on balanced test sets, one per attribute.
 */
public final class ClassifierTraining {
    private static final int EVAL_BATCH = 64;

    private ClassifierTraining() {}

    /** Held-out accuracy of one attribute: on {@code perClass} test faces with it and as many without. */
    public record Accuracy(FaceAttribute attribute, int perClass, double accuracy) {}

    /** Trains, measures, saves into {@code out}; returns the accuracies. */
    public static List<Accuracy> run(ClassifierConfig config, Path out) throws IOException {
        Torch.start();
        Torch.seed(config.seed());
        CelebaDataset dataset = CelebaDataset.open(Path.of(config.data()));
        CropRecipe recipe = CropRecipe.parse(config.crop());
        PackedImages cache = PackedImages.open(dataset, recipe, config.imageSize(),
                PackedImages.defaultPath(dataset.root(), recipe, config.imageSize()), config.skipBad());
        if (cache.skippedCount() > 0) {
            System.err.println("classifier: left out " + cache.skippedCount() + " bad images (--skip-bad)");
        }
        int[] pool = IntStream.range(0, dataset.size())
                .filter(i -> dataset.partition(i) == Partition.TRAIN && cache.contains(i)).toArray();
        if (pool.length == 0) {
            throw BadInputException.at(dataset.layout().partition(), "no training images (partition 0)");
        }
        try (AttributeClassifier classifier = new AttributeClassifier(config)) {
            train(classifier, dataset, cache, pool);
            List<Accuracy> accuracies = heldOut(classifier, dataset, cache);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("machine", Machine.current().line());
            for (Accuracy a : accuracies) {
                json.put(a.attribute().celebaName(), Map.of("accuracy", a.accuracy(), "perClass", a.perClass()));
            }
            classifier.save(out, json);
            return accuracies;
        }
    }

    private static void train(AttributeClassifier classifier, CelebaDataset dataset, PackedImages cache, int[] pool) {
        ClassifierConfig c = classifier.config();
        int size = c.imageSize();
        int a = c.attributes().size();
        float[][] weights = classWeights(dataset, pool, c.attributes());
        BatchSampler sampler = new BatchSampler(pool, c.batchSize(), c.seed());
        Adam adam = new Adam(classifier.net(), classifier.manager(), c.learningRate(), 0.9, 0.999);
        try (Progress bar = Progress.bar("classifier", c.iterations())) {
            for (long it = 0; it < c.iterations(); it++) {
                int[] batch = sampler.batch(it);
                float[] labels = new float[batch.length * a];
                float[] lossWeights = new float[batch.length * a];
                for (int i = 0; i < batch.length; i++) {
                    for (int k = 0; k < a; k++) {
                        boolean positive = dataset.label(batch[i], c.attributes().get(k));
                        labels[i * a + k] = positive ? 1 : 0;
                        lossWeights[i * a + k] = weights[k][positive ? 1 : 0];
                    }
                }
                try (NDManager scratch = classifier.manager().newSubManager()) {
                    NDArray x = scratch.create(BatchAssembler.assemble(cache, batch, sampler.flips(it)),
                            new Shape(batch.length, 3, size, size));
                    NDArray y = scratch.create(labels, new Shape(batch.length, a));
                    NDArray w = scratch.create(lossWeights, new Shape(batch.length, a));
                    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                        NDArray loss = binaryCrossEntropy(classifier.logits(x, true), y, w);
                        gc.backward(loss);
                        if (it % 25 == 0) {
                            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f", loss.getFloat()));
                        }
                    }
                    // Measured at a constant rate: No_Beard's held-out accuracy swung from 87.5% to 98.6% with the
                    // seed (48px), the network still jumping between solutions when training stopped.
                    adam.step(scratch, LinearDecay.scale(it + 1, c.iterations(), 0.5));
                }
                bar.step();
            }
        }
    }

    /**
     * Mean over images and attributes of -w [y log s(z) + (1-y) log(1-s(z))], with a weight per image and attribute,
     * in the overflow-free form.
     */
    static NDArray binaryCrossEntropy(NDArray logits, NDArray labels, NDArray weights) {
        return Scalars.max(logits, 0).sub(logits.mul(labels)).add(logits.abs().neg().exp().add(1).log()).mul(weights).mean();
    }

    /**
     * {w_negative, w_positive} per attribute, 1 / (2 * share of that class in the training pool): each class weighs
     * half of every attribute's loss, as the balanced test sets weigh it. Unweighted, a rare class (beards) is
     * learnt last, and the accuracy on it swung with the CPU and the seed around the 95% bar.
     */
    static float[][] classWeights(CelebaDataset dataset, int[] pool, List<FaceAttribute> attributes) {
        float[][] w = new float[attributes.size()][];
        for (int k = 0; k < attributes.size(); k++) {
            FaceAttribute attribute = attributes.get(k);
            long positives = Arrays.stream(pool).filter(i -> dataset.label(i, attribute)).count();
            double share = Math.min(Math.max((double) positives / pool.length, 1e-3), 1 - 1e-3);
            w[k] = new float[] {(float) (0.5 / (1 - share)), (float) (0.5 / share)};
        }
        return w;
    }

    static List<Accuracy> heldOut(AttributeClassifier classifier, CelebaDataset dataset, PackedImages cache) {
        ClassifierConfig c = classifier.config();
        return c.attributes().stream().map(attribute -> {
            AttributeSplit.TestSet set = AttributeSplit.forTesting(dataset, attribute, cache)
                    .balancedTestSet(c.testPerClass(), c.seed());
            int k = classifier.indexOf(attribute);
            int right = count(classifier, cache, set.negatives(), k, false)
                    + count(classifier, cache, set.positives(), k, true);
            int n = set.perClass();
            return new Accuracy(attribute, n, n == 0 ? Double.NaN : right / (2.0 * n));
        }).toList();
    }

    /** How many of {@code indices} the classifier puts on the side {@code positive} for output {@code k}. */
    static int count(AttributeClassifier classifier, PackedImages cache, int[] indices, int k, boolean positive) {
        int a = classifier.config().attributes().size();
        int right = 0;
        for (int start = 0; start < indices.length; start += EVAL_BATCH) {
            int[] chunk = Arrays.copyOfRange(indices, start, Math.min(indices.length, start + EVAL_BATCH));
            float[] p = classifier.probabilities(BatchAssembler.assemble(cache, chunk, null), chunk.length);
            for (int i = 0; i < chunk.length; i++) {
                if ((p[i * a + k] >= 0.5f) == positive) {
                    right++;
                }
            }
        }
        return right;
    }

    /** A table for people: one line per attribute. */
    public static String table(List<Accuracy> accuracies) {
        StringBuilder s = new StringBuilder("held-out accuracy (balanced test sets)\n");
        for (Accuracy a : accuracies) {
            s.append(String.format(Locale.ROOT, "  %-20s %6.2f%%  (%d + %d faces)%n", a.attribute().celebaName(),
                    100 * a.accuracy(), a.perClass(), a.perClass()));
        }
        return s.toString();
    }
}
