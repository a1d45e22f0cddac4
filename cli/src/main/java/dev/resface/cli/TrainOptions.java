package dev.resface.cli;

import dev.resface.data.FaceAttribute;
import dev.resface.losses.ResidualNorm;
import dev.resface.training.LossWeights;
import dev.resface.training.TrainConfig;
import picocli.CommandLine.Option;

/** Flags of the optimisation; unset ones come from the preset. */
final class TrainOptions {
    @Option(names = "--iterations", description = "training iterations")
    Long iterations;

    @Option(names = "--batch", description = "batch size per side (x0 and x1 each; paper: 64)")
    Integer batch;

    @Option(names = "--lr", description = "Adam learning rate for G and D (default ${DEFAULT-VALUE})", defaultValue = "2e-4")
    double learningRate;

    @Option(names = "--lr-d", description = "D's own learning rate (default: --lr, the paper's one rate for all three)")
    Double discriminatorLearningRate;

    @Option(names = "--lr-decay-from", description = "from this fraction of the iterations on, every learning rate falls"
            + " linearly to zero at the end (default: the preset's; PAPER: none, CPU: 0.5)")
    Double decayFrom;

    @Option(names = "--constant-lr", description = "the paper's constant learning rates, whatever the preset")
    boolean constantRates;

    @Option(names = "--adam-beta1", defaultValue = "0.5", description = "Adam beta1 (default ${DEFAULT-VALUE})")
    double beta1;

    @Option(names = "--adam-beta2", defaultValue = "0.999", description = "Adam beta2 (default ${DEFAULT-VALUE})")
    double beta2;

    @Option(names = "--alpha", description = "residual sparsity weight, as a 128px value (default: 5e-4 local, 1e-6 global attributes)")
    Double alpha;

    @Option(names = "--beta", description = "perceptual weight, as a 128px value (default 0.1 * alpha)")
    Double beta;

    @Option(names = "--no-size-scaling", description = "use --alpha/--beta as given instead of scaling them by (128/size)^2")
    boolean noSizeScaling;

    @Option(names = "--residual-norm", description = "norm of the residual sparsity term: l1 (paper), l2 (sqrt(P) times the"
            + " Euclidean norm, equal to l1 on a uniform residual, so --alpha keeps its meaning), log (0.1 log(1 + 10 |r|)"
            + " per value: l1 for faint changes, little more for a large one) or none")
    String residualNorm;

    @Option(names = "--undo", description = "weight of the undo term (not the paper's) as a multiple of alpha: each G"
            + " also undoes the other's edit of a real face, whose truth is that face (default: off)")
    Double undo;

    @Option(names = "--r1", paramLabel = "GAMMA", description = "the R1 penalty on D (not the paper's; StarGAN v2 and"
            + " HiSD use it): GAMMA/2 times the squared norm of the gradient of D's verdict on each real face with"
            + " respect to that face; 0: none (default: the preset's; PAPER: none, CPU: 1, as StarGAN v2)")
    Double r1;

    @Option(names = "--no-dual", description = "ablation: drop the dual-learning loss")
    boolean noDual;

    @Option(names = "--seed", defaultValue = "1", description = "seed of initialisation and data order (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sample-every", description = "write a sample grid every N iterations")
    Integer sampleEvery;

    @Option(names = "--checkpoint-every", description = "write a checkpoint every N iterations")
    Integer checkpointEvery;

    @Option(names = "--log-every", defaultValue = "10", description = "append to metrics.jsonl every N iterations (default ${DEFAULT-VALUE})")
    int logEvery;

    TrainConfig resolve(Preset preset, FaceAttribute attribute) {
        Double a = alpha != null ? alpha : preset.alpha128(attribute);
        return new TrainConfig(attribute,
                iterations != null ? iterations : preset.iterations(),
                batch != null ? batch : preset.batchSize(),
                learningRate, discriminatorLearningRate, beta1, beta2,
                new LossWeights(a, beta, !noSizeScaling, residualNorm == null ? null : ResidualNorm.parse(residualNorm),
                        undo == null || undo == 0 ? null : undo, r1 == null ? preset.r1() : r1 == 0 ? null : r1),
                !noDual, constantRates ? null : decayFrom != null ? decayFrom : preset.decayFrom(), seed,
                sampleEvery != null ? sampleEvery : preset.sampleEvery(),
                checkpointEvery != null ? checkpointEvery : preset.checkpointEvery(),
                logEvery);
    }
}
