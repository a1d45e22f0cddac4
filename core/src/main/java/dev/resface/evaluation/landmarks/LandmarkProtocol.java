package dev.resface.evaluation.landmarks;

import dev.resface.BadInputException;
import dev.resface.data.AttributeSplit;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.Landmarks;
import dev.resface.data.SourceImages;
import dev.resface.editing.Editor;
import dev.resface.evaluation.GroundTruthPairs;
import dev.resface.image.RgbImage;
import dev.resface.image.Warp;
import dev.resface.landmarks.Box;
import dev.resface.landmarks.CelebaPoints;
import dev.resface.landmarks.ShapePredictor;
import dev.resface.model.Direction;
import dev.resface.report.ImageConversions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The paper's landmark test (Section 6.4, Table 2): dlib's predictor on balanced test faces without glasses (D0), with
 * glasses (D1) and with the glasses removed by G1 (D1m), each face in the crop the model sees.
 */
public final class LandmarkProtocol {
    private final CelebaDataset dataset;
    private final ShapePredictor predictor;
    private final Editor editor; // null: no D1m
    private final LandmarkEvalConfig config;
    private final CropRecipe recipe;
    private final GroundTruthPairs pairs; // null: the dataset has none

    public LandmarkProtocol(CelebaDataset dataset, ShapePredictor predictor, Editor editor, LandmarkEvalConfig config) {
        this.dataset = dataset;
        this.predictor = predictor;
        this.editor = editor;
        this.config = config;
        if (editor != null && editor.config().train().attribute() != FaceAttribute.EYEGLASSES) {
            throw BadInputException.at(Path.of(config.run()), "was trained for "
                    + editor.config().train().attribute().celebaName() + "; the landmark test removes Eyeglasses");
        }
        this.recipe = CropRecipe.parse(config.crop());
        this.pairs = GroundTruthPairs.available(dataset.root(), FaceAttribute.EYEGLASSES)
                ? new GroundTruthPairs(dataset, FaceAttribute.EYEGLASSES, recipe, config.modelSize()) : null;
        if (!dataset.hasLandmarks()) {
            throw BadInputException.at(dataset.layout().landmarks(),
                    "missing: the landmark test measures against the dataset's 5 ground-truth landmarks");
        }
    }

    /** The detector's five points on one image, and their errors. */
    public record Measured(double[] points, LandmarkError vsTruth, LandmarkError vsCounterpart) {}

    /**
     * One test face. {@code edited} is D1m (null for D0 faces and without a run); {@code counterpart} the detector on
     * the face's true counterpart (the same face without glasses) where the dataset has pairs, else null.
     */
    public record Face(int index, String name, double[] truth, Measured original, Measured edited,
            double[] counterpart) {}

    public record Result(FaceBoxCalibration calibration, List<Face> d0, List<Face> d1) {
        public LandmarkError d0Error() {
            return LandmarkError.mean(d0.stream().map(f -> f.original().vsTruth()).toList());
        }

        public LandmarkError d1Error() {
            return LandmarkError.mean(d1.stream().map(f -> f.original().vsTruth()).toList());
        }

        /** Null without a run. */
        public LandmarkError d1mError() {
            return hasEdits() ? LandmarkError.mean(d1.stream().map(f -> f.edited().vsTruth()).toList()) : null;
        }

        /** D1 against the detector on the same faces' true counterparts; null without pairs. */
        public LandmarkError d1VsCounterpart() {
            return hasPairs() ? LandmarkError.mean(d1.stream().map(f -> f.original().vsCounterpart()).toList()) : null;
        }

        /** D1m against the detector on the same faces' true counterparts; null without pairs or a run. */
        public LandmarkError d1mVsCounterpart() {
            return hasPairs() && hasEdits()
                    ? LandmarkError.mean(d1.stream().map(f -> f.edited().vsCounterpart()).toList()) : null;
        }

