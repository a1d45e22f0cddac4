package dev.resface.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.model.Direction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real standalone cluster: Spark's {@code local-cluster[2,1,1024]}, a Master and two Workers in this JVM
 * on 127.0.0.1, each Worker starting its executor as a JVM of its own, as a cluster's do. One executor is killed
 * (SIGKILL) while the job edits; Spark starts another and runs the lost tasks again, and the table ends with one row
 * per photo. Every executor process is gone when the job is.
 */
class LocalClusterTest {
    /** What the executors need of a cluster's set-up, as spark-submit's --conf would give it. */
    private static final Map<String, String> SETTINGS = Map.of(
            "spark.testing", "true",
            "spark.driver.host", "127.0.0.1",
            "spark.driver.bindAddress", "127.0.0.1",
            "spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1",
            "spark.executorEnv.SPARK_TESTING", "1",
            "spark.executorEnv.SPARK_SCALA_VERSION", "2.13",
            "spark.executor.extraJavaOptions", "-Xss4m -Dai.djl.offline=true -DOPT_OUT_TRACKING=true"
                    + " -Dai.djl.pytorch.num_threads=1");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aKilledExecutorsTasksRunAgainAndEveryPhotoHasOneRow() throws Exception {
        Path runDir = SparkTestRun.train(dir);
        Path in = dir.resolve("in");
        List<String> names = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg",
                "sample6.jpg");
        for (String folder : List.of("a", "b")) {
            Files.createDirectories(in.resolve(folder));
            for (String name : names) {
                Files.copy(SparkTestRun.FACE_API.resolve("demo").resolve(name), in.resolve(folder).resolve(name));
            }
        }
        Path out = dir.resolve("out");
        SparkEditConfig config = new SparkEditConfig(in.toString(), List.of(runDir.toString()), out.toString(),
                Direction.REMOVE, 1f, false, SparkTestRun.FACE_API.toAbsolutePath().toString(),
                SparkTestRun.PREDICTOR.toString(), "local-cluster[2,1,1024]", 12);
        SETTINGS.forEach(System::setProperty);
        System.setProperty("spark.test.home", Files.createDirectories(dir.resolve("spark-home")).toString());
        try {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            CompletableFuture<SparkEditJob.Summary> job = CompletableFuture.supplyAsync(() -> {
                try {
                    return SparkEditJob.run(config, new PrintStream(log, true));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Killed once the first edited photo is written: the job is under way on both executors.
            long killed = -1;
            while (!job.isDone() && killed < 0) {
                if (Files.isDirectory(out.resolve("photos")) && count(out.resolve("photos")) > 0) {
                    Optional<ProcessHandle> executor = executors().findFirst();
                    if (executor.isPresent()) {
                        killed = executor.get().pid();
                        executor.get().destroyForcibly();
                    }
                }
                Thread.sleep(200);
            }
            SparkEditJob.Summary summary = job.get(200, TimeUnit.SECONDS);
            assertThat(killed).as("an executor was killed while the job ran").isPositive();
            assertThat(summary).extracting("ok", "error", "now").containsExactly(12L, 0L, 12L);
            Map<String, org.apache.spark.sql.Row> rows = SparkEditJobTest.rowsByPath(out.resolve("results").toString());
            assertThat(rows).hasSize(12);
            for (String folder : List.of("a", "b")) {
                for (String name : names) {
                    assertThat(rows.get(in.resolve(folder).resolve(name).toString()).<String>getAs("status"))
                            .isEqualTo("ok");
                }
            }
            assertThat(count(out.resolve("photos"))).isEqualTo(12);
            long finalKilled = killed;
            assertThat(executors().filter(p -> p.pid() != finalKilled).toList()).as("executors left running").isEmpty();
        } finally {
            SETTINGS.keySet().forEach(System::clearProperty);
            System.clearProperty("spark.test.home");
        }
    }

    /**
     * The executors: in local-cluster mode the Workers are threads of this JVM and the only processes they start
     * are executor JVMs (their command lines, a class path of some 300 jars, come back cut short, without the class).
     */
    private static Stream<ProcessHandle> executors() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false));
    }

    private static long count(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }
}
