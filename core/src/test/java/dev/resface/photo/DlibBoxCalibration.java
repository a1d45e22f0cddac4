package dev.resface.photo;

import static org.assertj.core.api.Assertions.fail;

import dev.resface.data.SourceImages;
import dev.resface.data.real.DlibExampleFaces;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.faceapi.DetectedFace;
import dev.resface.faceapi.FaceApiFixture;
import dev.resface.faceapi.SsdMobilenetV1;
import dev.resface.image.RgbImage;
import dev.resface.landmarks.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Refits {@link DlibBox}'s constants from dlib's example photos: runs face-api's SSD on every photo of the two
 * landmark XML files, pairs each XML box with a detection, and prints the constants with their residuals, next to the
 * other forms the mapping could have taken. Run from {@code core/} (the package path is relative, as in the SSD
 * tests):
 *
 * <pre>
 * java -Dai.djl.offline=true -cp target/test-classes:target/classes:../cli/target/resface.jar dev.resface.photo.DlibBoxCalibration
 * </pre>
 */
final class DlibBoxCalibration {
    static final Path PACKAGE = FaceApiFixture.PACKAGE;
    static final Path PREDICTOR = Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");
    /** Low on purpose: SSD boxes are taller than dlib's, so a right pair overlaps only 0.5-0.85 (measured). */
    static final double MIN_IOU = 0.3;

    /** An XML face and the SSD detection paired with it. */
    record Match(AnnotatedFace face, DetectedFace detection, double iou) {
        /**
         * dlib's HOG detector makes square boxes; the 7 XML boxes that are off square by a pixel were drawn by hand
         * where the detector found nothing (see ShapePredictorOracleTest), and their points did not come from the
         * predictor on those boxes.
         */
        boolean detectorBox() {
            return face.box().width() == face.box().height();
        }
    }

    /**
     * dlib box centre = SSD box centre + (centreX * SSD width, centreY * SSD height); side = side * sqrt(SSD width * SSD height). Each
     * constant minimizes the squared residuals measured in SSD box widths or heights, so it is the mean of the
     * per-face ratios; the sd fields are those ratios' standard deviations, the scatter the constant cannot follow.
     */
    record Fit(int faces, double centreX, double centreY, double side, double sdX, double sdY, double sdSide) {}

    private DlibBoxCalibration() {}

    static Path predictor() {
        if (!Files.isRegularFile(PREDICTOR)) {
            fail("missing dlib model " + PREDICTOR + ": install Debian's libdlib-data (./setup.sh)");
        }
        return PREDICTOR;
    }

    /** Every XML face, grouped by photo in file order, read before the detector is loaded. */
    static Map<Path, List<AnnotatedFace>> xmlFaces() {
        if (!Files.isDirectory(DlibExampleFaces.DEFAULT_FOLDER)) {
            fail("missing " + DlibExampleFaces.DEFAULT_FOLDER + ": install Debian's libdlib19.1 with ./setup.sh");
        }
        Map<Path, List<AnnotatedFace>> byPhoto = new LinkedHashMap<>();
        for (AnnotatedFace f : DlibExampleFaces.read(DlibExampleFaces.DEFAULT_FOLDER)) {
            byPhoto.computeIfAbsent(f.image(), k -> new ArrayList<>()).add(f);
        }
        return byPhoto;
    }

