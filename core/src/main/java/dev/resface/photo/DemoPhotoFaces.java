package dev.resface.photo;

import dev.resface.BadInputException;
import dev.resface.data.SourceImages;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The faces of face-api's demo photos ({@code demo/*.jpg} of the npm package: six group photos, 22 faces, none with
 * glasses), found as {@code edit --photo} finds faces, for the real-face set: faces larger and better lit than
 * dlib's example photos, from another source.
 */
public final class DemoPhotoFaces {
    private DemoPhotoFaces() {}

    /** Every face of every demo photo, photos in name order, each photo's faces best detection first. */
    public static List<AnnotatedFace> find(Path faceApiPackage, FaceFinder finder) throws IOException {
        Path demo = faceApiPackage.resolve("demo");
        List<Path> photos;
        try (Stream<Path> s = Files.list(demo)) {
            photos = s.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.at(demo, "cannot list the demo photos: install @vladmandic/face-api with ./setup.sh");
        }
        List<AnnotatedFace> faces = new ArrayList<>();
        for (Path photo : photos) {
            try {
                for (PhotoFace f : finder.find(SourceImages.readAny(photo))) {
                    int[] points = new int[f.landmarks().length];
                    for (int i = 0; i < points.length; i++) {
                        points[i] = (int) Math.round(f.landmarks()[i]);
                    }
                    faces.add(new AnnotatedFace(photo, f.landmarkBox(), points));
                }
            } catch (SourceImages.BadImageException e) {
                throw BadInputException.at(photo, e.getMessage());
            }
        }
        return faces;
    }
}
