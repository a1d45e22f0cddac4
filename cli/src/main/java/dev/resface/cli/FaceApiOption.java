package dev.resface.cli;

import dev.resface.faceapi.FaceApiPackage;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The installed face-api package, for the commands that find faces in photos with its detector. */
final class FaceApiOption {
    @Option(names = "--face-api", description = "the npm package @vladmandic/face-api, whose detector finds the faces"
            + " (default: installed by ./setup.sh under assets/)")
    Path dir;

    Path resolved() {
        return dir != null ? dir : FaceApiPackage.defaultDir();
    }
}
