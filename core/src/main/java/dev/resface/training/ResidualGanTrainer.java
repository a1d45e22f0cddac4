package dev.resface.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.resface.engine.Scalars;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.losses.ResidualNorm;
import dev.resface.engine.Torch;
import dev.resface.model.ChannelsLast;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Edit;
import dev.resface.model.ResidualGan.Judgement;
import dev.resface.model.Trainability;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One training iteration of docs/method.md, 3: D on l_D, then G0 on l_G0, then G1 on l_G1. Each generator is updated only by
 * its own loss; its dual term flows through the other generator, which is frozen for that step.
 *
 * <p>Like the usual PyTorch GAN loop, x~0 and x~1 are computed once per iteration: D learns them detached, then the
 * generator steps backpropagate through the same forward pass (after D's update), which saves two generator passes.
 */
public final class ResidualGanTrainer implements MethodTrainer {
    /** The three updates of an iteration, in order. */
    public enum Phase { D, G0, G1 }

    /** Told after each update; tests use it to see which parameters a phase changed. */
    @FunctionalInterface
    public interface PhaseListener {
        void after(Phase phase);
    }

    private final ResidualGan gan;
    private final Adam adamG0;
    private final Adam adamG1;
    private final Adam adamD;
    private final ResidualNorm norm;
    private final double alpha;
    private final double beta;
    private final double undoWeight;
    private final boolean dual;
    private final TrainConfig config;

    public ResidualGanTrainer(ResidualGan gan, TrainConfig config) {
        this.gan = gan;
        NDManager m = gan.manager();
        this.adamG0 = new Adam(gan.g0(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamG1 = new Adam(gan.g1(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamD = new Adam(gan.d(), m, config.discriminatorLearningRate(), config.adamBeta1(), config.adamBeta2());
        int size = gan.config().imageSize();
        this.norm = config.lossWeights().residualNorm();
        this.alpha = config.lossWeights().pixelWeight(config.attribute(), size);
        this.beta = config.lossWeights().effectiveBeta(config.attribute(), size);
        this.undoWeight = config.lossWeights().undoWeight(config.attribute(), size);
        this.dual = config.dual();
        this.config = config;
    }

    public ResidualGan gan() {
        return gan;
    }

    @Override
    public ResidualGan model() {
        return gan;
    }

    /** Adam states in the order G0, G1, D. */
    @Override
    public List<Optimizer> optimizers() {
        return List.of(adamG0, adamG1, adamD);
    }

    @Override
    public String describe() {
        return String.format("residual GAN: alpha %.3g, beta %.3g (%s residual norm)%s at %dpx", alpha, beta, norm,
                undoWeight > 0 ? String.format(", undo %.3g", undoWeight) : "", gan.config().imageSize());
    }

    @Override
    public StepLosses step(NDArray x0, NDArray x1) {
        return step(x0, x1, phase -> {});
    }

    /**
     * x0: images without the attribute, x1: with it, both (N,3,s,s) in [-1,1] on the model's device.
     *
     * <p>Each phase makes its arrays in a manager of its own, closed before its backward: DJL frees an array only
     * when its manager closes, and autograd keeps in its graph what the backward needs and frees it as it goes, as
     * in PyTorch. With one manager for the iteration, every activation of all three phases stayed to its end: peak
     * RSS at 128px, batch 8, was 2.27 GB against PyTorch's 1.41 GB.
     */
    public StepLosses step(NDArray images0, NDArray images1, PhaseListener listener) {
        try (NDManager scratch = images0.getManager().newSubManager()) {
            NDArray x0 = ChannelsLast.of(images0);
            NDArray x1 = ChannelsLast.of(images1);
            x0.attach(scratch);
            x1.attach(scratch);
            // Every Adam has made one update per iteration, checkpointed with it, so this is the iteration made now.
            double rate = config.rateScale(adamD.steps() + 1);
            Edit edit0;
            Edit edit1;
            float lossD;
            // Graphs recorded under a collector outlive it; updates must run outside one (no autograd on in-place ops).
            try (GradientCollector gc = collector()) {
                for (Block b : gan.blocks()) {
                    Trainability.set(b, true);
                }
                edit0 = editKept(gan.g0(), x0, scratch);
                edit1 = editKept(gan.g1(), x1, scratch);
                Trainability.set(gan.g0(), false);
                Trainability.set(gan.g1(), false);
                NDArray loss;
                try (NDManager phase = phaseOf(scratch, x0, x1, edit0.edited(), edit1.edited())) {
                    loss = discriminatorLoss(x0, x1, edit0.edited().stopGradient(), edit1.edited().stopGradient());
                    loss.attach(scratch);
                }
                gc.backward(loss);
                lossD = loss.getFloat();
            }
            adamD.step(scratch, rate);
            listener.after(Phase.D);

            Trainability.set(gan.d(), false);
            NDArray fixed0 = edit0.edited().stopGradient();
            NDArray fixed1 = edit1.edited().stopGradient();
            SharedJudgement shared = gan.config().discriminatorBatchNorm()
                    ? new SharedJudgement(new NDList(x0, x1, fixed0, fixed1), scratch) : null;
            float[] g0 = generatorStep(gan.g0(), gan.g1(), adamG0, edit0, 2,
                    new NDList(x0, x1, edit0.edited(), fixed1), DClass.REAL_POSITIVE, DClass.REAL_NEGATIVE, rate, scratch,
                    shared);
            listener.after(Phase.G0);
            float[] g1 = generatorStep(gan.g1(), gan.g0(), adamG1, edit1, 3,
                    new NDList(x0, x1, fixed0, edit1.edited()), DClass.REAL_NEGATIVE, DClass.REAL_POSITIVE, rate, scratch,
                    shared);
            listener.after(Phase.G1);
            gan.updateAverages();
            return StepLosses.residualGan(lossD, g0, g1);
        }
    }

    /** G's edit of x with its graph, the two outputs kept in {@code keep}, every other array of the pass closed. */
    private Edit editKept(Block generator, NDArray x, NDManager keep) {
        try (NDManager phase = phaseOf(keep, x)) {
            Edit e = gan.edit(generator, x, true);
            e.edited().attach(keep);
            e.residual().attach(keep);
            if (e.mask() != null) {
                e.mask().attach(keep);
            }
            return e;
        }
    }

    /**
     * A manager that the results of ops on {@code inputs} (nulls skipped) go to until it closes; the inputs go back
     * where they were.
     */
    private static NDManager phaseOf(NDManager parent, NDArray... inputs) {
        NDManager phase = parent.newSubManager();
        phase.tempAttachAll(Arrays.stream(inputs).filter(Objects::nonNull).toArray(NDArray[]::new));
        return phase;
    }

    /**
     * D learns from the four groups x0, x1, x~0, x~1 as one batch: with batch norm in D, a batch of a single class
     * would subtract exactly the feature that tells the classes apart (and without it, one batch is simply faster).
     */
    private NDArray discriminatorLoss(NDArray x0, NDArray x1, NDArray fake0, NDArray fake1) {
        NDArray logits = gan.judge(NDArrays.concat(new NDList(x0, x1, fake0, fake1)), true).logits();
        return GanLosses.discriminator(group(logits, 0, 4), group(logits, 1, 4), group(logits, 2, 4), group(logits, 3, 4));
    }

    /** Rows of group k of a batch made of {@code groups} equal groups. */
    private static NDArray group(NDArray batch, int k, int groups) {
        long n = batch.getShape().get(0) / groups;
        return batch.get("{}:{}", k * n, (k + 1) * n);
    }

    private static GradientCollector collector() {
        return Engine.getEngine("PyTorch").newGradientCollector();
    }

    /**
     * l_G = -log p_target(x~) + -log p_source(x^) + alpha l_pix + beta l_per, where x^ is the other (frozen)
     * generator's edit of x~: the dual term. {@code groups} are [x0, x1, x~0, x~1] with this generator's edit, the
     * one with a graph, at {@code slot}. With the undo term, this generator also edits the other's edit of the other
     * side, x~ at slot 5 - slot, back toward its real input at slot 3 - slot. Returns {total, adversarial, dual,
     * pixel, perceptual} and, with the undo term, undo.
     */
    private float[] generatorStep(Block g, Block other, Adam adam, Edit edit, int slot, NDList groups, DClass target,
            DClass source, double rate, NDManager scratch, SharedJudgement shared) {
        Trainability.set(g, true);
        Trainability.set(other, false);
        float[] values;
        try (GradientCollector gc = collector()) {
            NDList losses;
            NDArray objective;
            try (NDManager phase = phaseOf(scratch, groups.get(0), groups.get(1), groups.get(2), groups.get(3),
                    edit.edited(), edit.residual(), edit.mask())) {
                NDArray back = dual ? gan.edit(other, edit.edited(), true).edited() : null;
                NDArray adversarial;
                NDArray perceptual;
                NDArray dualLoss;
                NDArray carried = null;
                if (shared != null) {
                    adversarial = shared.adversarial(slot, target);
                    perceptual = shared.perceptual(slot);
                    // The gradient these terms send to the edit, carried into G through the edit's own graph.
                    NDArray terms = adversarial.add(Scalars.mul(perceptual, beta));
                    carried = edit.edited().mul(shared.gradientAtEdit(slot, terms)).sum();
                    NDList withBack = new NDList(groups);
                    withBack.set(slot, back);
                    dualLoss = dual ? GanLosses.crossEntropy(
                            group(gan.judge(NDArrays.concat(withBack), true).logits(), slot, 4), source) : null;
                } else {
                    Judged judged = judge(groups, slot, back);
                    adversarial = GanLosses.crossEntropy(judged.edited(), target);
                    perceptual = GanLosses.perceptual(judged.phiInput(), judged.phiEdited());
                    dualLoss = dual ? GanLosses.crossEntropy(judged.back(), source) : null;
                }
                NDArray pixel = edit.mask() != null ? GanLosses.maskSparsity(edit.mask()) : norm.of(edit.residual());
                NDArray total = GanLosses.generator(adversarial, dualLoss, pixel, perceptual, alpha, beta);
                // The other generator's edit of the other side, undone by this one: a pair whose truth is known.
                NDArray undo = undoWeight > 0
                        ? GanLosses.undo(gan.edit(g, groups.get(5 - slot), true).edited(), groups.get(3 - slot)) : null;
                if (undo != null) {
                    total = total.add(Scalars.mul(undo, undoWeight));
                }
                objective = total;
                if (carried != null) {
                    objective = carried.add(Scalars.mul(pixel, alpha));
                    objective = dualLoss == null ? objective : objective.add(dualLoss);
                    objective = undo == null ? objective : objective.add(Scalars.mul(undo, undoWeight));
                }
                losses = new NDList(total, adversarial, dualLoss == null ? adversarial.zerosLike() : dualLoss, pixel,
                        perceptual);
                if (undo != null) {
                    losses.add(undo);
                }
                losses.attach(scratch);
                objective.attach(scratch);
            }
            gc.backward(objective);
            values = new float[losses.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = losses.get(i).getFloat();
            }
        }
        adam.step(scratch, rate);
        return values;
    }

    /**
     * With batch norm in D, G0's adversarial and perceptual terms judge [x0, x1, x~0, x~1] and so do G1's, with the
     * same D and the same images (G1's step sees x~0 as it was made, before G0's update), so D makes that pass
     * once. Its edits are leaves: each step takes the gradient its own terms send to its edit, through the one pass
     * (kept for the second step), and carries it into its generator through the edit's graph. Same gradients as a
     * pass per step, one D forward of 4N images fewer an iteration; D's running statistics, which nothing reads (D
     * always judges in training mode), get one update fewer.
     */
    private final class SharedJudgement {
        private final NDList images;
        private final NDManager keep;
        private Judgement judged;

        SharedJudgement(NDList images, NDManager keep) {
            this.keep = keep;
            this.images = new NDList();
            for (int k = 0; k < images.size(); k++) {
                NDArray a = k >= 2 ? images.get(k).duplicate() : images.get(k);
                if (k >= 2) {
                    a.attach(keep);
                    a.setRequiresGradient(true);
                }
                this.images.add(a);
            }
        }

        /** Made in the first step, under its gradient collector, and kept in the iteration's manager. */
        private Judgement judged() {
            if (judged == null) {
                Judgement j = gan.judge(NDArrays.concat(images), true);
                j.logits().attach(keep);
                j.features().attach(keep);
                judged = j;
            }
            return judged;
        }

        NDArray adversarial(int slot, DClass target) {
            return GanLosses.crossEntropy(group(judged().logits(), slot, 4), target);
        }

        NDArray perceptual(int slot) {
            NDArray phi = judged().features();
            return GanLosses.perceptual(group(phi, slot - 2, 4), group(phi, slot, 4));
        }

        /** d(terms)/d(edit at slot) through the shared pass, which is kept after slot 2 and freed after slot 3. */
        NDArray gradientAtEdit(int slot, NDArray terms) {
            Torch.backward(terms, slot == 2);
            NDArray gradient = images.get(slot).getGradient().duplicate();
            for (int k = 2; k < images.size(); k++) {
                NDArray grad = images.get(k).getGradient();
                grad.subi(grad);
            }
            return gradient;
        }
    }

    /** D's logits of the edit and of its way back (null without the dual term), phi of the edit and of its input. */
    private record Judged(NDArray edited, NDArray back, NDArray phiEdited, NDArray phiInput) {}

    /**
     * Without batch norm D treats images one by one: the edit and its way back share one pass (1.3% faster an
     * iteration at 128px, batch 8, than two), and only phi of the input is computed besides.
     */
    private Judged judge(NDList groups, int slot, NDArray back) {
        NDArray edited = groups.get(slot);
        NDArray phiInput = gan.features(groups.get(slot - 2), true);
        if (back == null) {
            Judgement one = gan.judge(edited, true);
            return new Judged(one.logits(), null, one.features(), phiInput);
        }
        Judgement both = gan.judge(edited.concat(back), true);
        return new Judged(group(both.logits(), 0, 2), group(both.logits(), 1, 2), group(both.features(), 0, 2), phiInput);
    }
}
