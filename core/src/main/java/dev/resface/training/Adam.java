package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.resface.model.Trainability;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam for one block, written out so that its whole state (moments and step count) can be checkpointed and a
 * resumed run continues bit for bit. Same update as torch.optim.Adam.
 */
public final class Adam implements Optimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final List<Parameter> params = new ArrayList<>();
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private long steps;

    public Adam(Block block, NDManager manager, double learningRate, double beta1, double beta2) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = 1e-8;
        for (var entry : block.getParameters()) {
            Parameter p = entry.getValue();
            if (Trainability.isLearnable(p)) {
                params.add(p);
                firstMoments.add(manager.zeros(p.getArray().getShape()));
                secondMoments.add(manager.zeros(p.getArray().getShape()));
            }
        }
    }

    /** Applies the gradients accumulated by the last backward pass, then zeroes them. */
    public void step(NDManager scratch) {
        step(scratch, 1);
    }

    @Override
    public void step(NDManager scratch, double rateScale) {
        steps++;
        double bias1 = 1 - Math.pow(beta1, steps);
        double sqrtBias2 = Math.sqrt(1 - Math.pow(beta2, steps));
        double stepSize = learningRate * rateScale / bias1;
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray g = w.getGradient();
            NDArray m = firstMoments.get(i);
            NDArray v = secondMoments.get(i);
            // Temporaries of this update, and the gradient's handle, die with the scratch manager.
            g.attach(scratch);
            scratch.tempAttachAll(m, v);
            m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            NDArray denominator = v.sqrt().divi((float) sqrtBias2).addi((float) epsilon);
            w.subi(m.div(denominator).muli((float) stepSize));
            g.subi(g);
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restoreSteps(long steps) {
        this.steps = steps;
    }

    @Override
    public List<NDArray> state() {
        List<NDArray> all = new ArrayList<>(firstMoments);
        all.addAll(secondMoments);
        return all;
    }
}
