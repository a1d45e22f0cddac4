package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.classifier.AttributeClassifier;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.editing.Editor;
import dev.resface.evaluation.EditEvaluation;
import dev.resface.evaluation.EditEvaluation.Edited;
import dev.resface.evaluation.EditReport;
import dev.resface.evaluation.EditSummary;
import dev.resface.evaluation.faceapi.FaceApiAttributeScorer;
import dev.resface.evaluation.faceapi.FaceApiPackage;
import dev.resface.evaluation.faceapi.FaceRecognitionNet;
import dev.resface.model.Direction;
import dev.resface.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
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
        CelebaDataset dataset = CelebaDataset.open(data);
        Path faceApiDir = faceApi != null ? faceApi : FaceApiPackage.defaultDir();
        boolean identity = faceApi != null || Files.isDirectory(faceApiDir);
        try (Editor editor = Editor.open(run);
                AttributeClassifier classifier = classifierDir == null ? null : AttributeClassifier.open(classifierDir);
                FaceRecognitionNet recognition = identity ? FaceRecognitionNet.load(FaceApiPackage.models(faceApiDir))
                        : null;
                FaceApiAttributeScorer pretrained = identity
                        ? FaceApiAttributeScorer.load(FaceApiPackage.models(faceApiDir)) : null) {
            FaceAttribute attribute = editor.config().train().attribute();
            CropRecipe recipe = CropRecipe.parse(editor.config().data().crop());
            int size = editor.imageSize();
            PackedImages cache = PackedImages.open(dataset, recipe, size,
                    PackedImages.defaultPath(dataset.root(), recipe, size), false);
            EditEvaluation evaluation = new EditEvaluation(dataset, cache, attribute, classifier, classifierDir,
                    recognition, pretrained);
            int[] negatives = EditEvaluation.faces(dataset, attribute, Direction.ADD, perClass, seed);
            int[] positives = EditEvaluation.faces(dataset, attribute, Direction.REMOVE, perClass, seed);
            List<Edited> add;
            List<Edited> remove;
            try (ProgressBar bar = Progress.bar("eval", negatives.length + positives.length)) {
                add = evaluation.evaluate(editor.gan(), Direction.ADD, negatives, i -> bar.step());
                remove = evaluation.evaluate(editor.gan(), Direction.REMOVE, positives, i -> bar.step());
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("attribute", attribute.celebaName());
            context.put("run", run.toAbsolutePath().toString());
            context.put("iteration", editor.iteration());
            context.put("data", dataset.root().toString());
            context.put("crop", recipe.id() + " " + size + "px");
            context.put("classifier", classifierDir == null ? "none (no success rate)"
                    : classifierDir.toAbsolutePath().toString());
            context.put("region", evaluation.regionSource());
            context.put("pretrainedScorer", !identity ? "none (face-api missing)"
                    : FaceApiAttributeScorer.covers(attribute) ? "face-api " + switch (attribute) {
                        case MALE -> "gender net: P(male) >= 0.5";
                        case YOUNG -> "age net: younger than " + FaceApiAttributeScorer.YOUNG_AGE;
                        default -> "expression net: P(happy) >= 0.5";
                    } : "none for " + attribute.celebaName() + " (face-api scores Male, Young, Smiling)");
            context.put("groundTruth", evaluation.hasPairs() ? "counterparts/" + attribute.celebaName() : "none");
            context.put("identity", identity ? "face-api recognition net (" + faceApiDir + "), input vs edit"
                    : "not measured: " + faceApiDir + " is missing (./setup.sh installs it)");
            Path target = out != null ? out : run.resolve("eval");
            EditReport.write(target, context, add, remove, size);
            System.out.print(EditReport.table(EditSummary.of(Direction.ADD, add.stream().map(Edited::score).toList()),
                    EditSummary.of(Direction.REMOVE, remove.stream().map(Edited::score).toList())));
            System.err.println("wrote " + target.resolve(EditReport.HTML) + " and " + target.resolve(EditReport.METRICS));
        }
        return 0;
    }
}
