package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.model.Direction;
import dev.resface.photo.FaceFinder;
import dev.resface.spark.ClusterFiles;
import dev.resface.spark.SparkEditBenchmark;
import dev.resface.spark.SparkEditConfig;
import dev.resface.spark.SparkEditJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "spark-edit", mixinStandardHelpOptions = true,
        description = "Edit every face of a photo collection as an Apache Spark job (local[*] unless --master or"
                + " spark-submit says otherwise): edited photos under OUT/photos, a Parquet row per photo in"
                + " OUT/results; a rerun on the same OUT skips the photos already done. Run through ./resface, which"
                + " puts Spark on the class path.")
final class SparkEditCommand implements Callable<Integer> {
    @Option(names = "--photo", paramLabel = "PATH", description = "a folder of photos, or a text file of photo paths"
            + " (one a line); local, or hdfs://, s3a://, file:// through Spark's Hadoop client")
    String photo;

    @Option(names = "--crops", arity = "0..1", fallbackValue = "", paramLabel = "PATH", description = "a folder of"
            + " aligned face crops (CelebA 178x218 or square), or a text file of their paths: edited as they are,"
            + " without finding faces")
    String crops;

    @Option(names = "--input", paramLabel = "PATH", description = "the old name of --photo, kept for one version;"
            + " with a bare --crops, of --crops PATH")
    String input;

    @Option(names = {"--model", "--runs"}, required = true, split = ",", description = "run folders, applied in turn"
            + " (comma-separated or repeated); every executor must be able to read them; --runs is the old name, kept"
            + " for one version")
    List<Path> runs;

    @Option(names = "--out", required = true, description = "output folder: photos/, results/ (Parquet), config.json;"
            + " local, or hdfs://, s3a://, file://")
    String out;

    @Mixin
    EditChoice choice;

    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting for the job, as spark-submit's"
            + " --conf (repeatable), e.g. --conf spark.executor.memory=4g")
    List<String> conf = List.of();

    @Option(names = "--chunk", defaultValue = "1000", description = "photos per Spark job; a killed job loses at most one chunk (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--retry-errors", description = "edit again the photos whose rows in OUT/results are errors (a"
            + " file since fixed, an executor that ran out of memory); their new rows replace the old")
    boolean retryErrors;

    @Option(names = "--bench", description = "instead: run the job into OUT/spark, then the same photos through a plain"
            + " one-thread loop of the same per-photo work into OUT/loop, and print photos/s for both")
    boolean bench;

    @Mixin
    FaceApiOption faceApi;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() throws Exception {
        float strength = choice.strength();
        if (chunk < 1) {
            throw new BadInputException("--chunk must be positive, got " + chunk);
        }
        boolean bareCrops = "".equals(crops);
        String cropPath = crops != null && !bareCrops ? crops : bareCrops ? input : null;
        String photoPath = photo != null ? photo : bareCrops ? null : input;
        if ((cropPath == null) == (photoPath == null) || (photo != null && input != null)) {
            throw new BadInputException("give either --photo PATH or --crops PATH");
        }
        String source = cropPath != null ? cropPath : photoPath;
        // A remote one is checked by the job, through the cluster's file system.
        if (!ClusterFiles.remote(source) && !Files.exists(Path.of(source))) {
            throw new BadInputException(source + ": no such folder or path list");
        }
        Direction d = choice.direction();
        Torch.start();
        // Checked here, before Spark starts, so that a bad run or model is one line, not a failed task on a cluster.
        for (Path run : runs) {
            Editor.open(run).close();
        }
        if (cropPath == null) {
            FaceFinder.load(faceApi.resolved(), predictor.file).close();
        }
        requireSpark();
        // Spark reads every spark.* system property into the session it builds, as spark-submit's --conf does.
        SparkEditJob.settings(conf).forEach(System::setProperty);
        SparkEditConfig config = new SparkEditConfig(ClusterFiles.absolute(source),
                runs.stream().map(r -> r.toAbsolutePath().toString()).toList(), ClusterFiles.absolute(out), d,
                strength, cropPath != null, faceApi.resolved().toAbsolutePath().toString(),
                predictor.file.toAbsolutePath().toString(), master, chunk);
        if (bench) {
            SparkEditBenchmark.run(config, System.out);
            return 0;
        }
        SparkEditJob.Summary s = SparkEditJob.run(config, retryErrors, System.err);
        System.err.printf("spark-edit: %d photo(s) edited now in %.1f s, %d skipped as done; the table holds %d ok"
                + " (%d faces), %d without a face, %d errors: %s%n", s.now(), s.seconds(), s.skipped(), s.ok(), s.faces(),
                s.noFace(), s.error(), ClusterFiles.resolve(ClusterFiles.absolute(out), "results"));
        return 0;
    }

    /** Spark is the cluster's, or, locally, the copy the launcher adds: resface's own jar does not carry it. */
    private static void requireSpark() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkEditCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new BadInputException("spark-edit needs Spark on the class path: run it as ./resface spark-edit"
                    + " (which adds spark/target/spark-libs), or under spark-submit");
        }
    }
}
