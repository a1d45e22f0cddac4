package dev.resface.experiment;

import dev.resface.BadInputException;
import dev.resface.evaluation.RunEvaluation;
import dev.resface.training.CelebaTrainingData;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainingRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains and scores every configuration under one budget, for seeds 1..N, seed by seed (so the first complete
 * comparison comes early). Resumable at every level: a scored run is read back, a trained one only scored, a
 * half-trained one continued from its checkpoint.
 */
public final class ExperimentRunner {
    /**
     * @param base the shared run (budget, size, width, batch, data); each configuration changes it, each seed reseeds it
     * @param classifier classifier folder for success rates and the Male shift, or null
     * @param perClass test faces per direction (0 = all)
     */
    public record Options(RunConfig base, List<Configuration> configurations, int seeds, Path classifier, int perClass,
            Path out) {}

    /** Told when a run has been trained and scored (not when it was read back); tests use it. */
    @FunctionalInterface
    public interface Listener {
        void scored(RunResult result);
    }

    private ExperimentRunner() {}

    public static Path runFolder(Path out, String configuration, long seed) {
        return out.resolve("runs").resolve(configuration + "-s" + seed);
    }

    static RunConfig configured(Options o, Configuration c, long seed) {
        return c.apply().apply(o.base().withTrain(o.base().train().withSeed(seed)));
    }

    public static List<RunResult> run(Options o, PrintStream log, Listener listener) throws IOException {
        List<RunResult> results = new ArrayList<>();
        for (long seed = 1; seed <= o.seeds(); seed++) {
            for (Configuration c : o.configurations()) {
                Path dir = runFolder(o.out(), c.id(), seed);
                RunResult done = RunResult.read(dir);
                if (done != null) {
                    requireSameRun(new RunFolder(dir), configured(o, c, seed));
                    log.printf("experiment: %s seed %d already scored%n", c.id(), seed);
                    results.add(done);
                    continue;
                }
                log.printf("experiment: %s seed %d%n", c.id(), seed);
                RunResult r = trainAndScore(o, c, seed, dir, log);
                results.add(r);
                listener.scored(r);
            }
        }
        return results;
    }

    /** A run folder left by an experiment with other settings must not be continued (or read back) as this one. */
    private static void requireSameRun(RunFolder folder, RunConfig config) {
        if (Files.exists(folder.config()) && !RunConfig.read(folder.root()).onMachine(null).equals(config.onMachine(null))) {
            throw BadInputException.at(folder.config(), "holds a run with other settings than this experiment's (another"
                    + " budget, data or seed?); choose another --out or remove it");
        }
    }

    private static RunResult trainAndScore(Options o, Configuration c, long seed, Path dir, PrintStream log)
            throws IOException {
        RunConfig config = configured(o, c, seed);
        RunFolder folder = new RunFolder(dir);
        requireSameRun(folder, config);
        CelebaTrainingData data = new CelebaTrainingData(config.data(), config.train().attribute(),
                config.model().imageSize(), config.train().batchSize(), seed);
        long started = System.nanoTime();
        new TrainingRun(config, folder, data, log).run(Files.exists(folder.checkpoint()));
        double seconds = (System.nanoTime() - started) / 1e9;
        RunEvaluation.Result scored = RunEvaluation.run(new RunEvaluation.Options(dir, Path.of(config.data().data()),
                config.data().skipBad(), o.classifier(), null, o.perClass(), seed, dir.resolve("eval")));
        RunResult r = new RunResult(c.id(), seed, config.train().iterations(), seconds,
                RunResult.metrics(scored.add()), RunResult.metrics(scored.remove()));
        r.write(dir);
        return r;
    }
}
