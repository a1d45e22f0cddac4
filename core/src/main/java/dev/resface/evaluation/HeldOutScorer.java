package dev.resface.evaluation;

import dev.resface.classifier.AttributeClassifier;
import dev.resface.data.CelebaDataset;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.training.ProgressScorer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cheap part of {@code eval} (classifier success and ground truth; no face-api), on the same balanced test faces,
 * as a run trains: success_{add,remove} and, where the data has pairs, truth_gain_db_{add,remove}, the median remnant
 * (remnant_{add,remove}) and mae_outside_{add,remove}.
 */
public final class HeldOutScorer implements ProgressScorer {
    private final EditEvaluation evaluation;
    private final int[] negatives;
    private final int[] positives;

    /** @param classifier may be null (no success rate) */
    public HeldOutScorer(CelebaDataset dataset, PackedImages cache, FaceAttribute attribute,
            AttributeClassifier classifier, Path classifierDir, int perClass, long seed) {
        this.evaluation = new EditEvaluation(dataset, cache, attribute, classifier, classifierDir, null, null);
        this.negatives = evaluation.faces(Direction.ADD, perClass, seed).indices();
        this.positives = evaluation.faces(Direction.REMOVE, perClass, seed).indices();
    }

    @Override
    public Map<String, Double> score(EditingModel gan) {
        Map<String, Double> out = new LinkedHashMap<>();
        EditSummary add = summary(gan, Direction.ADD, negatives);
        EditSummary remove = summary(gan, Direction.REMOVE, positives);
        if (!Double.isNaN(add.successRate())) {
            out.put("success_add", add.successRate());
            out.put("success_remove", remove.successRate());
        }
        if (evaluation.hasPairs()) {
            out.put("truth_gain_db_add", add.psnrEdited() - add.psnrInput());
            out.put("truth_gain_db_remove", remove.psnrEdited() - remove.psnrInput());
            out.put("remnant_add", add.remnantMedian());
            out.put("remnant_remove", remove.remnantMedian());
            out.put("mae_outside_add", add.maeOutside());
            out.put("mae_outside_remove", remove.maeOutside());
        }
        return out;
    }

    private EditSummary summary(EditingModel gan, Direction direction, int[] faces) {
        return EditSummary.of(direction, EditEvaluation.scores(evaluation.evaluate(gan, direction, faces, i -> {})));
    }
}
