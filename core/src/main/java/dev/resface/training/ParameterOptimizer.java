package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.resface.model.Trainability;
import java.util.ArrayList;
import java.util.List;

/**
 * What Adam and RMSProp share: the learnable parameters of one block, the step count, and a step that hands each
 * parameter's gradient to the rule, then zeroes it. Temporaries of a step, and the gradients' handles, die with the
 * scratch manager.
 */
abstract class ParameterOptimizer implements Optimizer {
    protected final List<Parameter> params = new ArrayList<>();
    private long steps;

    ParameterOptimizer(Block block) {
        for (var entry : block.getParameters()) {
            if (Trainability.isLearnable(entry.getValue())) {
                params.add(entry.getValue());
            }
        }
    }

    /** One zero tensor per parameter, in the parameter's memory layout (see ChannelsLast), for a rule's state. */
    protected static List<NDArray> zerosLike(List<Parameter> params, NDManager manager) {
        List<NDArray> out = new ArrayList<>();
        for (Parameter p : params) {
            NDArray zeros = p.getArray().zerosLike();
            zeros.attach(manager);
            out.add(zeros);
        }
        return out;
    }

    /** Updates parameter {@code i} in place from its gradient; {@code step} counts from 1. */
    protected abstract void update(int i, NDArray weight, NDArray gradient, long step, double rateScale,
            NDManager scratch);

    @Override
    public final void step(NDManager scratch, double rateScale) {
        steps++;
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray g = w.getGradient();
            g.attach(scratch);
            update(i, w, g, steps, rateScale, scratch);
            g.subi(g);
        }
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final void restoreSteps(long steps) {
        this.steps = steps;
    }
}
