package dev.resface.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * G0 / G1 of Table 1: a small encoder-decoder whose output is the residual image (or the image, in the ablation, or
 * a painted image and its mask, {@link GeneratorDesign#masked}). With the default decoder (conv, then nearest
 * upsampling) the convs that follow an upsampling run on the map before it ({@link UpsampledConv}): the same function
 * with fewer multiply-adds. Its layers are named as a SequentialBlock names them, so checkpoints keep their tensor
 * names; the full-resolution path ({@link GeneratorDesign#skip}) adds one layer before the last.
 */
public final class Generator extends AbstractBlock {
    private static final String LAYER = "SequentialBlock";
    private final boolean upsampledConvs;
    private final SequentialBlock[] layers;
    private final SequentialBlock refine; // null without the full-resolution path
    private final Block upsample = Layers.nearestUpsample2x();
    private final int outputChannels;
    private UpsampledConv upsampled; // made with the parameters, in the model's manager
    private UpsampledConv.Phases frozenFifth; // null until frozen
    private UpsampledConv.Phases frozenLast;

    public Generator(ModelConfig c) {
        float s = c.leakySlope();
        boolean skip = c.generator().skip();
        upsampledConvs = c.upsampling() == Upsampling.CONV_THEN_NEAREST;
        layers = new SequentialBlock[6];
        layers[0] = Layers.convLeakyNorm(5, c.channels(64), 1, s);
        layers[1] = Layers.convLeakyNorm(4, c.channels(128), 2, s);
        layers[2] = Layers.convLeakyNorm(4, c.channels(256), 2, s);
        layers[3] = upLayer(c, c.channels(128));
        layers[4] = upLayer(c, c.channels(64));
        outputChannels = c.generator().outputChannels();
        layers[5] = Layers.evenKernelSameConv(4, outputChannels);
        // As wide as the decoder's last layer: half that width removed as well but changed twice as much outside.
        refine = skip ? Layers.convLeakyNorm(3, c.channels(64), 1, s) : null;
        for (int i = 0; i < 5; i++) {
            addChildBlock(LAYER, layers[i]);
        }
        if (refine != null) {
            addChildBlock(LAYER, refine);
        }
        addChildBlock(LAYER, layers[5]);
    }

    /** With upsampled convs the upsampling is left out here: the next conv does it. */
    private SequentialBlock upLayer(ModelConfig c, int filters) {
        float s = c.leakySlope();
        return switch (c.upsampling()) {
            case CONV_THEN_NEAREST -> Layers.convLeakyNorm(3, filters, 1, s);
            case NEAREST_THEN_CONV -> new SequentialBlock().add(Layers.nearestUpsample2x()).add(Layers.convLeakyNorm(3, filters, 1, s));
            case TRANSPOSED -> new SequentialBlock()
                    .add(Layers.zeroStuff2x())
                    .add(Layers.convLeakyNorm(4, filters, 1, s));
        };
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList first = layers[0].forward(ps, inputs, training);
        NDList x = first;
        int plain = upsampledConvs ? 4 : 5;
        for (int i = 1; i < plain; i++) {
            x = layers[i].forward(ps, x, training);
        }
        if (upsampledConvs) {
            // Layer 5 is conv, leaky ReLU, batch norm; its conv takes layer 4's output upsampled.
            SequentialBlock fifth = layers[4];
            x = new NDList(UpsampledConv.apply(x.singletonOrThrow(), phases(4, ps, x, training)));
            for (int i = 1; i < fifth.getChildren().size(); i++) {
                x = fifth.getChildren().get(i).getValue().forward(ps, x, training);
            }
        }
        if (refine != null) {
            NDList full = upsampledConvs ? upsample.forward(ps, x, training) : x;
            NDList joined = new NDList(full.singletonOrThrow().concat(first.singletonOrThrow(), 1));
            return layers[5].forward(ps, refine.forward(ps, joined, training), training);
        }
        if (!upsampledConvs) {
            return layers[5].forward(ps, x, training);
        }
        return new NDList(UpsampledConv.apply(x.singletonOrThrow(), phases(5, ps, x, training)));
    }

    /**
     * Called once a model only edits: its weights will not change, so the upsampled convs' phase kernels are made
     * now, in the model's manager, and every inference pass uses them (a third of a one-face pass's libtorch calls).
     * A training pass still makes its own.
     */
    void freeze() {
        if (!upsampledConvs || frozenFifth != null) {
            return;
        }
        NDManager model = conv(4).getParameters().get("weight").getArray().getManager();
        frozenFifth = phasesOf(4, parameter(4, "weight"), parameter(4, "bias"), model);
        if (refine == null) {
            frozenLast = phasesOf(5, parameter(5, "weight"), parameter(5, "bias"), model);
        }
    }

    /** The phases of layer 5's conv (3x3) or the last one (4x4): the frozen ones when editing, else this pass's. */
    private UpsampledConv.Phases phases(int layer, ParameterStore ps, NDList x, boolean training) {
        UpsampledConv.Phases frozen = layer == 4 ? frozenFifth : frozenLast;
        if (frozen != null && !training) {
            return frozen;
        }
        return phasesOf(layer, value(ps, layer, "weight", training), value(ps, layer, "bias", training),
                x.head().getManager());
    }

    private UpsampledConv.Phases phasesOf(int layer, NDArray weight, NDArray bias, NDManager into) {
        return layer == 4 ? upsampled.threeByThree(weight, bias, into) : upsampled.evenFourByFour(weight, bias, into);
    }

    private Block conv(int layer) {
        return layers[layer].getChildren().get(0).getValue();
    }

    private NDArray parameter(int layer, String name) {
        return conv(layer).getParameters().get(name).getArray();
    }

    private NDArray value(ParameterStore ps, int layer, String name, boolean training) {
        Parameter p = conv(layer).getParameters().get(name);
        return ps.getValue(p, p.getArray().getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outputChannels, in.get(2), in.get(3))};
    }

    /**
     * Parameter shapes depend on channels only, so layers 5 and 6 may be initialised at the small map's size; the
     * refinement takes the decoder's channels and the first layer's side by side.
     */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        Shape[] first = null;
        for (int i = 0; i < 5; i++) {
            layers[i].initialize(manager, dataType, shapes);
            shapes = layers[i].getOutputShapes(shapes);
            first = first == null ? shapes : first;
        }
        if (refine != null) {
            Shape s = shapes[0];
            shapes = new Shape[] {new Shape(s.get(0), s.get(1) + first[0].get(1), s.get(2), s.get(3))};
            refine.initialize(manager, dataType, shapes);
            shapes = refine.getOutputShapes(shapes);
        }
        layers[5].initialize(manager, dataType, shapes);
        upsampled = new UpsampledConv(manager);
    }
}
