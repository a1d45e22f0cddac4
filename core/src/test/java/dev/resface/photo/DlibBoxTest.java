package dev.resface.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.faceapi.DetectedFace;
import dev.resface.image.RgbImage;
import dev.resface.landmarks.Box;
import dev.resface.landmarks.CelebaPoints;
import dev.resface.landmarks.ShapePredictor;
import dev.resface.photo.DlibBoxCalibration.Fit;
import dev.resface.photo.DlibBoxCalibration.Match;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DlibBox} on dlib's example photos, where the XML files give dlib's own box and 68 points for each face (see
 * {@link DlibBoxCalibration}): the mapped boxes land near dlib's, and, what the mapping is for, the shape predictor
 * started from them finds nearly the points it finds from dlib's box. The bounds are the measured values with margin;
 * the fit is in-sample, and its leave-one-out corner error (0.108) is close to the in-sample one. Needs Debian's
 * libdlib-data and libdlib19.1 and the face-api npm package (./setup.sh); fails, never skips, without them.
 */
class DlibBoxTest {
    /** A face whose mean point error exceeds this share of its eye distance counts as a failed fit. */
    private static final double FAILED = 0.1;

    private static Map<Path, RgbImage> photos;
    private static List<Match> all;
    private static List<Match> detector;

    @BeforeAll
    static void detect() {
        DlibBoxCalibration.predictor();
        Map<Path, List<AnnotatedFace>> byPhoto = DlibBoxCalibration.xmlFaces();
        photos = new HashMap<>();
        all = DlibBoxCalibration.matches(byPhoto, photos);
        detector = all.stream().filter(Match::detectorBox).toList();
    }

    @Test
    void constantsAreTheFitOnTheDetectorBoxes() {
        // the SSD misses one face (2008_001322.jpg, 63x63 at 232,218); every other face pairs with IoU 0.51 or more
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).allSatisfy(m -> assertThat(m.iou()).isGreaterThan(0.45));
        Fit fit = DlibBoxCalibration.fit(detector);
        assertThat(DlibBox.CENTRE_X).isCloseTo(fit.centreX(), within(5e-4));
        assertThat(DlibBox.CENTRE_Y).isCloseTo(fit.centreY(), within(5e-4));
        assertThat(DlibBox.SIDE).isCloseTo(fit.side(), within(5e-4));
    }

    @Test
    void mappedBoxesLandNearDlibsBoxes() {
        double[] mapped = DlibBoxCalibration.errors(detector, m -> DlibBox.fromDetection(m.detection()));
        double[] mappedAll = DlibBoxCalibration.errors(all, m -> DlibBox.fromDetection(m.detection()));
        double[] naive = DlibBoxCalibration.errors(detector, m -> naive(m.detection()));
        System.out.printf(Locale.ROOT, "dlib box: corner error / side, %d detector boxes: mapped mean %.4f worst %.4f; "
                + "SSD box as is mean %.4f worst %.4f; all %d faces mapped mean %.4f worst %.4f%n", detector.size(),
                mapped[0], mapped[1], naive[0], naive[1], all.size(), mappedAll[0], mappedAll[1]);
        assertThat(mapped[0]).isLessThan(0.13);
        assertThat(mapped[1]).isLessThan(0.35);
        assertThat(mappedAll[0]).isLessThan(0.13);
        assertThat(mappedAll[1]).isLessThan(0.35);
        assertThat(mapped[0]).isLessThan(naive[0]);
    }

    @Test
    void predictorFromMappedBoxFindsNearlyDlibsPoints() {
        ShapePredictor predictor = ShapePredictor.load(DlibBoxCalibration.predictor());
        Errors fromXml = landmarkErrors(predictor, m -> m.face().box());
        Errors mapped = landmarkErrors(predictor, m -> DlibBox.fromDetection(m.detection()));
        Errors naive = landmarkErrors(predictor, m -> naive(m.detection()));
        System.out.printf(Locale.ROOT, "68-point error / inter-ocular, %d detector boxes | all %d faces: mean, median, "
                + "worst, faces over %.2f%n  XML box %s%n  mapped  %s%n  SSD box %s%n", detector.size(), all.size(),
                FAILED, fromXml, mapped, naive);

        // the floor: the port gives dlib's own points from dlib's boxes; only the hand boxes' points differ
        assertThat(fromXml.detector().mean()).isZero();
        assertThat(fromXml.all().mean()).isLessThan(0.006);
        // most faces land within a few percent of the eye distance; a few small ones (37-45 px) go astray under a box
        // 0.1-0.2 of the side off, and they set the mean (see DlibBox)
        assertThat(mapped.all().median()).isLessThan(0.035);
        assertThat(mapped.all().mean()).isLessThan(0.14);
        assertThat(mapped.all().failed()).isLessThanOrEqualTo(10);
        assertThat(mapped.detector().median()).isLessThan(0.035);
        assertThat(mapped.detector().mean()).isLessThan(0.14);
        assertThat(mapped.all().mean()).isLessThan(naive.all().mean());
        assertThat(mapped.all().median()).isLessThan(naive.all().median());
    }

    /** Per-face errors: the mean 68-point distance over the XML points' eye-centre distance. */
    private record Stats(double[] errors) {
        double mean() {
            return Arrays.stream(errors).average().orElseThrow();
        }

        double median() {
            double[] s = errors.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        double worst() {
            return Arrays.stream(errors).max().orElseThrow();
        }

        long failed() {
            return Arrays.stream(errors).filter(e -> e > FAILED).count();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f %.4f %.4f %2d", mean(), median(), worst(), failed());
        }
    }

    private record Errors(Stats detector, Stats all) {
        @Override
        public String toString() {
            return detector + " | " + all;
        }
    }

    private static Errors landmarkErrors(ShapePredictor predictor, Function<Match, Box> box) {
        double[] errors = new double[all.size()];
        for (int i = 0; i < errors.length; i++) {
            Match m = all.get(i);
            errors[i] = error(predictor.predictPoints(photos.get(m.face().image()), box.apply(m)), m.face().points());
        }
        double[] onDetector = new double[detector.size()];
        for (int i = 0, k = 0; i < errors.length; i++) {
            if (all.get(i).detectorBox()) {
                onDetector[k++] = errors[i];
            }
        }
        return new Errors(new Stats(onDetector), new Stats(errors));
    }

    /** Both rounded as dlib writes them, so the floor on detector boxes is exactly zero. */
    private static double error(int[] predicted, int[] truth) {
        double[] t = new double[truth.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth[i];
        }
        double sum = 0;
        for (int p = 0; p < 68; p++) {
            sum += Math.hypot(predicted[2 * p] - truth[2 * p], predicted[2 * p + 1] - truth[2 * p + 1]);
        }
        return sum / 68 / CelebaPoints.interOcular(CelebaPoints.fromIbug68(t));
    }

    /** The detection handed over unchanged, rounded to dlib's integer rectangle. */
    private static Box naive(DetectedFace d) {
        return new Box((int) Math.round(d.x()), (int) Math.round(d.y()), (int) Math.round(d.width()),
                (int) Math.round(d.height()));
    }
}
