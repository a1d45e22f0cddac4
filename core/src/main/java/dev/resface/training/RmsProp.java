package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Set;

/**
 * RMSProp for one block, VAE-GAN's optimiser (Larsen et al. 2016: learning rate 3e-4). Same update as
 * torch.optim.RMSprop: v = rho v + (1 - rho) g^2, w -= rate g / (sqrt(v) + eps), where g carries the L2 penalty
 * decay * w on weights (not on biases, batch norm or the exempt ones), as the authors' code puts it on its conv and
 * affine weights.
 */
public final class RmsProp extends ParameterOptimizer {
    private static final double RHO = 0.9;
    private static final double EPSILON = 1e-8;
    private final double learningRate;
    private final double weightDecay;
    private final List<NDArray> meanSquares;
    private final Set<Parameter> exempt;

    public RmsProp(Block block, NDManager manager, double learningRate, double weightDecay, Set<Parameter> exempt) {
        super(block);
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.exempt = Set.copyOf(exempt);
        this.meanSquares = zerosLike(params, manager);
    }

    @Override
    protected void update(int i, NDArray w, NDArray g, long step, double rateScale, NDManager scratch) {
        NDArray v = meanSquares.get(i);
        scratch.tempAttachAll(v);
        Parameter p = params.get(i);
        if (weightDecay > 0 && p.getType() == Parameter.Type.WEIGHT && !exempt.contains(p)) {
            // made from the weight, the penalty would live in the model's manager and pile up step after step
            NDArray penalty = w.mul((float) weightDecay);
            penalty.attach(scratch);
            g = g.add(penalty);
        }
        v.muli((float) RHO).addi(g.square().muli((float) (1 - RHO)));
        w.subi(g.div(v.sqrt().addi((float) EPSILON)).muli((float) (learningRate * rateScale)));
    }

    @Override
    public List<NDArray> state() {
        return List.copyOf(meanSquares);
    }
}
