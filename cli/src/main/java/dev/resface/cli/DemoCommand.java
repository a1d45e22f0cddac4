package dev.resface.cli;

import dev.resface.classifier.AttributeClassifier;
import dev.resface.data.AttributeSplit.TestSet;
import dev.resface.data.FaceAttribute;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.evaluation.GroundTruthEvaluation;
import dev.resface.evaluation.GroundTruthEvaluation.DirectionResult;
import dev.resface.evaluation.HeldOutScorer;
import dev.resface.evaluation.RunEvaluation;
import dev.resface.model.Direction;
import dev.resface.training.CelebaTrainingData;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "SynthFaces -> train Eyeglasses with the CPU preset -> edit held-out faces both ways -> score the"
                + " edits (classifier, identity, detail, ground truth) -> report.html.")
final class DemoCommand implements Callable<Integer> {
    private static final int SCORE_EVERY = 100;

    @Option(names = "--out", defaultValue = "runs/demo", description = "demo folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--faces", defaultValue = "2000", description = "SynthFaces to draw (default ${DEFAULT-VALUE})")
    int faces;

    @Option(names = "--iterations", description = "training iterations (default: the CPU preset's)")
    Long iterations;

    @Option(names = "--seed", defaultValue = "1", description = "seed of data and training (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--generator", description = "G's design, as train takes it: table1 is the paper's Table 1"
            + " (default: the CPU preset's)")
    String generator;

    @Option(names = "--ema", description = "decay of the moving average of G's weights that edits use; 0: none"
            + " (default: the CPU preset's)")
    Double ema;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Torch.start();
        Path data = out.resolve("synth");
        // Resolved first, so that a bad option is refused before anything is drawn.
        RunConfig config = demoConfig(data);
        DemoData.faces(out, faces, seed);
        RunFolder run = new RunFolder(out.resolve("run"));
        boolean resume = Files.exists(run.checkpoint());
        CelebaTrainingData trainingData = new CelebaTrainingData(config.data(), FaceAttribute.EYEGLASSES,
                config.model().imageSize(), config.train().batchSize(), seed);
        // Trained first, so that the run is scored on held-out faces while it trains.
        Path classifier = DemoData.classifier(out, data, seed);
        try (AttributeClassifier scoring = AttributeClassifier.open(classifier)) {
            HeldOutScorer scorer = new HeldOutScorer(trainingData.dataset(), trainingData.cache(),
                    FaceAttribute.EYEGLASSES, scoring, classifier, 0, seed);
            new TrainingRun(config, run, trainingData, System.err).scoredBy(scorer, SCORE_EVERY).run(resume);
        }

        TestSet test = trainingData.split().balancedTestSet(0, seed);
        GroundTruthEvaluation evaluation = new GroundTruthEvaluation(trainingData.dataset(), trainingData.cache(),
                FaceAttribute.EYEGLASSES, 1);
        try (Editor editor = Editor.open(run.root())) {
            DirectionResult add = evaluation.evaluate(editor.model(), Direction.ADD, test.negatives());
            DirectionResult remove = evaluation.evaluate(editor.model(), Direction.REMOVE, test.positives());
            RunEvaluation.Result scored = RunEvaluation.run(new RunEvaluation.Options(run.root(), data, false,
                    classifier, null, 0, seed, run.root().resolve("eval")));
            System.out.print(scored.table());
            double minutes = (System.nanoTime() - started) / 60e9;
            new DemoReport(out, run, config, add, remove, scored, minutes).write();
            System.out.println("adding glasses:   " + add.summary().verdict());
            System.out.println("removing glasses: " + remove.summary().verdict());
            System.out.printf("remnant in the glasses mask (median / 90th percentile; 0 = the truth): adding %.3f / %.3f,"
                    + " removing %.3f / %.3f; MAE outside the mask %.2f / %.2f grey levels%n",
                    scored.add().remnantMedian(), scored.add().remnantP90(), scored.remove().remnantMedian(),
                    scored.remove().remnantP90(), scored.add().maeOutside(), scored.remove().maeOutside());
            System.out.printf("report: %s (%.1f minutes)%n", out.resolve(DemoReport.FILE), minutes);
        }
        return 0;
    }

    /** The CPU preset with the defaults 'train' would apply, so the demo is a train run a user can repeat. */
    private RunConfig demoConfig(Path data) {
        List<String> args = new ArrayList<>(List.of("--seed", String.valueOf(seed)));
        if (iterations != null) {
            args.addAll(List.of("--iterations", String.valueOf(iterations)));
        }
        TrainOptions train = CommandLine.populateCommand(new TrainOptions(), args.toArray(String[]::new));
        DataOptions d = CommandLine.populateCommand(new DataOptions(), "--data", data.toString());
        List<String> modelArgs = new ArrayList<>();
        if (generator != null) {
            modelArgs.addAll(List.of("--generator", generator));
        }
        if (ema != null) {
            modelArgs.addAll(List.of("--ema", String.valueOf(ema)));
        }
        ModelOptions model = CommandLine.populateCommand(new ModelOptions(), modelArgs.toArray(String[]::new));
        return OptionValues.checked(() -> model.runConfig(Preset.CPU, train, FaceAttribute.EYEGLASSES, d.resolve()));
    }
}
