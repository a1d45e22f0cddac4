package dev.resface.faceapi;

import java.nio.file.Path;

/** Where ./setup.sh installs the npm package {@code @vladmandic/face-api}: under the checkout's {@code assets/}. */
public final class FaceApiPackage {
    private FaceApiPackage() {}

    /** The package folder; the launcher passes the checkout as {@code resface.home}, else the working directory. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("resface.home", "."))
                .resolve("assets/npm/node_modules/@vladmandic/face-api");
    }

    /** The folder holding the TF.js weights. */
    public static Path models(Path packageDir) {
        return packageDir.resolve("model");
    }
}