        public boolean hasEdits() {
            return !d1.isEmpty() && d1.get(0).edited() != null;
        }

        public boolean hasPairs() {
            return !d1.isEmpty() && d1.get(0).counterpart() != null;
        }
    }

    /** The balanced test faces this protocol measures: negatives are D0, positives D1. */
    public AttributeSplit.TestSet testSet() {
        AttributeSplit.TestSet set = AttributeSplit.forTesting(dataset, FaceAttribute.EYEGLASSES)
                .balancedTestSet(config.perClass(), config.seed());
        if (set.perClass() == 0) {
            throw BadInputException.at(dataset.layout().partition(),
                    "no test faces (partition 2) both with and without Eyeglasses: nothing to measure");
        }
        return set;
    }

    /** Runs the protocol; {@code progress} hears each measured face. */
    public Result run(IntConsumer progress) {
        AttributeSplit.TestSet set = testSet();
        List<double[]> truths = new ArrayList<>();
        for (int[] indices : new int[][] {set.negatives(), set.positives()}) {
            for (int i : indices) {
                truths.add(truth(i));
            }
        }
        FaceBoxCalibration calibration = FaceBoxCalibration.fit(predictor.meanShape(), truths);
        List<Face> d0 = new ArrayList<>();
        for (int i : set.negatives()) {
            d0.add(measure(i, calibration.box(), false));
            progress.accept(i);
        }
        List<Face> d1 = new ArrayList<>();
        for (int i : set.positives()) {
            d1.add(measure(i, calibration.box(), editor != null));
            progress.accept(i);
        }
        return new Result(calibration, d0, d1);
    }

    /** The face as the model sees it, at the landmark resolution. */
    public RgbImage crop(int index) {
        return toLandmarkGrid(modelCrop(index));
    }

    /** D1m's image: G1's edit of the model crop, at the landmark resolution. */
    public RgbImage edited(int index) {
        return toLandmarkGrid(removeGlasses(modelCrop(index)));
    }

    private Face measure(int index, Box box, boolean edit) {
        double[] truth = truth(index);
        double interOcular = CelebaPoints.interOcular(truth);
        RgbImage crop = modelCrop(index);
        double[] counterpart = pairs != null ? detect(toLandmarkGrid(pairs.counterpartCrop(index)), box) : null;
        Measured original = measured(detect(toLandmarkGrid(crop), box), truth, counterpart, interOcular);
        Measured edited = edit
                ? measured(detect(toLandmarkGrid(removeGlasses(crop)), box), truth, counterpart, interOcular) : null;
        return new Face(index, dataset.imageName(index), truth, original, edited, counterpart);
    }

    private static Measured measured(double[] points, double[] truth, double[] counterpart, double interOcular) {
        return new Measured(points, LandmarkError.of(points, truth, interOcular),
                counterpart == null ? null : LandmarkError.of(points, counterpart, interOcular));
    }

    private double[] detect(RgbImage image, Box box) {
        return CelebaPoints.fromIbug68(predictor.predict(image, box));
    }

    private double[] truth(int index) {
        Landmarks l = dataset.landmarks(index).orElseThrow(() -> BadInputException.at(dataset.layout().landmarks(),
                "has no row for " + dataset.imageName(index)));
        return l.inCrop(recipe, config.landmarkSize());
    }

    private RgbImage modelCrop(int index) {
        return recipe.crop(read(dataset.imagePath(index), "test image"), config.modelSize());
    }

    private RgbImage removeGlasses(RgbImage crop) {
        return ImageConversions.toRgb(editor.edit(crop, Direction.REMOVE, 1f).edited(), config.modelSize());
    }

    private RgbImage toLandmarkGrid(RgbImage crop) {
        return crop.width() == config.landmarkSize() ? crop : Warp.resize(crop, config.landmarkSize());
    }

    private static RgbImage read(Path file, String what) {
        try {
            return SourceImages.read(file);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(file, what + ": " + e.getMessage());
        }
    }
}
