package dev.resface.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.losses.ResidualNorm;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Edit;
import dev.resface.model.ResidualGan.Judgement;
import dev.resface.model.Trainability;
import java.util.List;
import java.util.function.Function;

/**
 * One training iteration of SPEC 3: D on l_D, then G0 on l_G0, then G1 on l_G1. Each generator is updated only by
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
        this.alpha = norm.weight(config.lossWeights().effectiveAlpha(config.attribute(), size));
        this.beta = config.lossWeights().effectiveBeta(config.attribute(), size);
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
        return String.format("residual GAN: alpha %.3g, beta %.3g (%s residual norm) at %dpx", alpha, beta, norm,
                gan.config().imageSize());
    }

    @Override
    public StepLosses step(NDArray x0, NDArray x1) {
        return step(x0, x1, phase -> {});
    }

    /** x0: images without the attribute, x1: with it, both (N,3,s,s) in [-1,1] on the model's device. */
    public StepLosses step(NDArray x0, NDArray x1, PhaseListener listener) {
        try (NDManager scratch = x0.getManager().newSubManager()) {
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
                edit0 = gan.edit(gan.g0(), x0, true);
                edit1 = gan.edit(gan.g1(), x1, true);
                Trainability.set(gan.g0(), false);
                Trainability.set(gan.g1(), false);
                NDArray loss = discriminatorLoss(x0, x1, edit0.edited().stopGradient(), edit1.edited().stopGradient());
                gc.backward(loss);
                lossD = loss.getFloat();
            }
            adamD.step(scratch, rate);
            listener.after(Phase.D);

            Trainability.set(gan.d(), false);
            NDArray fixed0 = edit0.edited().stopGradient();
            NDArray fixed1 = edit1.edited().stopGradient();
            float[] g0 = generatorStep(gan.g0(), gan.g1(), adamG0, edit0, 2,
                    f -> new NDList(x0, x1, f, fixed1), DClass.REAL_POSITIVE, DClass.REAL_NEGATIVE, rate, scratch);
            listener.after(Phase.G0);
            float[] g1 = generatorStep(gan.g1(), gan.g0(), adamG1, edit1, 3,
                    f -> new NDList(x0, x1, fixed0, f), DClass.REAL_NEGATIVE, DClass.REAL_POSITIVE, rate, scratch);
            listener.after(Phase.G1);
            return StepLosses.residualGan(lossD, g0, g1);
        }
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
     * generator's edit of x~: the dual term. {@code batchWith} places an image batch at group {@code slot} among the
     * other groups D sees. Returns {total, adversarial, dual, pixel, perceptual}.
     */
    private float[] generatorStep(Block g, Block other, Adam adam, Edit edit, int slot,
            Function<NDArray, NDList> batchWith, DClass target, DClass source, double rate, NDManager scratch) {
        Trainability.set(g, true);
        Trainability.set(other, false);
        float[] values;
        try (GradientCollector gc = collector()) {
            NDList judged = judgeInContext(batchWith.apply(edit.edited()), slot);
            NDArray adversarial = GanLosses.crossEntropy(judged.get(0), target);
            NDArray dualLoss = null;
            if (dual) {
                Edit back = gan.edit(other, edit.edited(), true);
                dualLoss = GanLosses.crossEntropy(judgeInContext(batchWith.apply(back.edited()), slot).get(0), source);
            }
            NDArray pixel = norm.of(edit.residual());
            NDArray perceptual = GanLosses.perceptual(judged.get(2), judged.get(1));
            NDArray total = GanLosses.generator(adversarial, dualLoss, pixel, perceptual, alpha, beta);
            gc.backward(total);
            values = new float[] {total.getFloat(), adversarial.getFloat(), dualLoss == null ? 0f : dualLoss.getFloat(),
                    pixel.getFloat(), perceptual.getFloat()};
        }
        adam.step(scratch, rate);
        return values;
    }

    /**
     * {logits, phi} of group {@code slot} of [x0, x1, x~0, x~1], and phi of the unedited input that group was made
     * from (group slot - 2). With batch norm in D the four groups go through D together, so it judges with the
     * statistics it learned with; without, D treats images one by one and only the two groups needed are computed.
     */
    private NDList judgeInContext(NDList groups, int slot) {
        if (gan.config().discriminatorBatchNorm()) {
            Judgement all = gan.judge(NDArrays.concat(groups), true);
            return new NDList(group(all.logits(), slot, 4), group(all.features(), slot, 4), group(all.features(), slot - 2, 4));
        }
        Judgement one = gan.judge(groups.get(slot), true);
        return new NDList(one.logits(), one.features(), gan.features(groups.get(slot - 2), true));
    }
}
