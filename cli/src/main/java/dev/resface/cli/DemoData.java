package dev.resface.cli;

import dev.resface.classifier.AttributeClassifier;
import dev.resface.classifier.ClassifierConfig;
import dev.resface.classifier.ClassifierTraining;
import dev.resface.data.CelebaLayout;
import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.SynthConfig;
import dev.resface.data.synth.SynthFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The demo's SynthFaces and the classifier that judges edits of them: made once in a folder, read back after. */
final class DemoData {
    private DemoData() {}

    /** {@code folder/synth} with {@code faces} faces of this seed, drawn unless a complete set is there. */
    static Path faces(Path folder, int faces, long seed) throws IOException {
        Path data = folder.resolve("synth");
        if (!complete(data, faces)) {
            SynthFaces.write(data, faces, seed, SynthConfig.defaults());
        }
        return data;
    }

    /** {@code folder/classifier}, trained on {@code data} for all six attributes unless it is there already. */
    static Path classifier(Path folder, Path data, long seed) throws IOException {
        Path classifier = folder.resolve("classifier");
        if (!Files.exists(classifier.resolve(AttributeClassifier.WEIGHTS))) {
            System.out.print(ClassifierTraining.table(ClassifierTraining.run(classifierConfig(data, seed), classifier)));
        }
        return classifier;
    }

    /** Small and quick (about a minute here): 32px is enough to tell the six attributes of SynthFaces apart. */
    private static ClassifierConfig classifierConfig(Path data, long seed) {
        return new ClassifierConfig(data.toAbsolutePath().toString(), List.of(FaceAttribute.values()), "paper", false,
                32, 0.5, 3000, 32, 1e-3, 0, seed);
    }

    private static boolean complete(Path data, int faces) throws IOException {
        Path attributes = new CelebaLayout(data).attributes();
        return Files.exists(data.resolve(SynthFaces.README)) && Files.exists(attributes)
                && Files.readAllLines(attributes).get(0).trim().equals(String.valueOf(faces));
    }
}
