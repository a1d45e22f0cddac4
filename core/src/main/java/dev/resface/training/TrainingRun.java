package dev.resface.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.BadInputException;
import dev.resface.engine.Machine;
import dev.resface.engine.Torch;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.report.LossChart;
import dev.resface.report.MetricsLog;
import dev.resface.report.SampleGrid;
import dev.resface.util.AtomicFiles;
import dev.resface.util.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training loop around a {@link MethodTrainer}, the same for every method: run folder, live progress, metrics,
 * sample grids, atomic checkpoints, exact resume, and a clean stop on a non-finite loss.
 */
public final class TrainingRun {
    static final int SAMPLES_PER_SIDE = 4;
    private final RunConfig config;
    private final RunFolder folder;
    private final TrainingData data;
    private final PrintStream log;
    private final ProgressScorer scorer; // may be null
    private final int scoreEvery;

    public TrainingRun(RunConfig config, RunFolder folder, TrainingData data, PrintStream log) {
        this(config, folder, data, log, null, 0);
    }

    private TrainingRun(RunConfig config, RunFolder folder, TrainingData data, PrintStream log, ProgressScorer scorer,
            int scoreEvery) {
        if (data.imageSize() != config.model().imageSize()) {
            throw new IllegalArgumentException("data size " + data.imageSize() + " != model size " + config.model().imageSize());
        }
        this.config = config;
        this.folder = folder;
        this.data = data;
        this.log = log;
        this.scorer = scorer;
        this.scoreEvery = scoreEvery;
    }

    /** The same run, scored on held-out faces at the start and every {@code every} iterations into scores.jsonl. */
    public TrainingRun scoredBy(ProgressScorer scorer, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("score interval must be positive, got " + every);
        }
        return new TrainingRun(config, folder, data, log, scorer, every);
    }

    /** Trains to config.train().iterations(); with resume, continues from the run's checkpoint. Returns the last iteration. */
    public long run(boolean resume) throws IOException {
        Files.createDirectories(folder.samples());
        if (!resume) {
            folder.requireNoTrainedRun();
        }
        Machine here = Machine.current();
        if (resume && config.machine() != null && !config.machine().equals(here)) {
            log.println("note: this run last trained on " + config.machine().line() + "; resuming elsewhere continues it,"
                    + " but bit for bit only on the same CPU model, thread count and libtorch build");
        }
        config.onMachine(here).write(folder.root());
        Torch.seed(config.train().seed());
        try (NDManager manager = Torch.newManager()) {
            MethodTrainer trainer = Methods.trainer(config, manager);
            return train(trainer, manager, resume);
        }
    }

    private long train(MethodTrainer trainer, NDManager manager, boolean resume) throws IOException {
        TrainConfig t = config.train();
        int size = config.model().imageSize();
        try (EditingModel model = trainer.model()) {
            long done = resume && Files.exists(folder.checkpoint()) ? Checkpoint.loadTraining(folder.checkpoint(), trainer) : 0;
            MetricsWriter metrics = new MetricsWriter(folder.metrics());
            metrics.truncateAfter(done);
            MetricsWriter scores = new MetricsWriter(folder.scores());
            scores.truncateAfter(done);
            if (!resume) {
                Files.deleteIfExists(folder.metrics());
                Files.deleteIfExists(folder.scores());
            }
            log.printf("%s%n%s%n%s%s%n", Torch.describe(), data.describe(), trainer.describe(),
                    done > 0 ? "; resuming after iteration " + done : "");
            float[] sample0 = data.sampleNegatives(SAMPLES_PER_SIDE);
            float[] sample1 = data.samplePositives(SAMPLES_PER_SIDE);
            long started = System.nanoTime();
            long last = done;
            if (scorer != null && done == 0) {
                trainer.readyToEdit(data);
                scores.append(0, scorer.score(model));
            }
            try (Progress bar = Progress.bar("train " + t.attribute().celebaName(), t.iterations())) {
                bar.stepTo(done);
                for (long it = done; it < t.iterations(); it++) {
                    StepLosses losses;
                    try (NDManager step = manager.newSubManager()) {
                        NDArray x0 = step.create(data.negatives(it), new Shape(t.batchSize(), 3, size, size));
                        NDArray x1 = step.create(data.positives(it), new Shape(t.batchSize(), 3, size, size));
                        losses = trainer.step(x0, x1);
                    }
                    long iteration = it + 1;
                    if (!losses.allFinite()) {
                        throw new TrainingDiverged("loss became non-finite at iteration " + iteration + " (" + losses.asMap()
                                + "); the last good checkpoint, iteration " + last + ", is kept in " + folder.checkpoint()
                                + ". Try a lower --lr or different --alpha.");
                    }
                    bar.step();
                    bar.setExtraMessage(" " + losses.brief());
                    if (iteration % t.logEvery() == 0 || iteration == t.iterations()) {
                        double rate = (iteration - done) / ((System.nanoTime() - started) / 1e9);
                        metrics.append(iteration, losses, rate);
                    }
                    boolean sample = iteration % t.sampleEvery() == 0 || iteration == t.iterations();
                    boolean score = scorer != null && (iteration % scoreEvery == 0 || iteration == t.iterations());
                    if (sample || score) {
                        trainer.readyToEdit(data);
                    }
                    if (sample) {
                        writeSamples(model, sample0, sample1, folder.sample(iteration));
                    }
                    if (score) {
                        scores.append(iteration, scorer.score(model));
                    }
                    if (iteration % t.checkpointEvery() == 0 || iteration == t.iterations()) {
                        Checkpoint.save(folder.checkpoint(), trainer, iteration);
                        last = iteration;
                    }
                }
            }
            trainer.finish(data, folder);
            writeLossCurves();
            return t.iterations();
        }
    }

    private void writeSamples(EditingModel model, float[] x0, float[] x1, Path png) throws IOException {
        int k = SAMPLES_PER_SIDE;
        float[] r0 = model.changes(Direction.ADD, x0, k, 1f);
        float[] r1 = model.changes(Direction.REMOVE, x1, k, 1f);
        int size = model.imageSize();
        new SampleGrid(size, examples(x0, r0, k, size), examples(x1, r1, k, size)).save(png);
        AtomicFiles.write(folder.root().resolve("samples-latest.png"), out -> Files.copy(png, out));
    }

    static List<SampleGrid.Example> examples(float[] x, float[] r, int k, int size) {
        int n = 3 * size * size;
        List<SampleGrid.Example> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new SampleGrid.Example(
                    Arrays.copyOfRange(x, i * n, (i + 1) * n), Arrays.copyOfRange(r, i * n, (i + 1) * n)));
        }
        return out;
    }

    private void writeLossCurves() throws IOException {
        var series = MetricsLog.read(folder.metrics());
        series.remove("it_per_s");
        new LossChart(900, 600).smoothing(5).save(folder.lossCurves(), LossChart.panelsByPrefix(series));
        if (Files.exists(folder.scores())) {
            new LossChart(900, 400).save(folder.scoreCurves(), LossChart.panelsByStem(MetricsLog.read(folder.scores())));
        }
    }

    /** A run stopped because a loss became NaN or infinite. */
    public static final class TrainingDiverged extends BadInputException {
        TrainingDiverged(String message) {
            super(message);
        }
    }
}
