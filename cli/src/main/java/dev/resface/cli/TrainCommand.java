package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.classifier.AttributeClassifier;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.evaluation.HeldOutScorer;
import dev.resface.training.CelebaTrainingData;
import dev.resface.training.Methods;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainConfig;
import dev.resface.training.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an editor of one attribute, both ways; resumable. The residual GAN trains G0 (add), G1 (remove)"
                + " and D; --method vae-gan trains its baseline.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--attribute", required = true, description = "Eyeglasses, Mouth_Slightly_Open, Smiling, No_Beard, Male or Young")
    String attribute;

    @Option(names = "--out", required = true, description = "run folder (config.json, metrics.jsonl, samples/, checkpoint.bin)")
    Path out;

    @Option(names = "--preset", defaultValue = "paper", description = "PAPER (128px, width 1, batch 64) or CPU (64px, width 0.5, batch 8); flags override it")
    Preset preset;

    @Option(names = "--resume", description = "continue the run in --out from its checkpoint (with its own configuration; --iterations may extend it)")
    boolean resume;

    /** Each method's own line, set by {@link Main} from {@link Methods#help()}. */
    static final String METHODS_HELP = "resface.methods";

    @Option(names = "--method", description = "${sys:" + METHODS_HELP + "}")
    String method;

    @Mixin
    ModelOptions model;

    @Mixin
    TrainOptions train;

    @Option(names = "--score-every", description = "score the edits of the held-out test faces every N iterations into"
            + " scores.jsonl and scores.png (ground truth where the data has pairs, success rate with --classifier)")
    Integer scoreEvery;

    @Option(names = "--classifier", description = "classifier folder for the success rate of --score-every")
    Path classifier;

    @Override
    public Integer call() throws Exception {
        if (scoreEvery != null && scoreEvery < 1) {
            throw new BadInputException("--score-every must be a positive number of iterations, got " + scoreEvery);
        }
        if (classifier != null && scoreEvery == null) {
            throw new BadInputException("--classifier gives the success rate of --score-every: add --score-every N");
        }
        if (!resume) {
            new RunFolder(out).requireNoTrainedRun();
        }
        Torch.start();
        RunConfig config = OptionValues.checked(() -> resume ? resumedConfig() : model.runConfig(preset, train,
                FaceAttribute.parse(attribute), data.resolve())
                .withMethod(method == null ? Methods.byDefault().id() : Methods.byId(method).id()));
        TrainConfig t = config.train();
        CelebaTrainingData trainingData = new CelebaTrainingData(config.data(), t.attribute(),
                config.model().imageSize(), t.batchSize(), t.seed());
        TrainingRun run = new TrainingRun(config, new RunFolder(out), trainingData, System.err);
        if (scoreEvery == null) {
            run.run(resume);
        } else {
            try (AttributeClassifier c = classifier == null ? null : AttributeClassifier.open(classifier)) {
                run.scoredBy(new HeldOutScorer(trainingData.dataset(), trainingData.cache(), t.attribute(), c,
                        classifier, 0, t.seed()), scoreEvery).run(resume);
            }
        }
        System.err.printf("done: %d iterations; checkpoint, samples and losses.png in %s%n", t.iterations(), out);
        return 0;
    }

    private RunConfig resumedConfig() {
        if (!Files.exists(out.resolve(RunConfig.FILE))) {
            throw BadInputException.at(out, "nothing to resume: no " + RunConfig.FILE + " here");
        }
        RunConfig stored = RunConfig.read(out);
        if (!FaceAttribute.parse(attribute).equals(stored.train().attribute())) {
            throw BadInputException.at(out.resolve(RunConfig.FILE), "this run trains " + stored.train().attribute().celebaName()
                    + ", not " + attribute);
        }
        if (method != null && !Methods.byId(method).id().equals(stored.method())) {
            throw BadInputException.at(out.resolve(RunConfig.FILE), "this run trains with " + stored.method()
                    + ", not " + method + "; resume it without --method");
        }
        long iterations = train.iterations != null ? train.iterations : stored.train().iterations();
        return stored.withIterations(iterations);
    }
}
