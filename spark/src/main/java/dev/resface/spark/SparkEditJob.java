package dev.resface.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import dev.resface.BadInputException;
import dev.resface.util.PrettyJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The driver of {@code resface spark-edit}: the input's paths less those already in the results table, split into
 * chunks, each chunk one Spark job whose rows are appended to the table when it commits. A rerun on the same output
 * folder therefore goes on where a killed one stopped, losing at most one chunk.
 */
public final class SparkEditJob {
    static final String RESULTS = "results";
    static final String PHOTOS = "photos";
    static final String CONFIG = "config.json";

    /**
     * The results table after a job: its rows by status and the faces in them (earlier runs' rows included), the
     * photos this job edited, those it skipped as done before, and its wall time.
     */
    public record Summary(long ok, long noFace, long error, long faces, long now, long skipped, double seconds) {}

    private SparkEditJob() {}

    public static Summary run(SparkEditConfig config, PrintStream log) throws IOException {
        return run(config, false, log);
    }

    /** @param retryErrors edit again the photos whose rows are errors, their rows replaced by the new ones */
    public static Summary run(SparkEditConfig config, boolean retryErrors, PrintStream log) throws IOException {
        String out = ClusterFiles.absolute(config.out());
        long t0 = System.nanoTime();
        try (SparkSession spark = session(config)) {
            ClusterFiles files = new ClusterFiles(spark.sparkContext().hadoopConfiguration());
            Dataset<String> all;
            boolean anyDone;
            String results = ClusterFiles.resolve(out, RESULTS);
            try {
                if (files.exists(out) && !files.isDirectory(out)) {
                    throw new BadInputException(out + ": --out is a file, not a folder");
                }
                checkSameEdit(config, out, files);
                all = paths(spark, config, files);
                // Written once the input is known good, so that a refused job leaves no folder behind.
                files.mkdirs(ClusterFiles.resolve(out, PHOTOS));
                files.writeString(ClusterFiles.resolve(out, CONFIG), PrettyJson.text(config));
                finishReplacing(out, files);
                anyDone = files.isDirectory(results);
            } catch (IOException e) {
                // An input or output the driver cannot read or write (a file system out of reach, a refused
                // permission): one line naming it (ClusterFiles puts the path first).
                throw new BadInputException(e.getMessage(), e);
            }
            if (anyDone && retryErrors) {
                long dropped = dropErrorRows(spark, out, all, files);
                log.printf("spark-edit: %d error row(s) taken out of the table, to be edited again%n", dropped);
            }
            Dataset<String> pending = all;
            if (anyDone) {
                Dataset<Row> done = table(spark, results).select(col("path"));
                pending = all.join(done, all.col("value").equalTo(done.col("path")), "left_anti").as(Encoders.STRING());
            }
            long total = all.count();
            long todo = pending.count();
            int chunks = (int) Math.max(1, (todo + config.chunk() - 1) / config.chunk());
            log.printf("spark-edit: %d photos, %d already done, %d to edit in %d chunk(s) on %s%n", total, total - todo,
                    todo, chunks, spark.sparkContext().master());
            int parallelism = spark.sparkContext().defaultParallelism();
            for (int k = 0; k < chunks && todo > 0; k++) {
                Dataset<String> chunk = pending.filter(pmod(hash(col("value")), lit(chunks)).equalTo(k))
                        .repartition(parallelism);
                try {
                    chunk.mapPartitions(new PhotoEditTask(config, files), Encoders.row(PhotoRow.SCHEMA))
                            .write().mode(SaveMode.Append).parquet(results);
                } catch (Exception e) {
                    // Scala throws SparkException, a checked exception, without declaring it
                    if (e instanceof SparkException) {
                        throw new BadInputException(chunkFailed(k + 1, chunks, out, e), e);
                    }
                    throw e;
                }
                log.printf("spark-edit: chunk %d/%d written%n", k + 1, chunks);
            }
            return summary(spark, results, todo, total - todo, t0);
        }
    }

    /**
     * Rewrites the table without the error rows of this job's photos, so that those are pending again and their new
     * rows replace them: written beside it ({@code results.next}), then swapped in. A job killed at any point leaves
     * a table whose error rows are either all there or all gone, each of which a rerun goes on from.
     */
    private static long dropErrorRows(SparkSession spark, String out, Dataset<String> photos, ClusterFiles files)
            throws IOException {
        Dataset<Row> table = table(spark, ClusterFiles.resolve(out, RESULTS));
        Dataset<Row> retried = table.filter(col("status").equalTo(PhotoRow.ERROR))
                .join(photos, table.col("path").equalTo(photos.col("value")), "left_semi").select(col("path").as("retried"));
        long errors = retried.count();
        if (errors == 0) {
            return 0;
        }
        String next = ClusterFiles.resolve(out, RESULTS + ".next");
        files.delete(next);
        // Named apart: both sides come from the same table, where path = path would be a trivially true condition.
        table.join(retried, table.col("path").equalTo(retried.col("retried")), "left_anti").write().parquet(next);
        files.move(ClusterFiles.resolve(out, RESULTS), ClusterFiles.resolve(out, RESULTS + ".old"));
        finishReplacing(out, files);
        return errors;
    }

    /** Completes a replacement of the table that a killed job left half done, and clears what it left behind. */
    private static void finishReplacing(String out, ClusterFiles files) throws IOException {
        String results = ClusterFiles.resolve(out, RESULTS);
        String next = ClusterFiles.resolve(out, RESULTS + ".next");
        if (!files.exists(results) && files.exists(ClusterFiles.resolve(next, "_SUCCESS"))) {
            files.move(next, results);
        }
        files.delete(next);
        files.delete(ClusterFiles.resolve(out, RESULTS + ".old"));
    }

