package dev.resface.evaluation;

import dev.resface.BadInputException;
import dev.resface.classifier.AttributeClassifier;
import dev.resface.data.AreaResize;
import dev.resface.data.AttributeSplit;
import dev.resface.data.CelebaDataset;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.faceapi.FaceApiAttributeScorer;
import dev.resface.faceapi.FaceRecognitionNet;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.report.ImageConversions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Scores a run's edits on balanced test faces: G0 on faces without the attribute, G1 on faces with it. Each edit gets
 * the classifier's verdict, the change outside the attribute's region, face-api's identity distance to the input and,
 * where the dataset has pairs, its distance to the true counterpart (the unedited input's beside it).
 */
public final class EditEvaluation {
    /** Grows the SynthFaces mask at crop size, so anti-aliased edges of the attribute count as inside. */
    private static final int MASK_DILATION = 1;

    private final CelebaDataset dataset;
    private final PackedImages cache;
    private final FaceAttribute attribute;
    private final AttributeClassifier classifier; // may be null
    private final FaceRecognitionNet identity; // may be null
    private final FaceApiAttributeScorer pretrained; // null where face-api has no scorer for the attribute
    private final FaceApiAttributeScorer gender; // null without face-api
    private final GroundTruthPairs pairs; // may be null
    private final HairRegion hair;
    private final int size;

    public EditEvaluation(CelebaDataset dataset, PackedImages cache, FaceAttribute attribute,
            AttributeClassifier classifier, Path classifierDir, FaceRecognitionNet identity,
            FaceApiAttributeScorer pretrained) {
        this.dataset = dataset;
        this.cache = cache;
        this.attribute = attribute;
        this.classifier = classifier;
        this.identity = identity;
        this.pretrained = pretrained != null && FaceApiAttributeScorer.covers(attribute) ? pretrained : null;
        this.gender = pretrained;
        this.size = cache.size();
        this.hair = new HairRegion(dataset, cache.recipe(), size);
        this.pairs = GroundTruthPairs.available(dataset.root(), attribute)
                ? new GroundTruthPairs(dataset, attribute, cache.recipe(), size) : null;
        if (classifier != null) {
            if (classifier.indexOf(attribute) < 0) {
                throw BadInputException.at(classifierDir.resolve(AttributeClassifier.CONFIG),
                        "this classifier has no output for " + attribute.celebaName() + "; it knows "
                                + classifier.config().attributes());
            }
            if (!classifier.config().crop().equals(cache.recipe().id())) {
                throw BadInputException.at(classifierDir.resolve(AttributeClassifier.CONFIG), "trained on crop '"
                        + classifier.config().crop() + "', but the run uses '" + cache.recipe().id() + "'");
            }
        }
    }

    /** Where the region of each face comes from, for the report. */
    public String regionSource() {
        if (pairs != null) {
            return "the dataset's attribute masks (masks/" + attribute.celebaName() + "/)";
        }
        if (dataset.hasLandmarks()) {
            return "the dataset's 5 landmarks (" + (attribute.isLocal() ? "see AttributeRegion" : "whole face") + ")";
        }
        return "none (the dataset has neither masks nor landmarks)";
    }

    /** Where the hair regions of the decorrelation measure come from, for the report. */
    public String hairSource() {
        return hair.source();
    }

    public boolean hasPairs() {
        return pairs != null;
    }

    /** The chosen test faces of one direction that are in the cache, and how many chosen ones are not. */
    public record Faces(int[] indices, int leftOut) {
        public int chosen() {
            return indices.length + leftOut;
        }
    }

    /**
     * Test faces of one direction: without the attribute for ADD, with it for REMOVE. They are chosen from the whole
     * test partition, so the same seed picks the same faces whether or not some images are bad; those left out of the
     * cache (--skip-bad) are then dropped and counted.
     */
    public Faces faces(Direction direction, int perClass, long seed) {
        AttributeSplit.TestSet set = AttributeSplit.forTesting(dataset, attribute).balancedTestSet(perClass, seed);
        if (set.perClass() == 0) {
            throw BadInputException.at(dataset.layout().partition(), "no test faces (partition 2) both with and"
                    + " without " + attribute.celebaName() + ": nothing to evaluate");
        }
        int[] chosen = direction == Direction.ADD ? set.negatives() : set.positives();
        int[] cached = Arrays.stream(chosen).filter(cache::contains).toArray();
        return new Faces(cached, chosen.length - cached.length);
    }

    public record Edited(EditScore score, float[] input, float[] residual) {}

    public static List<EditScore> scores(List<Edited> edits) {
        return edits.stream().map(Edited::score).toList();
    }

    /** @param indices dataset indices in the cache, as {@link #faces} gives them */
    public List<Edited> evaluate(EditingModel gan, Direction direction, int[] indices, IntConsumer progress) {
        List<Edited> out = new ArrayList<>();
        EditBatches.forEach(cache, gan, direction, indices, batch -> {
            float[] edited = ImageConversions.addClipped(batch.inputs(), batch.residuals());
            // What the model gives at strength 0: the input for a residual model, a reconstruction for a latent one.
            // Decorrelation is measured from it, so that a model's reconstruction error is not taken for its edit.
            float[] zero = ImageConversions.addClipped(batch.inputs(),
                    gan.changes(direction, batch.inputs(), batch.count(), 0f));
            float[][] pIn = probabilities(batch.inputs(), batch.count());
            float[][] pEd = probabilities(edited, batch.count());
            int plane = batch.plane();
            for (int i = 0; i < batch.count(); i++) {
                int index = batch.indices()[i];
                float[] xi = batch.input(i);
                float[] ei = Arrays.copyOfRange(edited, i * plane, (i + 1) * plane);
                float[] zi = Arrays.copyOfRange(zero, i * plane, (i + 1) * plane);
                out.add(new Edited(score(index, direction, xi, ei, zi, pIn[0][i], pEd[0][i], pEd[1][i] - pIn[1][i]),
                        xi, batch.residual(i)));
                progress.accept(index);
            }
        });
        return out;
    }

    private EditScore score(int index, Direction direction, float[] x, float[] edited, float[] zero, double pIn,
            double pEd, double maleShift) {
        boolean[] region = region(index);
        DetailPreservation detail = region == null ? DetailPreservation.NONE
                : DetailPreservation.of(x, edited, region, size);
        TruthComparison truth = pairs == null ? TruthComparison.NONE
                : TruthComparison.of(x, edited, pairs.counterpart(index), region, size);
        RgbImage inputImage = identity != null || gender != null ? ImageConversions.toRgb(x, size) : null;
        RgbImage editedImage = inputImage != null ? ImageConversions.toRgb(edited, size) : null;
        EditScore.FaceApi faceApi = faceApi(direction, inputImage, editedImage);
        return new EditScore(index, dataset.imageName(index), direction, new EditScore.Classifier(pIn, pEd), detail,
                truth, faceApi, sideEffects(index, x, edited, zero, maleShift, faceApi, inputImage, editedImage));
    }

    private EditScore.FaceApi faceApi(Direction direction, RgbImage inputImage, RgbImage editedImage) {
        if (identity == null && pretrained == null) {
            return EditScore.FaceApi.NONE;
        }
        double idDistance = Double.NaN;
        double idCosine = Double.NaN;
        if (identity != null) {
            float[] before = identity.descriptor(inputImage);
            float[] after = identity.descriptor(editedImage);
            idDistance = FaceRecognitionNet.distance(before, after);
            idCosine = FaceRecognitionNet.cosine(before, after);
        }
        if (pretrained == null) {
            return new EditScore.FaceApi(idDistance, idCosine, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double preIn = pretrained.value(attribute, inputImage);
        double preEd = pretrained.value(attribute, editedImage);
        boolean target = direction == Direction.ADD;
        return new EditScore.FaceApi(idDistance, idCosine, preIn, preEd,
                FaceApiAttributeScorer.present(attribute, preEd) == target ? 1 : 0,
                FaceApiAttributeScorer.present(attribute, preIn) == target ? 1 : 0);
    }

    private EditScore.SideEffects sideEffects(int index, float[] x, float[] edited, float[] zero, double maleShift,
            EditScore.FaceApi faceApi, RgbImage inputImage, RgbImage editedImage) {
        boolean[] hairRegion = hair.of(index);
        double hairChange = hairRegion == null ? Double.NaN : DetailPreservation.maeInside(x, edited, hairRegion);
        double hairFromZero = hairRegion == null ? Double.NaN : DetailPreservation.maeInside(zero, edited, hairRegion);
        // face-api's gender net does not read beards as the project's classifier does; per face and absolute, so that
        // faces moved both ways do not cancel.
        double faceApiMaleShift = Double.NaN;
        if (gender != null) {
            // For Male itself face-api's attribute values are already its P(male).
            boolean known = attribute == FaceAttribute.MALE;
            double inputMale = known ? faceApi.attributeInput() : gender.value(FaceAttribute.MALE, inputImage);
            double editedMale = known ? faceApi.attributeEdited() : gender.value(FaceAttribute.MALE, editedImage);
            double zeroMale = Arrays.equals(zero, x) ? inputMale
                    : gender.value(FaceAttribute.MALE, ImageConversions.toRgb(zero, size));
            faceApiMaleShift = Math.abs(editedMale - zeroMale);
        }
        double reconstruction = GroundTruthScore.psnr(zero, x);
        return new EditScore.SideEffects(hairChange, hairFromZero, maleShift, faceApiMaleShift,
                Double.isInfinite(reconstruction) ? Double.NaN : reconstruction);
    }

    private boolean[] region(int index) {
        if (pairs != null) {
            return pairs.mask(index, MASK_DILATION);
        }
        return dataset.landmarks(index)
                .map(l -> AttributeRegion.of(attribute, l.inCrop(cache.recipe(), size), size, size))
                .orElse(null);
    }

    /**
     * The classifier's P(attribute) and P(Male) for each image, resized to its input size; NaN without a classifier
     * (or, for Male, one that does not know it).
     */
    private float[][] probabilities(float[] nchw, int n) {
        float[][] out = new float[2][n];
        Arrays.fill(out[0], Float.NaN);
        Arrays.fill(out[1], Float.NaN);
        if (classifier == null) {
            return out;
        }
        int s = classifier.config().imageSize();
        int plane = 3 * size * size;
        float[] resized = new float[n * 3 * s * s];
        for (int i = 0; i < n; i++) {
            float[] one = Arrays.copyOfRange(nchw, i * plane, (i + 1) * plane);
            if (s != size) {
                RgbImage img = ImageConversions.toRgb(one, size);
                one = ImageConversions.toChw(AreaResize.whole(img, s));
            }
            System.arraycopy(one, 0, resized, i * 3 * s * s, 3 * s * s);
        }
        float[] p = classifier.probabilities(resized, n);
        int a = classifier.config().attributes().size();
        int k = classifier.indexOf(attribute);
        int male = classifier.indexOf(FaceAttribute.MALE);
        for (int i = 0; i < n; i++) {
            out[0][i] = p[i * a + k];
            out[1][i] = male < 0 ? Float.NaN : p[i * a + male];
        }
        return out;
    }
}
