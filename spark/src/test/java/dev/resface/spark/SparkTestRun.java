package dev.resface.spark;

import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.SynthFaces;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.training.CelebaTrainingData;
import dev.resface.training.DataConfig;
import dev.resface.training.LossWeights;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainConfig;
import dev.resface.training.TrainingRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The run the Spark tests edit with: one 32px iteration from a random last conv, weights whose edits show. */
final class SparkTestRun {
    static final Path FACE_API = Path.of("../assets/npm/node_modules/@vladmandic/face-api");
    static final Path PREDICTOR = Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat");

    private SparkTestRun() {}

    /** Trains into {@code dir/run} on SynthFaces drawn into {@code dir/synth}; returns the run folder. */
    static Path train(Path dir) throws Exception {
        Torch.start();
        Path data = dir.resolve("synth");
        SynthFaces.write(data, 160, 1);
        Path runDir = dir.resolve("run");
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false, 3);
        TrainConfig train = new TrainConfig(FaceAttribute.EYEGLASSES, 1, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(null, null, true), true, null, 1, 1, 1, 1);
        DataConfig dataConfig = new DataConfig(data.toString(), "paper", true, null, false);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        new TrainingRun(new RunConfig(model, train, dataConfig), new RunFolder(runDir),
                new CelebaTrainingData(dataConfig, FaceAttribute.EYEGLASSES, 32, 2, 1), quiet).run(false);
        return runDir;
    }
}
