package dev.resface.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Edit;
import dev.resface.model.ResidualGan.Judgement;
import dev.resface.model.Trainability;

/**
 * One training iteration of SPEC 3: D on l_D, then G0 on l_G0, then G1 on l_G1. Each generator is updated only by
 * its own loss; its dual term flows through the other generator, which is frozen for that step.
 *
 * <p>Like the usual PyTorch GAN loop, x~0 and x~1 are computed once per iteration: D learns them detached, then the
 * generator steps backpropagate through the same forward pass (after D's update), which saves two generator passes.
 */
public final class ResidualGanTrainer {
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
    private final double alpha;
    private final double beta;
    private final boolean dual;

    public ResidualGanTrainer(ResidualGan gan, TrainConfig config) {
        this.gan = gan;
        NDManager m = gan.manager();
        this.adamG0 = new Adam(gan.g0(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamG1 = new Adam(gan.g1(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        this.adamD = new Adam(gan.d(), m, config.learningRate(), config.adamBeta1(), config.adamBeta2());
        int size = gan.config().imageSize();
        this.alpha = config.lossWeights().effectiveAlpha(config.attribute(), size);
        this.beta = config.lossWeights().effectiveBeta(config.attribute(), size);
        this.dual = config.dual();
    }

    public ResidualGan gan() {
        return gan;
    }

    /** Adam states in the order G0, G1, D; the checkpoint stores them. */
    Adam[] optimizers() {
        return new Adam[] {adamG0, adamG1, adamD};
    }

    public StepLosses step(NDArray x0, NDArray x1) {
        return step(x0, x1, phase -> {});
    }

    /** x0: images without the attribute, x1: with it, both (N,3,s,s) in [-1,1] on the model's device. */
    public StepLosses step(NDArray x0, NDArray x1, PhaseListener listener) {
        try (NDManager scratch = x0.getManager().newSubManager()) {
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
                NDArray loss = GanLosses.discriminator(
                        gan.judge(x0, true).logits(), gan.judge(x1, true).logits(),
                        gan.judge(edit0.edited().stopGradient(), true).logits(),
                        gan.judge(edit1.edited().stopGradient(), true).logits());
                gc.backward(loss);
                lossD = loss.getFloat();
            }
            adamD.step(scratch);
            listener.after(Phase.D);

            Trainability.set(gan.d(), false);
            float[] g0 = generatorStep(gan.g0(), gan.g1(), adamG0, x0, edit0, DClass.REAL_POSITIVE, DClass.REAL_NEGATIVE, scratch);
            listener.after(Phase.G0);
            float[] g1 = generatorStep(gan.g1(), gan.g0(), adamG1, x1, edit1, DClass.REAL_NEGATIVE, DClass.REAL_POSITIVE, scratch);
            listener.after(Phase.G1);
            return new StepLosses(lossD, g0[0], g0[1], g0[2], g0[3], g0[4], g1[0], g1[1], g1[2], g1[3], g1[4]);
        }
    }

    private static GradientCollector collector() {
        return Engine.getEngine("PyTorch").newGradientCollector();
    }

    /**
     * l_G = -log p_target(x~) + -log p_source(x^) + alpha l_pix + beta l_per, where x^ is the other (frozen)
     * generator's edit of x~: the dual term. Returns {total, adversarial, dual, pixel, perceptual}.
     */
    private float[] generatorStep(Block g, Block other, Adam adam, NDArray x, Edit edit,
            DClass target, DClass source, NDManager scratch) {
        Trainability.set(g, true);
        Trainability.set(other, false);
        float[] values;
        try (GradientCollector gc = collector()) {
            values = generatorLoss(gc, other, x, edit, target, source);
        }
        adam.step(scratch);
        return values;
    }

    private float[] generatorLoss(GradientCollector gc, Block other, NDArray x, Edit edit, DClass target, DClass source) {
        Judgement judged = gan.judge(edit.edited(), true);
        NDArray adversarial = GanLosses.crossEntropy(judged.logits(), target);
        NDArray dualLoss = null;
        if (dual) {
            Edit back = gan.edit(other, edit.edited(), true);
            dualLoss = GanLosses.crossEntropy(gan.judge(back.edited(), true).logits(), source);
        }
        NDArray pixel = GanLosses.pixel(edit.residual());
        NDArray perceptual = GanLosses.perceptual(gan.features(x, true), judged.features());
        NDArray total = GanLosses.generator(adversarial, dualLoss, pixel, perceptual, alpha, beta);
        gc.backward(total);
        return new float[] {total.getFloat(), adversarial.getFloat(), dualLoss == null ? 0f : dualLoss.getFloat(),
                pixel.getFloat(), perceptual.getFloat()};
    }
}
