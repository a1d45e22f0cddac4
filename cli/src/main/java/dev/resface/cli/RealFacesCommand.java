package dev.resface.cli;

import dev.resface.data.real.DlibExampleFaces;
import dev.resface.engine.Torch;
import dev.resface.photo.DemoPhotoFaces;
import dev.resface.photo.FaceFinder;
import dev.resface.data.real.RealFaceSet;
import dev.resface.landmarks.ShapePredictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "realfaces", mixinStandardHelpOptions = true,
        description = "Real faces with and without synthetic eyeglasses, aligned like CelebA, in CelebA layout with pairs"
                + " (from dlib's example photos and face-api's demo photos, installed by ./setup.sh).")
final class RealFacesCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "folder to write the set into")
    Path out;

    @Option(names = "--faces", description = "dlib's example folder with the annotated XML files (default ${DEFAULT-VALUE})")
    Path faces = DlibExampleFaces.DEFAULT_FOLDER;

    @Option(names = "--face-api-photos", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "add the faces of face-api's demo photos, found as 'edit --photo' finds faces (default: on)")
    boolean faceApiPhotos;

    @Mixin
    FaceApiOption faceApi;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() throws Exception {
        List<DlibExampleFaces.AnnotatedFace> all = new ArrayList<>(DlibExampleFaces.read(faces));
        int fromDemo = 0;
        if (faceApiPhotos) {
            Path pkg = faceApi.resolved();
            Torch.start();
            try (FaceFinder finder = FaceFinder.load(pkg, predictor.file)) {
                List<DlibExampleFaces.AnnotatedFace> demo = DemoPhotoFaces.find(pkg, finder);
                fromDemo = demo.size();
                all.addAll(demo);
            }
        }
        List<DlibExampleFaces.AnnotatedFace> plain = RealFaceSet.withoutOwnGlasses(all);
        int n = RealFaceSet.write(out, plain, ShapePredictor.load(predictor.file));
        System.err.printf("wrote %d real faces (%d from face-api's demo photos), each with and without eyeglasses"
                + " (%d images), to %s (%d faces that already wear glasses left out)%n", n, fromDemo, 2 * n, out,
                all.size() - plain.size());
        return 0;
    }
}
