package dev.resface.learning;

import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.SynthFaces;
import dev.resface.editing.Editor;
import dev.resface.evaluation.EditEvaluation;
import dev.resface.evaluation.EditSummary;
import dev.resface.model.Direction;
import dev.resface.model.ModelConfig;
import dev.resface.training.CelebaTrainingData;
import dev.resface.training.DataConfig;
import dev.resface.training.LossWeights;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainConfig;
import dev.resface.training.TrainingRun;
import java.io.PrintStream;
import java.nio.file.Path;

/** What the learning tests share: a short run on 1,000 SynthFaces at 32px, batch 16, and its scores. */
final class LearningRun {
    static final int ITERATIONS = Integer.getInteger("resface.learningIterations", 700);
    /** Training seed; -Dresface.learningSeed=N runs one of the seeds a test measured. */
    static final long SEED = Long.getLong("resface.learningSeed", 5);

    private LearningRun() {}

    record Trained(CelebaTrainingData data, Path run) {}

    /** @param alpha the sparsity weight at 32px (not scaled again) */
    static Trained train(Path dir, ModelConfig model, FaceAttribute attribute, double alpha, int iterations, long seed)
            throws Exception {
        Path data = dir.resolve("synth");
        SynthFaces.write(data, 1000, 11);
        TrainConfig train = new TrainConfig(attribute, iterations, 16, 2e-4, null, 0.5, 0.999,
                new LossWeights(alpha, null, false), true, null, seed, iterations, iterations, 25);
        DataConfig dataConfig = new DataConfig(data.toString(), "paper", false, null, false);
        CelebaTrainingData trainingData = new CelebaTrainingData(dataConfig, attribute, 32, 16, seed);
        RunFolder run = new RunFolder(dir.resolve("run"));
        new TrainingRun(new RunConfig(model, train, dataConfig), run, trainingData, new PrintStream(System.err))
                .run(false);
        return new Trained(trainingData, run.root());
    }

    /** One direction's means over the test faces of seed 5's balanced test set. */
    static EditSummary summary(EditEvaluation evaluation, Editor editor, Direction direction) {
        int[] faces = evaluation.faces(direction, 0, 5).indices();
        return EditSummary.of(direction, EditEvaluation.scores(evaluation.evaluate(editor.model(), direction, faces,
                i -> {})));
    }
}
