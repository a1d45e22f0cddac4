package dev.resface.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Photos/s of a spark-edit job against the same per-photo work (the pipeline of {@code edit --photo}: decode, find
 * and edit the faces, encode, write) in a plain loop on one thread of this JVM, both from a cold start: the job's
 * time includes its session and the executors' loading of the runs, the loop's its own loading. Each writes into a
 * folder of its own under the output folder, spark/ and loop/.
 */
public final class SparkEditBenchmark {
    private SparkEditBenchmark() {}

    public static void run(SparkEditConfig config, PrintStream out) throws IOException {
        Path input = Path.of(config.input());
        if (!Files.isDirectory(input)) {
            throw new dev.resface.BadInputException("--bench needs --input to be a folder of photos");
        }
        ClusterFiles localDisk = new ClusterFiles(new Configuration(false));
        List<String> photos = localDisk.filesUnder(input.toString());
        Path scratch = Path.of(config.out());
        if (Files.exists(scratch.resolve("spark")) || Files.exists(scratch.resolve("loop"))) {
            throw new dev.resface.BadInputException(scratch + ": holds an earlier benchmark (spark/, loop/); give a new --out");
        }
        SparkEditConfig sparkSide = withOut(config, scratch.resolve("spark"));
        SparkEditJob.Summary job = SparkEditJob.run(sparkSide, out);
        long t0 = System.nanoTime();
        SparkEditConfig loopSide = withOut(config, scratch.resolve("loop"));
        var rows = new PhotoEditTask(loopSide, localDisk).call(photos.iterator());
        int n = 0;
        while (rows.hasNext()) {
            rows.next();
            n++;
        }
        double loop = (System.nanoTime() - t0) / 1e9;
        out.printf("spark-edit on %s: %d photos in %.1f s, %.2f photos/s (session start and run loading included)%n",
                sparkSideMaster(config), job.now(), job.seconds(), job.now() / job.seconds());
        out.printf("plain loop, one thread: %d photos in %.1f s, %.2f photos/s (run loading included); Spark %.2fx%n",
                n, loop, n / loop, (job.now() / job.seconds()) / (n / loop));
    }

    private static String sparkSideMaster(SparkEditConfig config) {
        return config.master() != null ? config.master() : System.getProperty("spark.master", "local[*]");
    }

    private static SparkEditConfig withOut(SparkEditConfig c, Path out) {
        return new SparkEditConfig(c.input(), c.runs(), out.toString(), c.direction(), c.strength(), c.crops(),
                c.faceApi(), c.predictor(), c.master(), c.chunk());
    }
}
