package dev.resface.evaluation;

import dev.resface.BadInputException;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.data.SourceImages;
import dev.resface.data.synth.SynthFaces;
import dev.resface.editing.ResidualPredictor;
import dev.resface.evaluation.GroundTruthScore.ImageScore;
import dev.resface.evaluation.GroundTruthScore.ScoreSummary;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.model.ResidualGan;
import dev.resface.report.ImageConversions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores edits against the true counterparts a dataset with pairs provides (SynthFaces): G0 on test faces without
 * the attribute against the same faces drawn with it, G1 the other way, inside the run's crop.
 */
public final class GroundTruthEvaluation {
    private static final int BATCH = 16;

    private final CelebaDataset dataset;
    private final PackedImages cache;
    private final CropRecipe recipe;
    private final FaceAttribute attribute;
    private final int maskDilation;

    /** @param maskDilation pixels by which the attribute mask is grown at crop size before the residual share is taken */
    public GroundTruthEvaluation(CelebaDataset dataset, PackedImages cache, FaceAttribute attribute, int maskDilation) {
        this.dataset = dataset;
        this.cache = cache;
        this.recipe = cache.recipe();
        this.attribute = attribute;
        this.maskDilation = maskDilation;
    }

    public static boolean available(Path dataRoot, FaceAttribute attribute) {
        return Files.isDirectory(dataRoot.resolve(SynthFaces.COUNTERPARTS).resolve(attribute.celebaName()));
    }

    public record Scored(int datasetIndex, float[] input, float[] residual, ImageScore score) {}

    public record DirectionResult(Direction direction, ScoreSummary summary, List<Scored> images) {}

    /** G0 on {@code negatives} (faces without the attribute) or G1 on {@code positives}. */
    public DirectionResult evaluate(ResidualGan gan, Direction direction, int[] datasetIndices) {
        int size = cache.size();
        int plane = 3 * size * size;
        List<Scored> scored = new ArrayList<>();
        for (int start = 0; start < datasetIndices.length; start += BATCH) {
            int n = Math.min(BATCH, datasetIndices.length - start);
            float[] x = new float[n * plane];
            for (int i = 0; i < n; i++) {
                float[] one = ImageConversions.toChw(cache.image(cache.cacheIndex(datasetIndices[start + i])));
                System.arraycopy(one, 0, x, i * plane, plane);
            }
            float[] r = ResidualPredictor.residuals(gan, direction, x, n);
            for (int i = 0; i < n; i++) {
                int index = datasetIndices[start + i];
                float[] xi = java.util.Arrays.copyOfRange(x, i * plane, (i + 1) * plane);
                float[] ri = java.util.Arrays.copyOfRange(r, i * plane, (i + 1) * plane);
                float[] edited = ImageConversions.addClipped(xi, ri);
                ImageScore s = GroundTruthScore.score(edited, counterpart(index), xi, mask(index));
                scored.add(new Scored(index, xi, ri, s));
            }
        }
        List<ImageScore> scores = scored.stream().map(Scored::score).toList();
        return new DirectionResult(direction, GroundTruthScore.summarize(scores), scored);
    }

    private float[] counterpart(int index) {
        return ImageConversions.toChw(recipe.crop(read(SynthFaces.COUNTERPARTS, index), cache.size()));
    }

    /** A crop pixel belongs to the mask when any source pixel under it does; then the mask is dilated. */
    private boolean[] mask(int index) {
        RgbImage crop = recipe.crop(read(SynthFaces.MASKS, index), cache.size());
        boolean[] bits = new boolean[crop.width() * crop.height()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (crop.pixels()[3 * i] & 0xFF) > 0;
        }
        return GroundTruthScore.dilate(bits, crop.width(), crop.height(), maskDilation);
    }

    private RgbImage read(String kind, int index) {
        String png = dataset.imageName(index).replaceFirst("\\.[^.]+$", ".png");
        Path file = dataset.root().resolve(kind).resolve(attribute.celebaName()).resolve(png);
        try {
            return SourceImages.read(file);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(file, "ground truth " + kind + " image: " + e.getMessage());
        }
    }
}
