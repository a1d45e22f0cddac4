package dev.resface.landmarks;

import dev.resface.BadInputException;
import dev.resface.data.SourceImages;
import dev.resface.data.real.DlibExampleFaces;
import dev.resface.data.real.DlibExampleFaces.AnnotatedFace;
import dev.resface.image.RgbImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Times reading dlib's model file and predicting one face, on dlib's own example faces. */
public final class LandmarkBenchmark {
    private LandmarkBenchmark() {}

    public static void run(Path model, Path examples, int rounds, PrintStream out) {
        long t0 = System.nanoTime();
        ShapePredictor sp = ShapePredictor.load(model);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        List<AnnotatedFace> faces = DlibExampleFaces.read(examples);
        Map<Path, RgbImage> photos = new HashMap<>();
        List<RgbImage> images = new ArrayList<>();
        for (AnnotatedFace f : faces) {
            images.add(photos.computeIfAbsent(f.image(), LandmarkBenchmark::read));
        }
        // the first round warms the JIT up and is not counted
        long timed = 0;
        for (int r = 0; r <= rounds; r++) {
            long s = System.nanoTime();
            for (int i = 0; i < faces.size(); i++) {
                sp.predict(images.get(i), faces.get(i).box());
            }
            if (r > 0) {
                timed += System.nanoTime() - s;
            }
        }
        out.printf(Locale.ROOT, "landmarks  model load %.0f ms (target < 2000); %.2f ms per face (target < 5),"
                + " %d faces x %d rounds%n", loadMs, timed / 1e6 / (faces.size() * (double) rounds), faces.size(),
                rounds);
    }

    private static RgbImage read(Path file) {
        try {
            return SourceImages.readAny(file);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(file, e.getMessage());
        }
    }
}
