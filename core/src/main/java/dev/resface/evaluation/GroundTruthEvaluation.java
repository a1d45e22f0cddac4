package dev.resface.evaluation;

import dev.resface.data.CelebaDataset;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.evaluation.GroundTruthScore.ImageScore;
import dev.resface.evaluation.GroundTruthScore.ScoreSummary;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.report.ImageConversions;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores edits against the true counterparts a dataset with pairs provides (SynthFaces): G0 on test faces without
 * the attribute against the same faces drawn with it, G1 the other way, inside the run's crop.
 */
public final class GroundTruthEvaluation {
    private final PackedImages cache;
    private final GroundTruthPairs pairs;
    private final int maskDilation;

    /** @param maskDilation pixels by which the attribute mask is grown at crop size before the residual share is taken */
    public GroundTruthEvaluation(CelebaDataset dataset, PackedImages cache, FaceAttribute attribute, int maskDilation) {
        this.cache = cache;
        this.pairs = new GroundTruthPairs(dataset, attribute, cache.recipe(), cache.size());
        this.maskDilation = maskDilation;
    }

    public record Scored(int datasetIndex, float[] input, float[] residual, ImageScore score) {}

    public record DirectionResult(Direction direction, ScoreSummary summary, List<Scored> images) {}

    /** G0 on {@code negatives} (faces without the attribute) or G1 on {@code positives}. */
    public DirectionResult evaluate(EditingModel gan, Direction direction, int[] datasetIndices) {
        List<Scored> scored = new ArrayList<>();
        EditBatches.forEach(cache, gan, direction, datasetIndices, batch -> {
            for (int i = 0; i < batch.count(); i++) {
                int index = batch.indices()[i];
                float[] xi = batch.input(i);
                float[] ri = batch.residual(i);
                ImageScore s = GroundTruthScore.score(ImageConversions.addClipped(xi, ri), pairs.counterpart(index), xi,
                        pairs.mask(index, maskDilation));
                scored.add(new Scored(index, xi, ri, s));
            }
        });
        List<ImageScore> scores = scored.stream().map(Scored::score).toList();
        return new DirectionResult(direction, GroundTruthScore.summarize(scores), scored);
    }
}
