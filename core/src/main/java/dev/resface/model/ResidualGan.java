package dev.resface.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.List;

/** G0 (adds the attribute), G1 (removes it) and the shared 3-class D, with their parameters in one manager. */
public final class ResidualGan implements EditingModel {
    private final ModelConfig config;
    private final NDManager manager;
    private final Block g0;
    private final Block g1;
    private final Discriminator d;
    private final ParameterStore store;

    public ResidualGan(ModelConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.g0 = new Generator(config);
        this.g1 = new Generator(config);
        this.d = new Discriminator(config);
        Shape input = new Shape(1, 3, config.imageSize(), config.imageSize());
        for (Block b : List.of(g0, g1, d)) {
            // Weights ~ N(0, 0.02), biases 0; batch-norm scale stays 1 (a N(0,0.02) scale would zero the signal).
            b.setInitializer(ChannelsLast.initializer(new NormalInitializer(0.02f)), Parameter.Type.WEIGHT);
            b.initialize(manager, DataType.FLOAT32, input);
        }
        if (config.zeroInitLastConv()) {
            zeroLastConv(g0);
            zeroLastConv(g1);
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
        int size = config.imageSize();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = ChannelsLast.of(scratch.create(nchw, new Shape(n, 3, size, size)));
            NDArray r = edit(generator(direction), x, false).residual();
            return (strength == 1f ? r : r.mul(strength)).toFloatArray();
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

    public Block generator(Direction direction) {
        return direction == Direction.ADD ? g0 : g1;
    }

    /** Applies G to x and returns {edited x~, residual r}; in the no-residual ablation r is defined as x~ - x. */
    public Edit edit(Block generator, NDArray x, boolean training) {
        NDArray out = generator.forward(store, new NDList(x), training).singletonOrThrow();
        return config.residual() ? new Edit(x.add(out), out) : new Edit(out, out.sub(x));
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

    @Override
    public List<Block> blocks() {
        return List.of(g0, g1, d);
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }

    public record Edit(NDArray edited, NDArray residual) {}

    public record Judgement(NDArray logits, NDArray features) {}

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
