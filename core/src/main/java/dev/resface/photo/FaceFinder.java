package dev.resface.photo;

import dev.resface.BadInputException;
import dev.resface.data.real.CelebaTemplate;
import dev.resface.faceapi.DetectedFace;
import dev.resface.faceapi.FaceApiPackage;
import dev.resface.faceapi.SsdMobilenetV1;
import dev.resface.image.RgbImage;
import dev.resface.landmarks.CelebaPoints;
import dev.resface.landmarks.ShapePredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every face of a photo, located as CelebA's faces were: detected (face-api's SSD MobileNet v1), 68 landmarks
 * (dlib's predictor on a box derived from the detection), the five CelebA points, and the similarity onto CelebA's
 * template. Not thread-safe: one per thread.
 */
public final class FaceFinder implements AutoCloseable {
    private final SsdMobilenetV1 detector;
    private final ShapePredictor predictor;
    /** A few photos: the web page's slider re-sends the one it shows. */
    private final RecentFaces recent = new RecentFaces(4);

    private FaceFinder(SsdMobilenetV1 detector, ShapePredictor predictor) {
        this.detector = detector;
        this.predictor = predictor;
    }

    /**
     * @param faceApiPackage the installed {@code @vladmandic/face-api} (its detector weights)
     * @param predictorFile dlib's {@code shape_predictor_68_face_landmarks.dat}
     */
    public static FaceFinder load(Path faceApiPackage, Path predictorFile) {
        Path models = FaceApiPackage.models(faceApiPackage);
        if (!Files.isDirectory(models)) {
            throw BadInputException.at(models, "not found: install @vladmandic/face-api with ./setup.sh");
        }
        if (!Files.isRegularFile(predictorFile)) {
            throw BadInputException.at(predictorFile, "not found: install Debian's libdlib-data with ./setup.sh");
        }
        ShapePredictor predictor = ShapePredictor.load(predictorFile);
        return new FaceFinder(SsdMobilenetV1.load(models), predictor);
    }

    /** The faces, best detection first; none is an empty list. The same pixels as lately get the same list back. */
    public List<PhotoFace> find(RgbImage photo) {
        return recent.get(photo, this::locate);
    }

    private List<PhotoFace> locate(RgbImage photo) {
        List<PhotoFace> faces = new ArrayList<>();
        for (DetectedFace d : detector.detect(photo)) {
            var box = DlibBox.fromDetection(d);
            double[] landmarks = predictor.predict(photo, box);
            double[] five = CelebaPoints.fromIbug68(landmarks);
            faces.add(new PhotoFace(d, box, landmarks, five, CelebaTemplate.toTemplate(five)));
        }
        return faces;
    }

    @Override
    public void close() {
        detector.close();
    }
}
