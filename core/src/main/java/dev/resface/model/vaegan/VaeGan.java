package dev.resface.model.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.resface.model.ChannelsLast;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.model.ModelConfig;
import dev.resface.model.Trainability;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * VAE-GAN (Larsen et al., ICML 2016), the paper's baseline: an encoder, a decoder that is also the GAN's generator,
 * and a discriminator whose hidden layer Dis_l measures reconstructions. It edits in latent space, as its paper
 * does: decode(mu(x) + s v) with v the mean z of training faces with the attribute minus that of faces without.
 */
public final class VaeGan implements EditingModel {
    /** Dis_l's values a face in the authors' 64px networks, for which their gamma was chosen. */
    private static final long CODE_DIS_L_SIZE = 256L * 8 * 8;
    private static final NDIndex ALL = new NDIndex("...");
    private final ModelConfig shape;
    private final VaeGanConfig config;
    private final NDManager manager;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final SequentialBlock discriminator;
    private final ParameterStore store;
    private NDArray direction; // (1, latent); null until training has finished

    public VaeGan(ModelConfig shape, VaeGanConfig config, NDManager parent) {
        this.shape = shape;
        this.config = config;
        this.manager = parent.newSubManager();
        this.encoder = VaeGanNetworks.encoder(shape, config);
        this.decoder = VaeGanNetworks.decoder(shape);
        this.discriminator = VaeGanNetworks.discriminator(shape);
        int s = shape.imageSize();
        initialise(encoder, new Shape(2, 3, s, s));
        initialise(decoder, new Shape(2, config.latentSize()));
        initialise(discriminator, new Shape(2, 3, s, s));
        this.store = new ParameterStore(manager, false);
    }

    /**
     * The authors' start weights, laid out channels last as resface's other networks are: libtorch 2.7.1's oneDNN gets
     * the input gradient of NCHW stride-1 convs with a filter count not a multiple of 16 wrong (see ChannelsLastTest),
     * and VAE-GAN has them (D's first conv, the decoder's last at narrow widths). Run NCHW, its training went NaN at
     * iteration 2 in about half the runs on an AMD EPYC, and no two runs were alike.
     */
    private void initialise(Block b, Shape input) {
        b.setInitializer(ChannelsLast.initializer(new AutoFiller()), Parameter.Type.WEIGHT);
        b.initialize(manager, DataType.FLOAT32, input);
    }

    public VaeGanConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public Block encoder() {
        return encoder;
    }

    /** The encoder's last layer, giving mu and log-variance: the code does not decay its weights. */
    public Set<Parameter> posteriorHead() {
        Block head = encoder.getChildren().valueAt(encoder.getChildren().size() - 1);
        Set<Parameter> out = new HashSet<>();
        head.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }

    public Block decoder() {
        return decoder;
    }

    public Block discriminator() {
        return discriminator;
    }

    /**
     * q(z|x): mean and log-variance, each (N, latent). The log-variance is clipped to [-30, 20], as VAEs commonly do:
     * measured here, RMSProp's steps drove it past exp's range and the losses became NaN (iteration 282 without the
     * balance rule's pauses, 774 with them, at 32px).
     */
    public record Posterior(NDArray mean, NDArray logVariance) {}

    public Posterior encode(NDArray x, boolean training) {
        NDArray out = encoder.forward(store, new NDList(x), training).singletonOrThrow();
        int k = config.latentSize();
        return new Posterior(out.get(":, 0:{}", k), out.get(":, {}:", k).clip(-30, 20));
    }

    public NDArray decode(NDArray z, boolean training) {
        return decoder.forward(store, new NDList(z), training).singletonOrThrow();
    }

    /**
     * The decoder's running batch-norm statistics as they are now. The faces D judges are decoded in a training pass
     * whose statistics are not to be kept: the authors' code decodes them with a copy of the decoder
     * ({@code decoder_neggrad}) that shares its weights but has statistics of its own, so the running statistics that
     * edits decode with are those of posterior z alone. Put them back once that pass has been differentiated: an
     * in-place write before the backward would invalidate what batch norm saved for it.
     */
    public KeptStatistics keepDecoderStatistics(NDManager scratch) {
        List<NDArray> running = new ArrayList<>();
        List<NDArray> kept = new ArrayList<>();
        for (var p : decoder.getParameters()) {
            if (!Trainability.isLearnable(p.getValue())) {
                NDArray r = p.getValue().getArray();
                NDArray copy = r.duplicate();
                copy.attach(scratch);
                running.add(r);
                kept.add(copy);
            }
        }
        return new KeptStatistics(running, kept);
    }

    public record KeptStatistics(List<NDArray> running, List<NDArray> kept) {
        public void restore() {
            for (int i = 0; i < running.size(); i++) {
                running.get(i).set(ALL, kept.get(i));
            }
        }
    }

    /**
     * gamma for this run's Dis_l: the configured value is the code's for its 64px networks, whose Dis_l holds 256 x 8 x
     * 8 = 16,384 values a face; L_llike sums over Dis_l, so a smaller Dis_l gets a proportionally larger gamma to keep
     * the decoder's reconstruction pull.
     */
    public double reconstructionWeight() {
        long disL = (long) shape.channels(256) * (shape.imageSize() / 8) * (shape.imageSize() / 8);
        return config.reconstructionWeight() * CODE_DIS_L_SIZE / disL;
    }

    /** Dis_l(x), the discriminator's hidden representation the reconstruction error is measured in. */
    public NDArray similarityFeatures(NDArray x, boolean training) {
        return discriminatorPart(0).forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** The discriminator's logit of "real", (N, 1). */
    public NDArray realLogit(NDArray x, boolean training) {
        return discriminator.forward(store, new NDList(x), training).singletonOrThrow();
    }

    private Block discriminatorPart(int i) {
        return discriminator.getChildren().valueAt(i);
    }

    /** The attribute direction in z, set once training has finished (or from its file). */
    public void setDirection(float[] v) {
        if (v.length != config.latentSize()) {
            throw new IllegalArgumentException("direction has " + v.length + " values, z has " + config.latentSize());
        }
        if (direction != null) {
            direction.close();
        }
        direction = manager.create(v, new Shape(1, v.length));
    }

    @Override
    public int imageSize() {
        return shape.imageSize();
    }

    @Override
    public float[] changes(Direction d, float[] nchw, int n, float strength) {
        if (direction == null) {
            throw new IllegalStateException("no attribute direction: compute or load one first");
        }
        int s = shape.imageSize();
        float signed = d == Direction.ADD ? strength : -strength;
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = ChannelsLast.of(scratch.create(nchw, new Shape(n, 3, s, s)));
            NDArray z = encode(x, false).mean().add(direction.mul(signed));
            return decode(z, false).sub(x).toFloatArray();
        }
    }

    @Override
    public List<Block> blocks() {
        return List.of(encoder, decoder, discriminator);
    }

    @Override
    public void close() {
        manager.close();
    }
}
