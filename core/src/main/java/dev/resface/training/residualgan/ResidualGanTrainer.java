package dev.resface.training.residualgan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.resface.engine.Scalars;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.losses.ResidualNorm;
import dev.resface.model.ChannelsLast;
import dev.resface.model.Direction;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Edit;
import dev.resface.model.Trainability;
import dev.resface.training.Adam;
import dev.resface.training.MethodTrainer;
import dev.resface.training.Optimizer;

import dev.resface.training.StepLosses;
import dev.resface.training.TrainConfig;
import dev.resface.training.residualgan.ResidualGanLosses.DiscriminatorLosses;
import dev.resface.training.residualgan.ResidualGanLosses.GeneratorLosses;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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
    private final Adam adamRegionD; // null without a region D
    private final ResidualNorm norm;
    private final double alpha;
    private final double beta;
    private final double undoWeight;
    private final double r1Weight;
    private final boolean dual;
    private final TrainConfig config;

    public ResidualGanTrainer(ResidualGan gan, TrainConfig config) {
        this.gan = gan;
        NDManager m = gan.manager();
        this.adamG0 = new Adam(gan.g0(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamG1 = new Adam(gan.g1(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamD = new Adam(gan.d(), m, config.discriminatorLearningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamRegionD = gan.regionD() == null ? null
                : new Adam(gan.regionD(), m, config.discriminatorLearningRate(), config.adamBeta1(), config.adamBeta2());
        int size = gan.config().imageSize();
        this.norm = config.lossWeights().residualNorm();
        this.alpha = config.lossWeights().pixelWeight(config.attribute(), size);
        this.beta = config.lossWeights().effectiveBeta(config.attribute(), size);
        this.undoWeight = config.lossWeights().undoWeight(config.attribute(), size);
        this.r1Weight = config.lossWeights().r1Weight();
        this.dual = config.dual();
        this.config = config;
    }

    @Override
    public ResidualGan model() {
        return gan;
    }

    /** Adam states in the order G0, G1, D, then the region D's where there is one. */
    @Override
    public List<Optimizer> optimizers() {
        return adamRegionD == null ? List.of(adamG0, adamG1, adamD) : List.of(adamG0, adamG1, adamD, adamRegionD);
    }

    @Override
    public String describe() {
        return String.format("residual GAN: alpha %.3g, beta %.3g (%s residual norm)%s%s at %dpx", alpha, beta, norm,
                undoWeight > 0 ? String.format(", undo %.3g", undoWeight) : "",
                (gan.regionD() == null ? "" : ", region D") + (r1Weight > 0 ? String.format(", R1 %.3g", r1Weight) : ""),
                gan.config().imageSize());
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
     * in PyTorch; with one manager for the iteration, every activation of all three phases would stay to its end.
     */
    public StepLosses step(NDArray images0, NDArray images1, PhaseListener listener) {
        try (NDManager scratch = images0.getManager().newSubManager()) {
            NDArray x0 = ChannelsLast.of(images0);
            NDArray x1 = ChannelsLast.of(images1);
            x0.attach(scratch);
            x1.attach(scratch);
            // Every Adam has made one update per iteration, checkpointed with it, so this is the iteration made now.
            double rate = config.rateScale(adamD.steps() + 1);

            // ---- Both edits, once: x~0 = x0 + G0(x0), x~1 = x1 + G1(x1); D learns them detached, G through them.
            Edit edit0;
            Edit edit1;
            DiscriminatorLosses lossesD;
            // Graphs recorded under a collector outlive it; updates must run outside one (no autograd on in-place ops).
            try (GradientCollector gc = collector()) {
                for (Block b : gan.blocks()) {
                    Trainability.set(b, true);
                }
                edit0 = editKept(gan.g0(), x0, scratch);
                edit1 = editKept(gan.g1(), x1, scratch);
                Trainability.set(gan.g0(), false);
                Trainability.set(gan.g1(), false);

                // ---- D (eq. 9): x0 as real without, x1 as real with the attribute, both edits as generated.
                NDArray loss;
                NDArray regionLoss;
                NDArray r1;
                NDArray total;
                try (NDManager phase = phaseOf(scratch, x0, x1, edit0.edited(), edit1.edited())) {
                    // First: its double backward leaves D's gradients to be cleared before D's loss adds to them.
                    r1 = r1Weight > 0 ? R1Penalty.of(gan, x0, x1, r1Weight) : null;
                    BatchGroups groups = new BatchGroups(x0, x1, edit0.edited().stopGradient(),
                            edit1.edited().stopGradient());
                    loss = discriminatorLoss(groups);
                    regionLoss = gan.regionD() == null ? null : regionDiscriminatorLoss(groups);
                    total = Stream.of(regionLoss, r1).filter(Objects::nonNull).reduce(loss, NDArray::add);
                    new NDList(Stream.of(total, loss, regionLoss, r1).filter(Objects::nonNull).toArray(NDArray[]::new))
                            .attach(scratch);
                }
                gc.backward(total);
                lossesD = new DiscriminatorLosses(loss.getFloat(), regionLoss == null ? null : regionLoss.getFloat(),
                        r1 == null ? null : r1.getFloat());
            }
            adamD.step(scratch, rate);
            if (adamRegionD != null) {
                adamRegionD.step(scratch, rate);
            }
            listener.after(Phase.D);

            // ---- G0, then G1 (eq. 8), each through its own edit, the other generator and the Ds frozen.
            Trainability.set(gan.d(), false);
            if (gan.regionD() != null) {
                Trainability.set(gan.regionD(), false);
            }
            NDArray fixed0 = edit0.edited().stopGradient();
            NDArray fixed1 = edit1.edited().stopGradient();
            Judge judge = gan.config().discriminatorBatchNorm()
                    ? new SharedJudge(gan, new BatchGroups(x0, x1, fixed0, fixed1), beta, scratch)
                    : new SeparateJudge(gan);
            GeneratorLosses g0 = generatorStep(Direction.ADD, edit0, new BatchGroups(x0, x1, edit0.edited(), fixed1),
                    judge, rate, scratch);
            listener.after(Phase.G0);
            GeneratorLosses g1 = generatorStep(Direction.REMOVE, edit1, new BatchGroups(x0, x1, fixed0, edit1.edited()),
                    judge, rate, scratch);
            listener.after(Phase.G1);
            gan.updateAverages();
            return ResidualGanLosses.of(lossesD, g0, g1);
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
     * D learns from the four groups as one batch: with batch norm in D, a batch of a single class would subtract
     * exactly the feature that tells the classes apart (and without it, one batch is simply faster).
     */
    private NDArray discriminatorLoss(BatchGroups groups) {
        return eq9(gan.judge(groups.batch(), true).logits());
    }

    /** eq. 9 again, for the region D, on the same four groups' regions, patch by patch. */
    private NDArray regionDiscriminatorLoss(BatchGroups groups) {
        return eq9(gan.judgeRegion(groups.batch(), true));
    }

    /** @param logits of the four groups, in {@link BatchGroups}' order */
    private static NDArray eq9(NDArray logits) {
        return GanLosses.discriminator(groupOf(logits, BatchGroups.inputIndex(Direction.ADD)),
                groupOf(logits, BatchGroups.inputIndex(Direction.REMOVE)),
                groupOf(logits, BatchGroups.editedIndex(Direction.ADD)),
                groupOf(logits, BatchGroups.editedIndex(Direction.REMOVE)));
    }

    private static NDArray groupOf(NDArray batch, int index) {
        return BatchGroups.group(batch, index, BatchGroups.COUNT);
    }

    private static GradientCollector collector() {
        return Engine.getEngine("PyTorch").newGradientCollector();
    }

    /**
     * One generator's update on l_G = -log p_target(x~) + -log p_source(x^) + alpha l_pix + beta l_per (eq. 8), where
     * x^ is the other (frozen) generator's edit of x~: the dual term. With the undo term, this generator also edits
     * the other's edit of the other side back toward that side's real faces.
     *
     * @param groups x0, x1 and both edits, this generator's with its graph
     */
    private GeneratorLosses generatorStep(Direction direction, Edit edit, BatchGroups groups, Judge judge, double rate,
            NDManager scratch) {
        Block g = gan.generator(direction);
        Block other = gan.generator(direction.opposite());
        Trainability.set(g, true);
        Trainability.set(other, false);
        GeneratorLosses values;
        try (GradientCollector gc = collector()) {
            NDList losses;
            NDArray total;
            NDArray region;
            NDArray undo;
            try (NDManager phase = phaseOf(scratch, groups.x0(), groups.x1(), groups.edited0(), groups.edited1(),
                    edit.edited(), edit.residual(), edit.mask())) {
                NDArray back = dual ? gan.edit(other, edit.edited(), true).edited() : null;
                Judge.Verdict verdict = judge.judge(direction, groups, back);
                NDArray pixel = edit.mask() != null ? GanLosses.maskSparsity(edit.mask()) : norm.of(edit.residual());
                total = GanLosses.generator(verdict.adversarial(), verdict.dual(), pixel, verdict.perceptual(), alpha, beta);
                // The region D's verdict on the edit's region, weighed as D's own adversarial term.
                region = gan.regionD() == null ? null : GanLosses.crossEntropy(
                        gan.judgeRegion(edit.edited(), true), DClass.realFaces(direction == Direction.ADD));
                if (region != null) {
                    total = total.add(region);
                }
                // The other generator's edit of the other side, undone by this one: a pair whose truth is known.
                Direction otherSide = direction.opposite();
                undo = undoWeight > 0
                        ? GanLosses.undo(gan.edit(g, groups.edited(otherSide), true).edited(), groups.input(otherSide))
                        : null;
                if (undo != null) {
                    total = total.add(Scalars.mul(undo, undoWeight));
                }
                losses = new NDList(total, verdict.adversarial(),
                        verdict.dual() == null ? verdict.adversarial().zerosLike() : verdict.dual(), pixel,
                        verdict.perceptual());
                losses.attach(scratch);
                for (NDArray optional : new NDArray[] {undo, region}) {
                    if (optional != null) {
                        optional.attach(scratch);
                    }
                }
            }
            gc.backward(total);
            values = new GeneratorLosses(losses.get(0).getFloat(), losses.get(1).getFloat(), losses.get(2).getFloat(),
                    losses.get(3).getFloat(), losses.get(4).getFloat(), undo == null ? null : undo.getFloat(),
                    region == null ? null : region.getFloat());
        }
        (direction == Direction.ADD ? adamG0 : adamG1).step(scratch, rate);
        return values;
    }
}