    static RgbImage photo(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("missing dlib example photo " + file + ": install Debian's libdlib19.1 with ./setup.sh");
        }
        try {
            return SourceImages.readAny(file);
        } catch (SourceImages.BadImageException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The XML faces the SSD found, each with the detection that overlaps it most; pairs are taken best IoU first, so
     * no detection serves two faces. Faces the SSD missed, or overlapped by no detection above {@link #MIN_IOU}, are
     * left out.
     */
    static List<Match> matches(Map<Path, List<AnnotatedFace>> byPhoto, Map<Path, RgbImage> photos) {
        List<Match> out = new ArrayList<>();
        try (SsdMobilenetV1 net = SsdMobilenetV1.load(FaceApiFixture.models())) {
            for (Map.Entry<Path, List<AnnotatedFace>> e : byPhoto.entrySet()) {
                List<DetectedFace> found = net.detect(photos.computeIfAbsent(e.getKey(), DlibBoxCalibration::photo));
                List<Match> pairs = new ArrayList<>();
                for (AnnotatedFace f : e.getValue()) {
                    for (DetectedFace d : found) {
                        double iou = iou(f.box(), d);
                        if (iou > MIN_IOU) {
                            pairs.add(new Match(f, d, iou));
                        }
                    }
                }
                pairs.sort(Comparator.comparingDouble(Match::iou).reversed());
                Set<AnnotatedFace> usedFaces = new HashSet<>();
                Set<DetectedFace> usedDetections = new HashSet<>();
                List<Match> kept = new ArrayList<>();
                for (Match m : pairs) {
                    if (!usedFaces.contains(m.face()) && !usedDetections.contains(m.detection())) {
                        usedFaces.add(m.face());
                        usedDetections.add(m.detection());
                        kept.add(m);
                    }
                }
                // back in file order, so printouts and failures read in the order of the XML
                kept.sort(Comparator.comparingInt(m -> e.getValue().indexOf(m.face())));
                out.addAll(kept);
            }
        }
        return out;
    }

    static Fit fit(List<Match> matches) {
        ToDoubleFunction<Match> dx = m -> (centreX(m.face().box()) - (m.detection().x() + m.detection().width() / 2))
                / m.detection().width();
        ToDoubleFunction<Match> dy = m -> (centreY(m.face().box()) - (m.detection().y() + m.detection().height() / 2))
                / m.detection().height();
        ToDoubleFunction<Match> side = m -> side(m.face().box()) / DlibBox.size(m.detection());
        return new Fit(matches.size(), mean(matches, dx), mean(matches, dy), mean(matches, side), sd(matches, dx),
                sd(matches, dy), sd(matches, side));
    }

    /**
     * The four corners' distances between {@code mapped} and {@code truth}, as fractions of truth's side. Corners are
     * pixel edges (left, left + width), the frame both face-api's and dlib's boxes measure size in.
     */
    static double[] cornerErrors(Box mapped, Box truth) {
        double[] out = new double[4];
        double side = side(truth);
        int k = 0;
        for (int cx = 0; cx < 2; cx++) {
            for (int cy = 0; cy < 2; cy++) {
                double x = (mapped.left() + cx * mapped.width()) - (truth.left() + cx * truth.width());
                double y = (mapped.top() + cy * mapped.height()) - (truth.top() + cy * truth.height());
                out[k++] = Math.hypot(x, y) / side;
            }
        }
        return out;
    }

    static double iou(Box b, DetectedFace d) {
        double x0 = Math.max(b.left(), d.x());
        double y0 = Math.max(b.top(), d.y());
        double x1 = Math.min(b.left() + b.width(), d.x() + d.width());
        double y1 = Math.min(b.top() + b.height(), d.y() + d.height());
        double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        return inter / ((double) b.width() * b.height() + d.width() * d.height() - inter);
    }

    static double centreX(Box b) {
        return b.left() + b.width() / 2.0;
    }

    static double centreY(Box b) {
        return b.top() + b.height() / 2.0;
    }

    /** Hand-drawn boxes are off square by a pixel; their mean side stands for both. */
    static double side(Box b) {
        return (b.width() + b.height()) / 2.0;
    }

    public static void main(String[] args) {
        Map<Path, List<AnnotatedFace>> byPhoto = xmlFaces();
        int total = byPhoto.values().stream().mapToInt(List::size).sum();
        List<Match> all = matches(byPhoto, new LinkedHashMap<>());
        List<Match> detector = all.stream().filter(Match::detectorBox).toList();
        System.out.printf(Locale.ROOT, "%d XML faces in %d photos; the SSD found %d (IoU %.2f-%.2f), %d of them with "
                + "dlib detector (square) boxes%n", total, byPhoto.size(), all.size(),
                all.stream().mapToDouble(Match::iou).min().orElse(0),
                all.stream().mapToDouble(Match::iou).max().orElse(0), detector.size());
        for (Match m : all) {
            Box b = m.face().box();
            DetectedFace d = m.detection();
            System.out.printf(Locale.ROOT, "  %s xml %d,%d %dx%d  ssd %.1f,%.1f %.1fx%.1f score %.2f iou %.2f%n",
                    m.face().image().getFileName(), b.left(), b.top(), b.width(), b.height(), d.x(), d.y(), d.width(),
                    d.height(), d.score(), m.iou());
        }

        System.out.println("side/SSD size, mean and coefficient of variation (the form of the side):");
        for (String base : new String[] {"width", "height", "sqrt(width*height)"}) {
            ToDoubleFunction<Match> r = m -> side(m.face().box()) / base(base, m.detection());
            System.out.printf(Locale.ROOT, "  side / %-18s %.4f  cv %.4f%n", base, mean(detector, r),
                    sd(detector, r) / mean(detector, r));
        }

        Fit fit = fit(detector);
        System.out.printf(Locale.ROOT, "fit on the %d detector boxes:%n", fit.faces());
        System.out.printf(Locale.ROOT, "  CENTRE_X = %.4f (sd %.4f) of the SSD width%n", fit.centreX(), fit.sdX());
        System.out.printf(Locale.ROOT, "  CENTRE_Y = %.4f (sd %.4f) of the SSD height%n", fit.centreY(), fit.sdY());
        System.out.printf(Locale.ROOT, "  SIDE     = %.4f (sd %.4f) of sqrt(SSD width * height)%n", fit.side(),
                fit.sdSide());
        Fit withHand = fit(all);
        System.out.printf(Locale.ROOT, "the same fit on all %d, hand-drawn boxes too: %.4f %.4f %.4f%n",
                withHand.faces(), withHand.centreX(), withHand.centreY(), withHand.side());

        // each face mapped with constants fitted on the other faces: what the constants give on a face they never saw
        double sum = 0;
        double worst = 0;
        for (int i = 0; i < detector.size(); i++) {
            List<Match> rest = new ArrayList<>(detector);
            Match held = rest.remove(i);
            Fit f = fit(rest);
            for (double e : cornerErrors(map(held.detection(), f), held.face().box())) {
                sum += e / 4;
                worst = Math.max(worst, e);
            }
        }
        System.out.printf(Locale.ROOT, "leave-one-out corner error on the detector boxes: mean %.4f, worst %.4f of "
                + "the side%n", sum / detector.size(), worst);
        double[] inSample = errors(detector, m -> DlibBox.fromDetection(m.detection()));
        System.out.printf(Locale.ROOT, "DlibBox's constants: corner error mean %.4f, worst %.4f of the side (%d "
                + "detector boxes)%n", inSample[0], inSample[1], detector.size());
        double[] onAll = errors(all, m -> DlibBox.fromDetection(m.detection()));
        System.out.printf(Locale.ROOT, "  on all %d: mean %.4f, worst %.4f%n", all.size(), onAll[0], onAll[1]);
    }

    /** Mean and worst corner error of the boxes {@code map} gives, as fractions of the XML side. */
    static double[] errors(List<Match> matches, java.util.function.Function<Match, Box> map) {
        double sum = 0;
        double worst = 0;
        for (Match m : matches) {
            for (double e : cornerErrors(map.apply(m), m.face().box())) {
                sum += e;
                worst = Math.max(worst, e);
            }
        }
        return new double[] {sum / (4 * matches.size()), worst};
    }

    private static Box map(DetectedFace d, Fit f) {
        return DlibBox.square(d.x() + d.width() * (0.5 + f.centreX()), d.y() + d.height() * (0.5 + f.centreY()),
                f.side() * DlibBox.size(d));
    }

    private static double base(String name, DetectedFace d) {
        return switch (name) {
            case "width" -> d.width();
            case "height" -> d.height();
            default -> Math.sqrt(d.width() * d.height());
        };
    }

    private static double mean(List<Match> matches, ToDoubleFunction<Match> f) {
        return matches.stream().mapToDouble(f).average().orElseThrow();
    }

    private static double sd(List<Match> matches, ToDoubleFunction<Match> f) {
        double mean = mean(matches, f);
        double ss = matches.stream().mapToDouble(f).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (matches.size() - 1));
    }
}
