package dev.resface.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * A conv whose kernel is divided by its largest singular value (spectral norm, Miyato et al. 2018), so that the layer
 * is 1-Lipschitz: the usual way to keep a GAN's D from sharpening its verdicts faster than G can follow. The singular
 * value is estimated by one power-iteration step a training pass from the vector u of the pass before, as
 * PyTorch's {@code spectral_norm} does; u is kept as a running statistic (not learnt, checkpointed), so a resumed run
 * continues bit for bit.
 */
public final class SpectralConv2d extends AbstractBlock {
    private static final float EPS = 1e-12f;
    private final int kernel;
    private final int filters;
    private final int stride;
    private final int pad;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter u;

    /** Shaped as {@link Layers#conv}: the padding keeps the size at stride 1 (odd kernels) and halves it at stride 2. */
    public SpectralConv2d(int kernel, int filters, int stride, int pad) {
        this.kernel = kernel;
        this.filters = filters;
        this.stride = stride;
        this.pad = pad;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        // Any start converges; a fixed one keeps initialisation from drawing more random numbers than without it.
        Initializer even = (NDManager m, Shape shape, DataType type) -> m.ones(shape, type).div(Math.sqrt(shape.size()));
        u = addParameter(Parameter.builder().setName("u").setType(Parameter.Type.RUNNING_MEAN)
                .optInitializer(even).optRequiresGrad(false).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(filters, inputShapes[0].get(1), kernel, kernel));
        bias.setShape(new Shape(filters));
        u.setShape(new Shape(filters));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager pass = x.getManager();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        NDArray uNow = ps.getValue(u, x.getDevice(), training);
        // An op's result goes to its first operand's manager: what is made from the parameters is moved into the
        // pass's, or every pass would add to the model's for good.
        NDArray matrix = into(pass, w.reshape(filters, -1));
        // One power-iteration step, outside the graph: v = W'u / |W'u|, u = Wv / |Wv|, sigma = u'Wv through W only.
        NDArray fixed = matrix.stopGradient();
        NDArray v = normalised(fixed.transpose().matMul(into(pass, uNow.reshape(filters, 1))));
        NDArray next = normalised(fixed.matMul(v));
        if (training) {
            uNow.set(new NDIndex("..."), next.reshape(filters));
        }
        NDArray sigma = next.transpose().matMul(matrix.matMul(v)).reshape(new Shape());
        return Conv2d.conv2d(x, into(pass, w.div(sigma)), b, new Shape(stride, stride), new Shape(pad, pad),
                new Shape(1, 1), 1);
    }

    private static NDArray into(NDManager manager, NDArray a) {
        a.attach(manager);
        return a;
    }

    private static NDArray normalised(NDArray column) {
        return column.div(column.norm().add(EPS));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long h = (in.get(2) + 2L * pad - kernel) / stride + 1;
        long w = (in.get(3) + 2L * pad - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), filters, h, w)};
    }
}
