package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.experiment.Configuration;
import dev.resface.experiment.ExperimentReport;
import dev.resface.experiment.ExperimentRunner;
import dev.resface.experiment.RunResult;
import dev.resface.training.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "The paper's comparisons in one command: trains resface, its ablations (no residual, no dual),"
                + " the other residual norms, Table 1's D and VAE-GAN under one budget, for each seed; scores them all;"
                + " writes OUT/report.html and OUT/results.json. Resumable: rerun the same command to continue.")
final class ExperimentCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--attribute", required = true, description = "Eyeglasses, Mouth_Slightly_Open, Smiling, No_Beard, Male or Young")
    String attribute;

    @Option(names = "--out", defaultValue = "experiment", description = "experiment folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seeds", defaultValue = "1", description = "seeds 1..N for every configuration (default ${DEFAULT-VALUE}; one seed is not evidence)")
    int seeds;

    @Option(names = "--configurations", split = ",", description = "which to run, comma-separated (default all: "
            + "resface, no-residual, no-dual, l2-residual, no-sparsity, table1-d, table1-g, vae-gan, vae)")
    List<String> configurations;

    @Option(names = "--preset", defaultValue = "paper", description = "the shared budget's starting point: PAPER or CPU; flags override it")
    Preset preset;

    @Option(names = "--classifier", description = "classifier folder (resface classifier train) for success rates and the Male shift")
    Path classifier;

    @Option(names = "--faces-per-class", defaultValue = "0", description = "test faces per direction (default: all)")
    int perClass;

    @Mixin
    ModelOptions model;

    @Mixin
    TrainOptions train;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new BadInputException("--seeds must be at least 1, got " + seeds);
        }
        List<Configuration> chosen = OptionValues.checked(() -> configurations == null ? Configuration.standard()
                : Configuration.chosen(configurations));
        Torch.start();
        RunConfig base = OptionValues.checked(() -> model.runConfig(preset, train,
                FaceAttribute.parse(attribute), data.resolve()));
        ExperimentRunner.Options o = new ExperimentRunner.Options(base, chosen, seeds, classifier, perClass, out);
        List<RunResult> results = ExperimentRunner.run(o, System.err, r -> {});
        ExperimentReport.write(out, o, results);
        System.out.println("experiment: " + results.size() + " runs; " + out.resolve(ExperimentReport.HTML) + " and "
                + out.resolve(ExperimentReport.RESULTS));
        return 0;
    }
}
