package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam for one block, written out so that its whole state (moments and step count) can be checkpointed and a
 * resumed run continues bit for bit. Same update as torch.optim.Adam.
 */
public final class Adam extends ParameterOptimizer {
    private static final double EPSILON = 1e-8;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final List<NDArray> firstMoments;
    private final List<NDArray> secondMoments;

    public Adam(Block block, NDManager manager, double learningRate, double beta1, double beta2) {
        super(block);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.firstMoments = zerosLike(params, manager);
        this.secondMoments = zerosLike(params, manager);
    }

    @Override
    protected void update(int i, NDArray w, NDArray g, long step, double rateScale, NDManager scratch) {
        double bias1 = 1 - Math.pow(beta1, step);
        double sqrtBias2 = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = learningRate * rateScale / bias1;
        NDArray m = firstMoments.get(i);
        NDArray v = secondMoments.get(i);
        scratch.tempAttachAll(m, v);
        m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
        v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
        NDArray denominator = v.sqrt().divi((float) sqrtBias2).addi((float) EPSILON);
        w.subi(m.div(denominator).muli((float) stepSize));
    }

    @Override
    public List<NDArray> state() {
        List<NDArray> all = new ArrayList<>(firstMoments);
        all.addAll(secondMoments);
        return all;
    }
}
