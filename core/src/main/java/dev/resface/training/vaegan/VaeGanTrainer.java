package dev.resface.training.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.resface.data.Seeds;
import dev.resface.engine.Scalars;
import dev.resface.losses.VaeGanLosses;
import dev.resface.model.ChannelsLast;
import dev.resface.model.Trainability;
import dev.resface.model.vaegan.VaeGan;
import dev.resface.model.vaegan.VaeGanConfig;
import dev.resface.training.MethodTrainer;
import dev.resface.training.Optimizer;
import dev.resface.training.RmsProp;
import dev.resface.training.RunFolder;
import dev.resface.training.StepLosses;
import dev.resface.training.TrainConfig;
import dev.resface.training.TrainingData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One VAE-GAN iteration (Larsen et al. 2016, Algorithm 1, as the authors' code runs it): every network's gradient is
 * taken from its own share of the loss at the same weights (each share's inputs are computed before any network
 * steps), the encoder always steps, and the decoder and D step only while D's costs stay within the margin around the
 * equilibrium (the code's balancing rule). D judges real faces and prior samples, and reconstructions too only where
 * the settings ask for them (the paper's algorithm does, every script of the code does not).
 *
 * <p>The plain VAE (the floor of its reconstructions) runs the same encoder and decoder shares with the likelihood on
 * pixels, and no D.
 *
 * <p>VAE-GAN is unconditional: each batch is x0 and x1 together, so it sees both values of the attribute equally.
 * The noise of z's sampling and of the prior samples is a pure function of (seed, iteration), so resume is exact.
 */
public final class VaeGanTrainer implements MethodTrainer {
    private static final long NOISE_SALT = 0x7A_E6A9L;
    /** Enough for a visible direction in the sample grids while training; the final one uses many more. */
    private static final int INTERIM_FACES_PER_SIDE = 256;
    private final VaeGan vae;
    private final VaeGanConfig settings;
    private final TrainConfig config;
    private final RmsProp encoderStep;
    private final RmsProp decoderStep;
    private final RmsProp discriminatorStep;

    public VaeGanTrainer(VaeGan vae, TrainConfig config) {
        this.vae = vae;
        this.settings = vae.config();
        this.config = config;
        NDManager m = vae.manager();
        // The code adds 2 decay w to a gradient summed over its batch, here x0 and x1 (2 x batch faces); resface's
        // gradients are of batch means, so the same pull is 2 decay / (2 batch).
        double decay = settings.weightDecay() / config.batchSize();
        double rate = settings.learningRate();
        this.encoderStep = new RmsProp(vae.encoder(), m, rate, decay, vae.posteriorHead());
        this.decoderStep = new RmsProp(vae.decoder(), m, rate, decay, Set.of());
        this.discriminatorStep = new RmsProp(vae.discriminator(), m, rate, decay, Set.of());
    }

    @Override
    public VaeGan model() {
        return vae;
    }

    /** Encoder first: it steps every iteration, so its count is the iteration count. */
    @Override
    public List<Optimizer> optimizers() {
        return List.of(encoderStep, decoderStep, discriminatorStep);
    }

    @Override
    public StepLosses step(NDArray x0, NDArray x1) {
        long iteration = encoderStep.steps() + 1;
        double rate = config.rateScale(iteration);
        try (NDManager scratch = x0.getManager().newSubManager()) {
            NDArray x = ChannelsLast.of(NDArrays.concat(new NDList(x0, x1)));
            long n = x.getShape().get(0);
            NDArray eps = gaussian(scratch, iteration, 0, n);
            NDArray prior = gaussian(scratch, iteration, 1, n);

            // The encoder's share: L_prior + L_llike, through the frozen decoder and Dis_l.
            NDArray z;
            float priorLoss;
            float similarityLoss;
            try (GradientCollector gc = collector(vae.encoder())) {
                VaeGan.Posterior q = vae.encode(x, true);
                z = q.mean().add(Scalars.mul(q.logVariance(), 0.5).exp().mul(eps));
                NDArray kl = VaeGanLosses.prior(q.mean(), q.logVariance());
                NDArray similarity = similarity(vae.decode(z, true), x);
                gc.backward(VaeGanLosses.encoder(kl, similarity));
                priorLoss = kl.getFloat();
                similarityLoss = similarity.getFloat();
            }
            // Stepping now changes nothing the other shares see: they start from z, already computed.
            encoderStep.step(scratch, rate);
            z = z.stopGradient();
            Map<String, Float> losses = new LinkedHashMap<>();
            losses.put("loss_prior", priorLoss);
            losses.put("loss_llike", similarityLoss);
            if (settings.plainVae()) {
                try (GradientCollector gc = collector(vae.decoder())) {
                    gc.backward(similarity(vae.decode(z, true), x));
                }
                decoderStep.step(scratch, rate);
                return new StepLosses(losses);
            }

            // The decoder's share: gamma L_llike - (1 - gamma) L_GAN, on z without the encoder's gradient.
            NDArray generated;
            float realCost;
            float fakeCost;
            boolean decoderLearns;
            boolean discriminatorLearns;
            VaeGan.KeptStatistics posteriorStatistics;
            try (GradientCollector gc = collector(vae.decoder())) {
                NDArray similarity = similarity(vae.decode(z, true), x);
                posteriorStatistics = vae.keepDecoderStatistics(scratch);
                // As the code runs it: D's batches of generated faces decoded as one batch.
                generated = vae.decode(settings.judgeReconstructions() ? NDArrays.concat(new NDList(z, prior)) : prior,
                        true);
                NDArray logits = judge(x, generated);
                NDArray real = VaeGanLosses.realCost(logits.get("0:{}", n));
                NDArray fake = VaeGanLosses.fakeCost(logits.get("{}:", n));
                realCost = real.getFloat();
                fakeCost = fake.getFloat();
                Updates updates = balance(realCost, fakeCost, settings);
                decoderLearns = updates.decoder();
                discriminatorLearns = updates.discriminator();
                if (decoderLearns) {
                    NDArray generatedCost = Scalars.mul(fake, generated.getShape().get(0) / n);
                    gc.backward(VaeGanLosses.decoder(similarity, generatedCost, vae.reconstructionWeight()));
                }
            }
            posteriorStatistics.restore();
            if (decoderLearns) {
                decoderStep.step(scratch, rate);
            }

            // D's share: L_GAN on the same real, reconstructed and sampled faces.
            float discriminatorLoss = Float.NaN;
            if (discriminatorLearns) {
                try (GradientCollector gc = collector(vae.discriminator())) {
                    NDArray logits = judge(x, generated.stopGradient());
                    NDArray loss = VaeGanLosses.discriminator(VaeGanLosses.realCost(logits.get("0:{}", n)),
                            VaeGanLosses.fakeCost(logits.get("{}:", n)), settings.realWeight());
                    gc.backward(loss);
                    discriminatorLoss = loss.getFloat();
                }
                discriminatorStep.step(scratch, rate);
            }
            losses.put("loss_D", discriminatorLearns ? discriminatorLoss
                    : (float) (settings.realWeight() * realCost + (1 - settings.realWeight()) * fakeCost));
            losses.put("D_cost_real", realCost);
            losses.put("D_cost_fake", fakeCost);
            losses.put("update_decoder", decoderLearns ? 1f : 0f);
            losses.put("update_D", discriminatorLearns ? 1f : 0f);
            return new StepLosses(losses);
        }
    }

    /**
     * D's logits of real faces, then of generated ones, each group in its own pass so that D's batch norm takes its
     * statistics from one kind of face, as DCGAN trains its D. The authors' code judges them as one batch; measured
     * here (32px, batch 16 + 16), D's cost on real faces then fell below the margin within 10 iterations, the rule
     * paused D in 98-100% of the first 600, and the decoder drew adversarial stripes. In two passes D learned in 80%
     * of them, both costs stayed near 0.4, and face shapes formed.
     */
    private NDArray judge(NDArray real, NDArray generated) {
        return NDArrays.concat(new NDList(vae.realLogit(real, true), vae.realLogit(generated, true)));
    }

    /** Which of decoder and D step this iteration. */
    record Updates(boolean decoder, boolean discriminator) {}

    /**
     * The code's balance: D pauses while it wins too clearly (a cost below equilibrium - margin), the decoder while
     * it loses too clearly (a cost above equilibrium + margin); if both would pause, both learn.
     */
    static Updates balance(double realCost, double fakeCost, VaeGanConfig s) {
        double low = s.equilibrium() - s.margin();
        double high = s.equilibrium() + s.margin();
        boolean discriminator = realCost >= low && fakeCost >= low;
        boolean decoder = realCost <= high && fakeCost <= high;
        return discriminator || decoder ? new Updates(decoder, discriminator) : new Updates(true, true);
    }

    /**
     * L_llike between Dis_l of the reconstructions and of the real faces, judged together as the code does; for the
     * plain VAE, between the pixels.
     */
    private NDArray similarity(NDArray reconstructed, NDArray x) {
        if (settings.plainVae()) {
            return VaeGanLosses.similarity(reconstructed, x);
        }
        long n = x.getShape().get(0);
        NDArray features = vae.similarityFeatures(NDArrays.concat(new NDList(reconstructed, x)), true);
        return VaeGanLosses.similarity(features.get("0:{}", n), features.get("{}:", n));
    }

    private NDArray gaussian(NDManager scratch, long iteration, int stream, long n) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(config.seed(), NOISE_SALT, iteration, stream));
        float[] values = new float[(int) n * settings.latentSize()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return scratch.create(values, new Shape(n, settings.latentSize()));
    }

    /** A collector under which only {@code learner}'s parameters take gradients. */
    private GradientCollector collector(Block learner) {
        for (Block b : vae.blocks()) {
            Trainability.set(b, b == learner);
        }
        return Engine.getEngine("PyTorch").newGradientCollector();
    }

    @Override
    public String describe() {
        if (settings.plainVae()) {
            return String.format("plain VAE: z %d, Gaussian likelihood on pixels, no D, RMSProp %.1e",
                    settings.latentSize(), settings.learningRate());
        }
        return String.format("VAE-GAN: z %d, gamma %.1e, real weight %.2f, equilibrium %.2f +- %.2f, RMSProp %.1e",
                settings.latentSize(), vae.reconstructionWeight(), settings.realWeight(), settings.equilibrium(),
                settings.margin(), settings.learningRate());
    }

    @Override
    public void readyToEdit(TrainingData data) {
        AttributeDirection.compute(vae, data, INTERIM_FACES_PER_SIDE);
    }

    @Override
    public void finish(TrainingData data, RunFolder folder) throws IOException {
        AttributeDirection.compute(vae, data, AttributeDirection.MAX_FACES_PER_SIDE).save(AttributeDirection.in(folder));
    }
}
