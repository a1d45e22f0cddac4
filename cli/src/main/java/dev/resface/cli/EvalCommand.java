package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.evaluation.EditReport;
import dev.resface.evaluation.RunEvaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a trained run's edits on balanced test faces: classifier success rate, change outside the"
                + " attribute region, identity kept (face-api), distance to true counterparts where the dataset has them. Writes"
                + " RUN/eval/report.html and metrics.json.",
        subcommands = {EvalLandmarksCommand.class})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", description = "trained run folder")
    Path run;

    @Option(names = "--data", description = "dataset in aligned-CelebA layout")
    Path data;

    @Mixin
    SkipBadOption skipBad;

    @Option(names = "--classifier", description = "classifier folder from 'resface classifier train' (without it,"
            + " no success rate)")
    Path classifierDir;

    @Option(names = "--per-class", defaultValue = "200", description = "test faces per direction (default ${DEFAULT-VALUE}; 0 = all)")
    int perClass;

    @Option(names = "--seed", defaultValue = "1", description = "which balanced test faces are drawn (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "output folder (default RUN/eval)")
    Path out;

    @Option(names = "--face-api", description = "the npm package @vladmandic/face-api for the identity score"
            + " (default: installed by ./setup.sh under assets/; skipped with a note when absent)")
    Path faceApi;

    @Override
    public Integer call() throws Exception {
        if (run == null || data == null) {
            throw new BadInputException("eval needs --model RUN and --data DIR (or a subcommand: eval landmarks)");
        }
        RunEvaluation.Result result = RunEvaluation.run(
                new RunEvaluation.Options(run, data, skipBad.enabled, classifierDir, faceApi, perClass, seed, out));
        System.out.print(result.table());
        System.err.println("wrote " + result.folder().resolve(EditReport.HTML) + " and "
                + result.folder().resolve(EditReport.METRICS));
        return 0;
    }
}
