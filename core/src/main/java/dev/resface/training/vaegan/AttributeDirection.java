package dev.resface.training.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.BadInputException;
import dev.resface.model.vaegan.VaeGan;
import dev.resface.training.CheckedFile;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * VAE-GAN's edit direction in z, as its paper builds attribute vectors: the mean encoding (mu) of training faces with
 * the attribute minus that of training faces without. Written beside the checkpoint once training ends.
 *
 * @param vector the direction, one value per latent dimension
 * @param negatives faces without the attribute it was averaged over
 * @param positives faces with it
 */
public record AttributeDirection(float[] vector, int negatives, int positives) {
    public static final String FILE = "latent-direction.bin";

    /** Where a run keeps it. */
    public static Path in(RunFolder folder) {
        return folder.root().resolve(FILE);
    }
    /** The authors encoded 10,000 faces; more adds little to a mean of 128 values. */
    static final int MAX_FACES_PER_SIDE = 5_000;
    private static final int BATCH = 64;
    private static final String MAGIC = "resface-latent-direction";
    private static final int VERSION = 1;

    /** Computes the direction over up to {@code maxPerSide} training faces of each side and sets it in the model. */
    public static AttributeDirection compute(VaeGan vae, TrainingData data, int maxPerSide) {
        int negatives = Math.min(maxPerSide, data.trainingFaceCount(false));
        int positives = Math.min(maxPerSide, data.trainingFaceCount(true));
        double[] without = meanEncoding(vae, data, false, negatives);
        double[] with = meanEncoding(vae, data, true, positives);
        float[] v = new float[with.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (with[i] - without[i]);
        }
        vae.setDirection(v);
        return new AttributeDirection(v, negatives, positives);
    }

    /** The mean of mu over the training faces of one side, in inference mode, summed in double. */
    static double[] meanEncoding(VaeGan vae, TrainingData data, boolean withAttribute, int count) {
        int s = vae.imageSize();
        double[] sum = new double[vae.config().latentSize()];
        for (int from = 0; from < count; from += BATCH) {
            int n = Math.min(BATCH, count - from);
            try (NDManager scratch = vae.manager().newSubManager()) {
                NDArray x = scratch.create(data.trainingFaces(withAttribute, from, n), new Shape(n, 3, s, s));
                float[] mu = vae.encode(x, false).mean().toFloatArray();
                for (int i = 0; i < mu.length; i++) {
                    sum[i % sum.length] += mu[i];
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count;
        }
        return sum;
    }

    public void save(Path file) throws IOException {
        CheckedFile.write(file, MAGIC, VERSION, out -> {
            out.writeInt(negatives);
            out.writeInt(positives);
            out.writeInt(vector.length);
            for (float f : vector) {
                out.writeFloat(f);
            }
        });
    }

    /** Reads the direction of a finished run into its model. */
    public static AttributeDirection load(Path file, VaeGan vae) {
        if (!Files.exists(file)) {
            throw BadInputException.at(file, "missing: this VAE-GAN run has not finished training"
                    + " ('train --resume' finishes it)");
        }
        AttributeDirection d = CheckedFile.read(file, MAGIC, VERSION, "latent direction", "", in -> {
            int negatives = in.readInt();
            int positives = in.readInt();
            int length = in.readInt();
            if (length != vae.config().latentSize()) {
                throw new IOException(length + " values, but z has " + vae.config().latentSize());
            }
            float[] v = new float[length];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readFloat();
            }
            return new AttributeDirection(v, negatives, positives);
        });
        vae.setDirection(d.vector());
        return d;
    }
}
