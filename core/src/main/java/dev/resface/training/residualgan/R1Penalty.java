package dev.resface.training.residualgan;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.resface.engine.Scalars;
import dev.resface.engine.Torch;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.model.ResidualGan;
import dev.resface.model.Trainability;

/**
 * The R1 penalty on D (Mescheder et al. 2018; StarGAN v2 and HiSD use it): gamma/2 times the mean over the real faces
 * of the squared norm of the gradient, with respect to the face, of D's log-probability of its own class. It keeps
 * D's verdict on real faces flat around them, so that D cannot sharpen faster than G follows.
 *
 * <p>It needs the gradient of a gradient. DJL has no {@code autograd.grad}, but its backward takes libtorch's
 * create-graph flag ({@link Torch#backward(NDArray, boolean, boolean)}): the first backward leaves in each real face's gradient the graph the penalty is differentiated
 * through, and also leaves D's own gradient of that first loss in D's parameters, which is cleared before the
 * penalty joins D's loss.
 */
final class R1Penalty {
    private R1Penalty() {}

    /**
     * Call under D's gradient collector, before D's loss is built. Returns the penalty, whose backward (with D's
     * loss) carries its gradient into D's parameters; D's parameter gradients are zero when it returns.
     */
    static NDArray of(ResidualGan gan, NDArray x0, NDArray x1, double gamma) {
        NDArray reals = x0.concat(x1).duplicate();
        reals.setRequiresGradient(true);
        NDArray logits = gan.judge(reals, true).logits();
        long n = x0.getShape().get(0);
        // Summed over the faces: each face's gradient is then its own log-probability's.
        NDArray ownClass = GanLosses.crossEntropy(BatchGroups.group(logits, 0, 2), DClass.realFaces(false))
                .add(GanLosses.crossEntropy(BatchGroups.group(logits, 1, 2), DClass.realFaces(true))).mul(n);
        Torch.backward(ownClass, true, true);
        NDArray gradient = reals.getGradient();
        for (Parameter p : gan.d().getParameters().values()) {
            if (Trainability.isLearnable(p)) {
                Torch.zeroGradient(p.getArray());
            }
        }
        return Scalars.mul(gradient.square().sum(), gamma / 2 / (2 * n));
    }
}
