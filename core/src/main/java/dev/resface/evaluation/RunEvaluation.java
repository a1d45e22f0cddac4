package dev.resface.evaluation;

import dev.resface.classifier.AttributeClassifier;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.editing.Editor;
import dev.resface.engine.Machine;
import dev.resface.evaluation.EditEvaluation.Edited;
import dev.resface.faceapi.FaceApiAttributeScorer;
import dev.resface.faceapi.FaceApiPackage;
import dev.resface.faceapi.FaceRecognitionNet;
import dev.resface.model.Direction;
import dev.resface.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `resface eval` from end to end: every scorer that is available on a run's edits, written to report and metrics. */
public final class RunEvaluation {
    /**
     * @param skipBad leave test faces with bad images out (counted in the report) instead of stopping
     * @param classifier trained classifier folder, or null (no success rate)
     * @param faceApi the face-api package, or null for the default, which is skipped with a note when absent
     * @param perClass test faces per direction (0 = all)
     * @param out output folder, or null for RUN/eval
     */
    public record Options(Path run, Path data, boolean skipBad, Path classifier, Path faceApi, int perClass, long seed,
            Path out) {}

    public record Result(Path folder, EditSummary add, EditSummary remove) {
        public String table() {
            return EditReport.table(add, remove);
        }
    }

    private RunEvaluation() {}

    public static Result run(Options o) throws IOException {
        CelebaDataset dataset = CelebaDataset.open(o.data());
        Path faceApiDir = o.faceApi() != null ? o.faceApi() : FaceApiPackage.defaultDir();
        boolean faceApi = o.faceApi() != null || Files.isDirectory(faceApiDir);
        Path models = FaceApiPackage.models(faceApiDir);
        try (Editor editor = Editor.open(o.run());
                AttributeClassifier classifier = o.classifier() == null ? null : AttributeClassifier.open(o.classifier());
                FaceRecognitionNet recognition = faceApi ? FaceRecognitionNet.load(models) : null;
                FaceApiAttributeScorer pretrained = faceApi ? FaceApiAttributeScorer.load(models) : null) {
            FaceAttribute attribute = editor.config().train().attribute();
            CropRecipe recipe = CropRecipe.parse(editor.config().data().crop());
            int size = editor.imageSize();
            PackedImages cache = PackedImages.open(dataset, recipe, size,
                    PackedImages.defaultPath(dataset.root(), recipe, size), o.skipBad());
            EditEvaluation evaluation = new EditEvaluation(dataset, cache, attribute, classifier, o.classifier(),
                    recognition, pretrained);
            EditEvaluation.Faces negatives = evaluation.faces(Direction.ADD, o.perClass(), o.seed());
            EditEvaluation.Faces positives = evaluation.faces(Direction.REMOVE, o.perClass(), o.seed());
            int leftOut = negatives.leftOut() + positives.leftOut();
            if (leftOut > 0) {
                System.err.println("eval: left out " + leftOut + " of the " + (negatives.chosen() + positives.chosen())
                        + " test faces: their images are bad (--skip-bad)");
            }
            List<Edited> add;
            List<Edited> remove;
            try (Progress bar = Progress.bar("eval", negatives.indices().length + positives.indices().length)) {
                add = evaluation.evaluate(editor.model(), Direction.ADD, negatives.indices(), i -> bar.step());
                remove = evaluation.evaluate(editor.model(), Direction.REMOVE, positives.indices(), i -> bar.step());
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("attribute", attribute.celebaName());
            context.put("machine", Machine.current().line());
            context.put("run", o.run().toAbsolutePath().toString());
            context.put("iteration", editor.iteration());
            context.put("data", dataset.root().toString());
            context.put("crop", recipe.id() + " " + size + "px");
            context.put("badFacesLeftOut", leftOut);
            context.put("classifier", o.classifier() == null ? "none (no success rate)"
                    : o.classifier().toAbsolutePath().toString());
            context.put("region", evaluation.regionSource());
            context.put("hair", evaluation.hairSource());
            context.put("pretrainedScorer", !faceApi ? "none (face-api missing)" : pretrainedRule(attribute));
            context.put("groundTruth", evaluation.hasPairs() ? "counterparts/" + attribute.celebaName() : "none");
            context.put("identity", faceApi ? "face-api recognition net (" + faceApiDir + "), input vs edit"
                    : "not measured: " + faceApiDir + " is missing (./setup.sh installs it)");
            Path target = o.out() != null ? o.out() : o.run().resolve("eval");
            EditSummary addSummary = EditSummary.of(Direction.ADD, EditEvaluation.scores(add));
            EditSummary removeSummary = EditSummary.of(Direction.REMOVE, EditEvaluation.scores(remove));
            EditReport.write(target, context, add, remove, addSummary, removeSummary, size);
            return new Result(target, addSummary, removeSummary);
        }
    }


    private static String pretrainedRule(FaceAttribute attribute) {
        return switch (attribute) {
            case MALE -> "face-api gender net: P(male) >= 0.5";
            case YOUNG -> "face-api age net: younger than " + FaceApiAttributeScorer.YOUNG_AGE;
            case SMILING -> "face-api expression net: P(happy) >= 0.5";
            default -> "none for " + attribute.celebaName() + " (face-api scores Male, Young, Smiling)";
        };
    }
}
