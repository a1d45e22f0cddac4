package dev.resface.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.nn.Parameter;
import dev.resface.BadInputException;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.training.CheckedFile;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A trained attribute classifier: P(attribute) for each of its attributes, on CHW [-1, 1] faces. */
public final class AttributeClassifier implements AutoCloseable {
    public static final String WEIGHTS = "classifier.bin";
    public static final String CONFIG = "classifier.json";
    public static final String ACCURACY = "accuracy.json";
    private static final String MAGIC = "resface-classifier";
    private static final int VERSION = 1;

    private final ClassifierConfig config;
    private final NDManager manager;
    private final Block net;
    private final ParameterStore store;

    AttributeClassifier(ClassifierConfig config) {
        Torch.start();
        this.config = config;
        this.manager = Torch.newManager();
        this.net = AttributeNet.build(config);
        net.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, config.imageSize(), config.imageSize()));
        this.store = new ParameterStore(manager, false);
    }

    /** Loads {@code dir/classifier.json} and {@code dir/classifier.bin}. */
    public static AttributeClassifier open(Path dir) {
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw BadInputException.at(configFile, "missing: not a classifier folder (train one with 'resface"
                    + " classifier train')");
        }
        ClassifierConfig config;
        try {
            config = PrettyJson.read(configFile, ClassifierConfig.class);
        } catch (IOException e) {
            throw BadInputException.at(configFile, "unreadable classifier config: " + e.getMessage());
        }
        AttributeClassifier c = new AttributeClassifier(config);
        try {
            CheckedFile.read(dir.resolve(WEIGHTS), MAGIC, VERSION, "classifier weights",
                    "; was it written for other attributes or another --width?", in -> {
                        CheckedFile.readBlock(in, c.net, "classifier");
                        return null;
                    });
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public ClassifierConfig config() {
        return config;
    }

    /** Index of {@code attribute} in the outputs, or -1 when the classifier does not know it. */
    public int indexOf(FaceAttribute attribute) {
        return config.attributes().indexOf(attribute);
    }

    /** {@code n} images (3 x size x size each, size = the classifier's) to their probabilities, image-major. */
    public float[] probabilities(float[] nchw, int n) {
        int size = config.imageSize();
        if (nchw.length != n * 3 * size * size) {
            throw new IllegalArgumentException("expected " + n + " images of 3x" + size + "x" + size);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(nchw, new Shape(n, 3, size, size));
            return Activation.sigmoid(logits(x, false)).toFloatArray();
        }
    }

    NDArray logits(NDArray x, boolean training) {
        return net.forward(store, new NDList(x), training).singletonOrThrow();
    }

    Block net() {
        return net;
    }

    NDManager manager() {
        return manager;
    }

    void save(Path dir, Map<String, Object> accuracy) throws IOException {
        Files.createDirectories(dir);
        PrettyJson.write(dir.resolve(CONFIG), config);
        CheckedFile.write(dir.resolve(WEIGHTS), MAGIC, VERSION, out -> CheckedFile.writeBlock(out, net));
        PrettyJson.write(dir.resolve(ACCURACY), accuracy);
    }

    @Override
    public void close() {
        manager.close();
    }
}
