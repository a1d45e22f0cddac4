package dev.resface.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.ArrayList;
import java.util.List;

/**
 * G0 (adds the attribute), G1 (removes it) and the shared 3-class D, with their parameters in one manager; with
 * {@link GeneratorDesign#emaDecay} also the moving averages of G0 and G1, which are what edits use; with
 * {@link ModelConfig#regionDiscriminator} also the region D.
 */
public final class ResidualGan implements EditingModel {
    /**
     * A masked G starts with its mask at sigmoid(-4) = 0.018 everywhere: near the identity edit, as the zero-initialised
     * last conv starts a residual G, while the mask's gradient (m(1 - m)) is not yet vanishing.
     */
    static final float MASK_START_LOGIT = -4f;

    private final ModelConfig config;
    private final NDManager manager;
    private final Block g0;
    private final Block g1;
    private final Discriminator d;
    private final Block g0Average; // null without the moving average
    private final Block g1Average;
    private final Discriminator regionD; // null without one
    private final ParameterStore store;

    public ResidualGan(ModelConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.g0 = new Generator(config);
        this.g1 = new Generator(config);
        this.d = new Discriminator(config);
        Shape input = new Shape(1, 3, config.imageSize(), config.imageSize());
        for (Block b : List.of(g0, g1, d)) {
            initialise(b, input);
        }
        if (config.zeroInitLastConv()) {
            zeroLastConv(g0);
            zeroLastConv(g1);
        }
        if (config.generator().masked()) {
            startMaskClosed(g0);
            startMaskClosed(g1);
        }
        this.g0Average = config.generator().averaged() ? copyOf(g0, input) : null;
        this.g1Average = config.generator().averaged() ? copyOf(g1, input) : null;
        ImageRegion region = config.regionDiscriminator();
        if (region != null) {
            int[] p = region.pixels(config.imageSize());
            this.regionD = Discriminator.ofRegion(config);
            initialise(regionD, new Shape(1, 3, p[3] - p[1], p[2] - p[0]));
        } else {
            this.regionD = null;
        }
        this.store = new ParameterStore(manager, false);
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    public int imageSize() {
        return config.imageSize();
    }

    @Override
    public float[] changes(Direction direction, float[] nchw, int n, float strength) {
        if (strength == 0f) {
            // A residual at strength 0 is no change whatever G says: no pass needed.
            return new float[nchw.length];
        }
        int size = config.imageSize();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = ChannelsLast.of(scratch.create(nchw, new Shape(n, 3, size, size)));
            NDArray r = edit(editing(direction), x, false).residual();
            return (strength == 1f ? r : r.mul(strength)).toFloatArray();
        }
    }

    /** The editing generators make their upsampled convs' phase kernels once (see {@link Generator#freeze}). */
    @Override
    public void freeze() {
        for (Direction direction : Direction.values()) {
            ((Generator) editing(direction)).freeze();
        }
    }

    public Block g0() {
        return g0;
    }

    public Block g1() {
        return g1;
    }

    public Discriminator d() {
        return d;
    }

    /** The region D; null without one. */
    public Discriminator regionD() {
        return regionD;
    }

    /** The region D's logits (N * P, 3) for the region of each image, P positions an image (see {@link Discriminator}). */
    public NDArray judgeRegion(NDArray x, boolean training) {
        return regionD.forward(store, new NDList(config.regionDiscriminator().crop(x)), training).get(0);
    }

    public Block generator(Direction direction) {
        return direction == Direction.ADD ? g0 : g1;
    }

    /** The generator that edits: the moving average where there is one, else the trained one. */
    public Block editing(Direction direction) {
        Block average = direction == Direction.ADD ? g0Average : g1Average;
        return average != null ? average : generator(direction);
    }

    /**
     * Moves each averaged generator's weights (batch-norm statistics included) toward the trained ones:
     * avg = d * avg + (1 - d) * w. Nothing without a moving average.
     */
    public void updateAverages() {
        if (g0Average == null) {
            return;
        }
        float decay = config.generator().emaDecay().floatValue();
        for (Block[] pair : new Block[][] {{g0, g0Average}, {g1, g1Average}}) {
            var trained = pair[0].getParameters();
            var average = pair[1].getParameters();
            for (int i = 0; i < trained.size(); i++) {
                NDArray a = average.valueAt(i).getArray();
                try (NDArray share = trained.valueAt(i).getArray().mul(1 - decay)) {
                    a.muli(decay).addi(share);
                }
            }
        }
    }

    /**
     * Applies G to x and returns its edit x~ and the residual r = x~ - x: G's output itself for a residual G, the
     * output minus x in the no-residual ablation, and m (c - x) for a masked G, whose mask is returned too.
     */
    public Edit edit(Block generator, NDArray x, boolean training) {
        NDArray out = generator.forward(store, new NDList(x), training).singletonOrThrow();
        if (config.generator().masked()) {
            NDArray painted = out.get(":, 0:3").tanh();
            NDArray mask = out.get(":, 3:4").getNDArrayInternal().sigmoid();
            NDArray residual = painted.sub(x).mul(mask);
            return new Edit(x.add(residual), residual, mask);
        }
        return config.residual() ? new Edit(x.add(out), out, null) : new Edit(out, out.sub(x), null);
    }

    /** D's class logits (N,3) and its third-layer features phi. */
    public Judgement judge(NDArray x, boolean training) {
        NDList out = d.forward(store, new NDList(x), training);
        return new Judgement(out.get(0), out.get(1));
    }

    /** D's third-layer features phi only. */
    public NDArray features(NDArray x, boolean training) {
        return d.features(store, x, training);
    }

    /** G0, G1 and D, then the two moving averages and the region D where they exist. */
    @Override
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>(List.of(g0, g1, d));
        if (g0Average != null) {
            blocks.addAll(List.of(g0Average, g1Average));
        }
        if (regionD != null) {
            blocks.add(regionD);
        }
        return List.copyOf(blocks);
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** @param mask a masked G's mask m (N,1,s,s) in (0, 1); null for every other G */
    public record Edit(NDArray edited, NDArray residual, NDArray mask) {}

    public record Judgement(NDArray logits, NDArray features) {}

    /** The last conv's bias of the mask channel (its last output) set to {@link #MASK_START_LOGIT}. */
    private static void startMaskClosed(Block g) {
        var params = g.getParameters();
        NDArray bias = params.valueAt(params.size() - 1).getArray();
        bias.set(new NDIndex("3"), MASK_START_LOGIT);
    }

    /** Weights ~ N(0, 0.02), biases 0; batch-norm scale stays 1 (a N(0,0.02) scale would zero the signal). */
    private void initialise(Block b, Shape input) {
        b.setInitializer(ChannelsLast.initializer(new NormalInitializer(0.02f)), Parameter.Type.WEIGHT);
        b.initialize(manager, DataType.FLOAT32, input);
    }

    /** A generator of the same design holding a copy of {@code g}'s parameters. */
    private Block copyOf(Block g, Shape input) {
        Block copy = new Generator(config);
        initialise(copy, input);
        var from = g.getParameters();
        var to = copy.getParameters();
        for (int i = 0; i < from.size(); i++) {
            to.valueAt(i).getArray().set(new NDIndex("..."), from.valueAt(i).getArray());
        }
        Trainability.set(copy, false);
        return copy;
    }

    private static void zeroLastConv(Block g) {
        var params = g.getParameters();
        for (int i = params.size() - 1; i >= 0; i--) {
            Parameter p = params.valueAt(i);
            p.getArray().muli(0);
            if (p.getType() == Parameter.Type.WEIGHT) {
                return;
            }
        }
    }
}
