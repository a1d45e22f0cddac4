package dev.resface.training.residualgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.resface.engine.Scalars;
import dev.resface.engine.Torch;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.model.Direction;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Judgement;

/**
 * The judge for a D with batch norm, which judges each image by its batch: G0's adversarial and perceptual terms
 * judge [x0, x1, x~0, x~1] and so do G1's, with the same D and the same images (G1's step sees x~0 as it was made,
 * before G0's update), so D makes that pass once for both steps. Its edits are leaves: each step takes the gradient
 * that its own terms send to its edit through the one pass (kept for the second step) and carries it into its
 * generator through the edit's graph. Same gradients as a pass per step, one D forward of 4N images fewer an
 * iteration; D's running statistics, which nothing reads (D always judges in training mode), get one update fewer.
 */
final class SharedJudge implements Judge {
    private final ResidualGan gan;
    private final double beta;
    private final NDManager keep;
    private final BatchGroups leaves;
    private Judgement judged;

    /**
     * @param fixed the four groups, edits detached
     * @param beta the perceptual weight, with which the gradient at the edit is taken
     * @param keep the iteration's manager, which holds the shared pass between the two steps
     */
    SharedJudge(ResidualGan gan, BatchGroups fixed, double beta, NDManager keep) {
        this.gan = gan;
        this.beta = beta;
        this.keep = keep;
        this.leaves = new BatchGroups(fixed.x0(), fixed.x1(), leaf(fixed.edited0(), keep), leaf(fixed.edited1(), keep));
    }

    private static NDArray leaf(NDArray edit, NDManager keep) {
        NDArray a = edit.duplicate();
        a.attach(keep);
        a.setRequiresGradient(true);
        return a;
    }

    /**
     * The terms carry their gradient by a term of value zero, c - detach(c) with c = sum(x~ * dT/dx~) and T = adversarial
     * + beta * perceptual through the shared pass, so that eq. 8 is written once, for both judges, and its backward
     * gives T's gradient to the generator.
     */
    @Override
    public Verdict judge(Direction direction, BatchGroups groups, NDArray back) {
        int slot = BatchGroups.editedIndex(direction);
        NDArray logits = shared().logits();
        NDArray phi = shared().features();
        NDArray adversarial = GanLosses.crossEntropy(BatchGroups.group(logits, slot, BatchGroups.COUNT),
                DClass.realFaces(direction == Direction.ADD));
        NDArray perceptual = GanLosses.perceptual(BatchGroups.group(phi, BatchGroups.inputIndex(direction), BatchGroups.COUNT),
                BatchGroups.group(phi, slot, BatchGroups.COUNT));
        NDArray terms = adversarial.add(Scalars.mul(perceptual, beta));
        NDArray carried = groups.edited(direction).mul(gradientAtEdit(direction, terms)).sum();
        NDArray dual = back == null ? null : GanLosses.crossEntropy(BatchGroups.group(
                gan.judge(groups.withEdited(direction, back).batch(), true).logits(), slot, BatchGroups.COUNT),
                DClass.realFaces(direction == Direction.REMOVE));
        return new Verdict(adversarial.stopGradient().add(carried.sub(carried.stopGradient())), dual,
                perceptual.stopGradient());
    }

    /** Made in the first step, under its gradient collector, and kept in the iteration's manager. */
    private Judgement shared() {
        if (judged == null) {
            Judgement j = gan.judge(leaves.batch(), true);
            j.logits().attach(keep);
            j.features().attach(keep);
            judged = j;
        }
        return judged;
    }

    /** d(terms)/d(edit) through the shared pass, which is kept after G0's step and freed after G1's. */
    private NDArray gradientAtEdit(Direction direction, NDArray terms) {
        Torch.backward(terms, direction == Direction.ADD);
        NDArray gradient = leaves.edited(direction).getGradient().duplicate();
        for (NDArray leaf : new NDArray[] {leaves.edited0(), leaves.edited1()}) {
            NDArray grad = leaf.getGradient();
            grad.subi(grad);
        }
        return gradient;
    }
}
