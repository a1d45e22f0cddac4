package dev.resface.landmarks;

import dev.resface.data.real.DlibExampleFaces;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.image.RgbImage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The port against dlib itself: dlib's example folder ships 43 face boxes whose 68 points came from this very model.
 * Needs Debian's {@code libdlib-data} and {@code libdlib19.1} (see setup.sh); fails, never skips, without them.
 *
 * <p>36 boxes are square, as dlib's HOG detector makes them; the port reproduces every one of their points exactly.
 * The other 7 boxes (45x44, 90x91, 52x53, 75x76) are the hand-drawn boxes of dlib's {@code training.xml} and
 * {@code testing.xml}, kept where the detector found no face (where it did, the landmark files carry the detector's
 * square box instead, e.g. 2008_002079.jpg's hand box 53x52 became 44x44). Their points cannot have come from the model
 * on those boxes: no box whose four edges move by up to 2 px reproduces more than 65 of a face's 68 points, and neither
 * does running on the 2x-upsampled photo as dlib's example program does. They are held to the 3.5 px bound only,
 * which caps the all-points exact share at 2727/2924 = 93.3% (the issue asked for 95%, which these 7 faces rule out).
 */
class ShapePredictorOracleTest {
    static final Path MODEL = Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");
    static final Path FACES = DlibExampleFaces.DEFAULT_FOLDER;

    @Test
    void reproducesDlibsPointsOnItsExampleFaces() throws Exception {
        if (!Files.isRegularFile(MODEL)) {
            fail("missing dlib model " + MODEL + ": install Debian's libdlib-data (./setup.sh)");
        }
        List<AnnotatedFace> faces = DlibExampleFaces.read(FACES);
        assertThat(faces).hasSize(43);

        long t0 = System.nanoTime();
        ShapePredictor sp = ShapePredictor.load(MODEL);
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(sp.landmarkCount()).isEqualTo(68);
        assertThat(sp.cascadeCount()).isEqualTo(15);

        Map<Path, RgbImage> images = new HashMap<>();
        int exact = 0;
        int total = 0;
        int squareExact = 0;
        int squareTotal = 0;
        double maxError = 0;
        int exactFaces = 0;
        long predictNs = 0;
        for (AnnotatedFace face : faces) {
            RgbImage img = images.computeIfAbsent(face.image(), p -> {
                try {
                    BufferedImage bi = ImageIO.read(p.toFile());
                    if (bi == null) {
                        throw new IllegalStateException("cannot decode " + p);
                    }
                    return RgbImage.from(bi);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot read oracle image " + p, e);
                }
            });
            assertThat(face.points()).hasSize(2 * 68);
            long s = System.nanoTime();
            int[] got = sp.predictPoints(img, face.box());
            predictNs += System.nanoTime() - s;
            int faceExact = 0;
            boolean square = face.box().width() == face.box().height();
            for (int i = 0; i < 68; i++) {
                int dx = got[2 * i] - face.points()[2 * i];
                int dy = got[2 * i + 1] - face.points()[2 * i + 1];
                double err = Math.hypot(dx, dy);
                maxError = Math.max(maxError, err);
                if (dx == 0 && dy == 0) {
                    exact++;
                    faceExact++;
                    if (square) {
                        squareExact++;
                    }
                }
                total++;
                if (square) {
                    squareTotal++;
                }
            }
            if (faceExact == 68) {
                exactFaces++;
            } else {
                System.out.printf("  %s %s: %d/68 exact%n", face.image().getFileName(), face.box(), faceExact);
            }
        }
        double share = (double) exact / total;
        System.out.printf("dlib oracle: %d/%d points exact (%.2f%%), %d/%d faces exact, max error %.3f px;"
                        + " detector (square) boxes: %d/%d points exact; load %d ms, %.2f ms per face"
                        + " (first calls include JIT)%n",
                exact, total, 100 * share, exactFaces, faces.size(), maxError, squareExact, squareTotal, loadMs,
                predictNs / 1e6 / faces.size());
        assertThat(squareTotal).isEqualTo(36 * 68);
        assertThat(squareExact).as("exact points on the 36 detector boxes").isEqualTo(squareTotal);
        assertThat(share).isGreaterThanOrEqualTo(0.93);
        assertThat(maxError).isLessThanOrEqualTo(3.5);
    }
}
