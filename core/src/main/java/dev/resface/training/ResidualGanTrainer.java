package dev.resface.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Edit;
import dev.resface.model.ResidualGan.Judgement;
import dev.resface.model.Trainability;
import ai.djl.nn.Block;

/**
 * One training iteration of SPEC 3: D on l_D, then G0 on l_G0, then G1 on l_G1. Each generator is updated only by
 * its own loss; its dual term flows through the other generator, which is frozen for that step.
 */
public final class ResidualGanTrainer {
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
    public Adam[] optimizers() {
        return new Adam[] {adamG0, adamG1, adamD};
    }

    /** x0: images without the attribute, x1: with it, both (N,3,s,s) in [-1,1] on the model's device. */
    public StepLosses step(NDArray x0, NDArray x1) {
        try (NDManager scratch = x0.getManager().newSubManager()) {
            float lossD = stepDiscriminator(x0, x1, scratch);
            float[] g0 = stepGenerator(gan.g0(), gan.g1(), adamG0, x0, DClass.REAL_POSITIVE, DClass.REAL_NEGATIVE, scratch);
            float[] g1 = stepGenerator(gan.g1(), gan.g0(), adamG1, x1, DClass.REAL_NEGATIVE, DClass.REAL_POSITIVE, scratch);
            return new StepLosses(lossD, g0[0], g0[1], g0[2], g0[3], g0[4], g1[0], g1[1], g1[2], g1[3], g1[4]);
        }
    }

    float stepDiscriminator(NDArray x0, NDArray x1, NDManager scratch) {
        trainOnly(gan.d());
        // Outside a gradient collector libtorch records no graph: the generated images come in as constants.
        NDArray fake0 = gan.edit(gan.g0(), x0, true).edited();
        NDArray fake1 = gan.edit(gan.g1(), x1, true).edited();
        float value;
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray loss = GanLosses.discriminator(
                    gan.judge(x0, true).logits(), gan.judge(x1, true).logits(),
                    gan.judge(fake0, true).logits(), gan.judge(fake1, true).logits());
            gc.backward(loss);
            value = loss.getFloat();
        }
        adamD.step(scratch);
        return value;
    }

    /**
     * l_G = -log p_target(x~) + -log p_source(x^) + alpha l_pix + beta l_per, where x^ is the other generator's
     * edit of x~ (the dual term). Returns {total, adversarial, dual, pixel, perceptual}.
     */
    float[] stepGenerator(Block g, Block other, Adam adam, NDArray x, DClass target, DClass source, NDManager scratch) {
        trainOnly(g);
        float[] out = new float[5];
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            Edit edit = gan.edit(g, x, true);
            Judgement judged = gan.judge(edit.edited(), true);
            NDArray adversarial = GanLosses.crossEntropy(judged.logits(), target);
            NDArray dualLoss = null;
            if (dual) {
                Edit back = gan.edit(other, edit.edited(), true);
                dualLoss = GanLosses.crossEntropy(gan.judge(back.edited(), true).logits(), source);
            }
            NDArray pixel = GanLosses.pixel(edit.residual());
            NDArray perceptual = GanLosses.perceptual(gan.judge(x, true).features(), judged.features());
            NDArray total = GanLosses.generator(adversarial, dualLoss, pixel, perceptual, alpha, beta);
            gc.backward(total);
            out[0] = total.getFloat();
            out[1] = adversarial.getFloat();
            out[2] = dualLoss == null ? 0f : dualLoss.getFloat();
            out[3] = pixel.getFloat();
            out[4] = perceptual.getFloat();
        }
        adam.step(scratch);
        return out;
    }

    /** Gradients flow only into the block being updated; the others act as fixed functions this step. */
    private void trainOnly(Block learner) {
        for (Block b : gan.blocks()) {
            Trainability.set(b, b == learner);
        }
    }
}
