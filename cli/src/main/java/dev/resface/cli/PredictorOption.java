package dev.resface.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The dlib landmark model every landmark command reads. */
final class PredictorOption {
    @Option(names = "--predictor", description = "dlib 68-point model file (default ${DEFAULT-VALUE}, from Debian's libdlib-data)")
    Path file = Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");
}
