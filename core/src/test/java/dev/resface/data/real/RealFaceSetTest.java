package dev.resface.data.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.resface.data.CelebaDataset;
import dev.resface.data.FaceAttribute;
import dev.resface.data.Landmarks;
import dev.resface.data.SourceImages;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.evaluation.landmarks.LandmarkError;
import dev.resface.evaluation.landmarks.LandmarkEvalConfig;
import dev.resface.evaluation.landmarks.LandmarkProtocol;
import dev.resface.image.RgbImage;
import dev.resface.landmarks.ShapePredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-face set from dlib's example photos and the D0/D1 half of the landmark test on it. Needs Debian's
 * libdlib-data and libdlib19.1 (./setup.sh); fails, never skips, without them.
 */
class RealFaceSetTest {
    static final Path MODEL = Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");

    @Test
    void alignedPairsInCelebaLayoutWhereDrawnGlassesHurtTheEyes(@TempDir Path out) throws Exception {
        if (!Files.isRegularFile(MODEL)) {
            fail("missing dlib model " + MODEL + ": install Debian's libdlib-data (./setup.sh)");
        }
        ShapePredictor predictor = ShapePredictor.load(MODEL);
        List<AnnotatedFace> all = DlibExampleFaces.read(DlibExampleFaces.DEFAULT_FOLDER);
        List<AnnotatedFace> plain = RealFaceSet.withoutOwnGlasses(all);
        assertThat(all.size() - plain.size()).isEqualTo(RealFaceSet.WEARING_GLASSES.size());
        assertThat(RealFaceSet.write(out, plain, predictor)).isEqualTo(33);

        CelebaDataset set = CelebaDataset.open(out);
        assertThat(set.size()).isEqualTo(66);
        double sum = 0;
        double worst = 0;
        for (int i = 0; i < set.size(); i++) {
            assertThat(set.label(i, FaceAttribute.EYEGLASSES)).isEqualTo(i % 2 == 1);
            Landmarks l = set.landmarks(i).orElseThrow();
            for (int p = 0; p < 5; p++) {
                double d = Math.hypot(l.x(p) - CelebaTemplate.POINTS[2 * p], l.y(p) - CelebaTemplate.POINTS[2 * p + 1]);
                sum += d;
                worst = Math.max(worst, d);
            }
        }
        // aligned: the five points sit near CelebA's template; least squares leaves a few pixels, more on turned faces
        assertThat(sum / (5 * set.size())).isLessThan(6);
        assertThat(worst).isLessThan(20);
        // the pair differs only inside the mask, and the mask covers the eyes
        RgbImage face = SourceImages.read(out.resolve("counterparts/Eyeglasses/000002.png"));
        RgbImage glasses = SourceImages.read(out.resolve("counterparts/Eyeglasses/000001.png"));
        RgbImage mask = SourceImages.read(out.resolve("masks/Eyeglasses/000001.png"));
        int changedOutside = 0;
        int changedInside = 0;
        for (int i = 0; i < face.pixels().length; i++) {
            if (face.pixels()[i] != glasses.pixels()[i]) {
                if (mask.pixels()[i] == 0) {
                    changedOutside++;
                } else {
                    changedInside++;
                }
            }
        }
        assertThat(changedOutside).isZero();
        assertThat(changedInside).isGreaterThan(300);
        assertThat(mask.get(69, 111, 0)).isEqualTo(255);

        LandmarkProtocol protocol = new LandmarkProtocol(set, predictor, null,
                new LandmarkEvalConfig(out.toString(), null, MODEL.toString(), "paper", 128, 128, 0, 1));
        LandmarkProtocol.Result r = protocol.run(i -> { });
        assertThat(r.d0()).hasSize(33);
        assertThat(r.d1()).hasSize(33);
        assertThat(r.hasEdits()).isFalse();
        assertThat(r.hasPairs()).isTrue();
        LandmarkError d0 = r.d0Error();
        LandmarkError d1 = r.d1Error();
        System.out.printf("realfaces: D0 eyes %.4f rest %.4f, D1 eyes %.4f rest %.4f; %s%n", d0.eyes(), d0.rest(),
                d1.eyes(), d1.rest(), r.calibration().describe(128));
        // the detector on the aligned crop agrees with itself on the full photo about as well as the paper's D0
        assertThat(d0.eyes()).isLessThan(0.035);
        // glasses hurt the eye points much more than the rest (measured: +0.031 eyes, +0.012 rest)
        assertThat(d1.eyes() - d0.eyes()).isGreaterThan(0.02);
        assertThat(d1.eyes() - d0.eyes()).isGreaterThan(2 * (d1.rest() - d0.rest()));
    }
}
