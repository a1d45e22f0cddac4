package dev.resface.photo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.CelebaDataset;
import dev.resface.data.Landmarks;
import dev.resface.data.real.CelebaTemplate;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.data.real.RealFaceSet;
import dev.resface.faceapi.FaceApiFixture;
import dev.resface.landmarks.ShapePredictor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** face-api's demo photos as real faces: found, landmarked and aligned as photos are for editing. */
class DemoPhotoFacesTest {
    @Test
    void theSixGroupPhotosGiveTwentyTwoAlignedFaces(@TempDir Path out) throws Exception {
        List<AnnotatedFace> faces;
        FaceApiFixture.models(); // fails, naming ./setup.sh, without the package
        try (FaceFinder finder = FaceFinder.load(DlibBoxCalibration.PACKAGE, DlibBoxCalibration.predictor())) {
            faces = DemoPhotoFaces.find(DlibBoxCalibration.PACKAGE, finder);
        }
        Map<String, Integer> perPhoto = new TreeMap<>();
        faces.forEach(f -> perPhoto.merge(f.image().getFileName().toString(), 1, Integer::sum));
        // as face-api itself finds them (the detector's fixture)
        assertThat(perPhoto).containsExactly(Map.entry("sample1.jpg", 3), Map.entry("sample2.jpg", 3),
                Map.entry("sample3.jpg", 3), Map.entry("sample4.jpg", 4), Map.entry("sample5.jpg", 5),
                Map.entry("sample6.jpg", 4));
        assertThat(RealFaceSet.withoutOwnGlasses(faces)).hasSize(22);
        assertThat(RealFaceSet.write(out, faces, ShapePredictor.load(DlibBoxCalibration.predictor()))).isEqualTo(22);
        CelebaDataset set = CelebaDataset.open(out);
        double sum = 0;
        for (int i = 0; i < set.size(); i++) {
            Landmarks l = set.landmarks(i).orElseThrow();
            for (int p = 0; p < 5; p++) {
                sum += Math.hypot(l.x(p) - CelebaTemplate.POINTS[2 * p], l.y(p) - CelebaTemplate.POINTS[2 * p + 1]);
            }
        }
        // aligned: the five points sit near CelebA's template, as on dlib's faces (RealFaceSetTest: below 6 px)
        assertThat(sum / (5 * set.size())).isLessThan(6);
    }
}