    /**
     * The results table as written so far. Its schema is given, not inferred: a job that died before its first chunk
     * committed leaves a folder with only Spark's {@code _temporary} in it, from which Parquet can infer nothing, and
     * that is an empty table.
     */
    private static Dataset<Row> table(SparkSession spark, String results) {
        return spark.read().schema(PhotoRow.SCHEMA).parquet(results);
    }

    private static Summary summary(SparkSession spark, String results, long now, long skipped, long t0) {
        List<Row> counts = table(spark, results).groupBy("status").agg(
                org.apache.spark.sql.functions.count(lit(1)), org.apache.spark.sql.functions.sum("faces")).collectAsList();
        long ok = 0;
        long noFace = 0;
        long error = 0;
        long faces = 0;
        for (Row r : counts) {
            long n = r.getLong(1);
            faces += r.isNullAt(2) ? 0 : r.getLong(2);
            switch (r.getString(0)) {
                case PhotoRow.OK -> ok = n;
                case PhotoRow.NO_FACE -> noFace = n;
                default -> error = n;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Summary(ok, noFace, error, faces, now, skipped, seconds);
    }

    private static SparkSession session(SparkEditConfig config) {
        String master = config.master() != null ? config.master() : System.getProperty("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName("resface spark-edit").master(master);
        if (master.startsWith("local")) {
            b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4");
        }
        jarToShip(master, System.getProperty("spark.jars"), ownLocation()).ifPresent(jar -> b.config("spark.jars", jar));
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * One line for a chunk the cluster could not run (a bad photo is a row, never this): the deepest reason Spark
     * gives, and where the work done so far is. What fails here is the cluster's set-up (executors that cannot start,
     * lack resface's classes or memory), which the user can fix and rerun.
     */
    static String chunkFailed(int chunk, int chunks, String out, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        int newline = reason.indexOf('\n');
        reason = newline < 0 ? reason : reason.substring(0, newline);
        String what = root.getClass().getSimpleName();
        return "spark-edit: the cluster could not run chunk " + chunk + " of " + chunks + ": " + what + ": "
                + reason.strip() + "; the chunks before it are kept in " + ClusterFiles.resolve(out, RESULTS)
                + ", and a rerun on the same --out goes on from there";
    }

    /** {@code --conf KEY=VALUE} settings, in order; each key a Spark one ({@code spark.*}), as spark-submit takes them. */
    public static Map<String, String> settings(List<String> pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq).strip();
            if (eq < 0 || !key.startsWith("spark.") || key.length() == "spark.".length()) {
                throw new BadInputException("--conf " + pair + ": expected KEY=VALUE with a Spark key (spark.*), such as"
                        + " spark.executor.memory=4g");
            }
            settings.put(key, pair.substring(eq + 1));
        }
        return settings;
    }

    /**
     * The jar executors must fetch to run this job's code: resface's own, when a cluster master is named outside
     * spark-submit (which sets {@code spark.jars} itself) and this code runs from a jar. Without it every task failed
     * with a ClassCastException of a SerializedLambda: the executors had no resface class to deserialise into.
     */
    static Optional<String> jarToShip(String master, String jarsAlready, Path ownLocation) {
        boolean cluster = !master.startsWith("local");
        boolean jar = ownLocation != null && ownLocation.toString().endsWith(".jar") && Files.isRegularFile(ownLocation);
        return cluster && jarsAlready == null && jar ? Optional.of(ownLocation.toString()) : Optional.empty();
    }

    /** The jar (or classes folder) this class was loaded from; null where the JVM does not say. */
    private static Path ownLocation() {
        try {
            var source = SparkEditJob.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A folder's files (all of them: a non-image is an error row, not a silent skip), listed on the driver; or a
     * text file of paths, which Spark reads and partitions itself, for collections too large to list here. Relative
     * paths in the list are the list's folder's, remote or local.
     */
    static Dataset<String> paths(SparkSession spark, SparkEditConfig config, ClusterFiles files) throws IOException {
        String input = ClusterFiles.absolute(config.input());
        if (files.isDirectory(input)) {
            return spark.createDataset(files.filesUnder(input), Encoders.STRING());
        }
        if (!files.isFile(input)) {
            throw new BadInputException(input + ": no such folder or path list");
        }
        String base = ClusterFiles.parent(input);
        return spark.read().textFile(input)
                .map((MapFunction<String, String>) String::strip, Encoders.STRING())
                .filter((FilterFunction<String>) line -> !line.isEmpty() && !line.startsWith("#"))
                .map((MapFunction<String, String>) line -> listed(base, line), Encoders.STRING());
    }

    /** A line of a path list: a path with a scheme as it is, else the list's folder's. */
    static String listed(String base, String line) {
        if (ClusterFiles.remote(line)) {
            return line;
        }
        if (ClusterFiles.remote(base)) {
            return ClusterFiles.resolve(base, line);
        }
        return Path.of(base).resolve(line).normalize().toString();
    }

    /** A rerun must ask for the edit the folder holds, or its skipped rows would be another edit's. */
    private static void checkSameEdit(SparkEditConfig config, String out, ClusterFiles files) throws IOException {
        String file = ClusterFiles.resolve(out, CONFIG);
        if (!files.exists(file)) {
            return;
        }
        SparkEditConfig before;
        try {
            before = PrettyJson.parse(files.readString(file), SparkEditConfig.class);
        } catch (IOException e) {
            throw new IOException(e.getMessage().startsWith(file) ? e.getMessage() : file + ": " + e.getMessage(), e);
        }
        if (!before.sameEdit(config)) {
            throw new BadInputException(file + ": this folder holds a job with other runs, direction, strength or"
                    + " --crops; give another --out");
        }
    }
}
