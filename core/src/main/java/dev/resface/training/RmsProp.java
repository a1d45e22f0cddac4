package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.resface.model.Trainability;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSProp for one block, VAE-GAN's optimiser (Larsen et al. 2016: learning rate 3e-4). Same update as
 * torch.optim.RMSprop: v = rho v + (1 - rho) g^2, w -= rate g / (sqrt(v) + eps).
 */
public final class RmsProp implements Optimizer {
    private static final double RHO = 0.9;
    private static final double EPSILON = 1e-8;
    private final double learningRate;
    private final List<Parameter> params = new ArrayList<>();
    private final List<NDArray> meanSquares = new ArrayList<>();
    private long steps;

    public RmsProp(Block block, NDManager manager, double learningRate) {
        this.learningRate = learningRate;
        for (var entry : block.getParameters()) {
            Parameter p = entry.getValue();
            if (Trainability.isLearnable(p)) {
                params.add(p);
                meanSquares.add(manager.zeros(p.getArray().getShape()));
            }
        }
    }

    @Override
    public void step(NDManager scratch, double rateScale) {
        steps++;
        float rate = (float) (learningRate * rateScale);
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray g = w.getGradient();
            NDArray v = meanSquares.get(i);
            g.attach(scratch);
            scratch.tempAttachAll(v);
            v.muli((float) RHO).addi(g.square().muli((float) (1 - RHO)));
            w.subi(g.div(v.sqrt().addi((float) EPSILON)).muli(rate));
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
        return List.copyOf(meanSquares);
    }
}
