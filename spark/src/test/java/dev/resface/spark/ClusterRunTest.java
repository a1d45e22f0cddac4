package dev.resface.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster run outside spark-submit: when `./resface spark-edit --master spark://...` must send its own jar to the
 * executors, and the one line a chunk the cluster cannot run ends in.
 */
class ClusterRunTest {
    @Test
    void aClusterMasterGetsTheJarUnlessSparkSubmitNamedJarsOrThereIsNoJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("resface.jar"), "PK");
        assertThat(SparkEditJob.jarToShip("spark://10.0.0.1:7077", null, jar)).contains(jar.toString());
        assertThat(SparkEditJob.jarToShip("yarn", null, jar)).contains(jar.toString());
        // local: the driver's class path is the executors'
        assertThat(SparkEditJob.jarToShip("local[2]", null, jar)).isEmpty();
        // spark-submit has set spark.jars (its primary jar among them): left as it is
        assertThat(SparkEditJob.jarToShip("spark://10.0.0.1:7077", "/opt/app.jar", jar)).isEmpty();
        // run from classes folders (the tests), or a jar that is not there: nothing to ship
        assertThat(SparkEditJob.jarToShip("spark://10.0.0.1:7077", null, dir)).isEmpty();
        assertThat(SparkEditJob.jarToShip("spark://10.0.0.1:7077", null, dir.resolve("gone.jar"))).isEmpty();
        assertThat(SparkEditJob.jarToShip("spark://10.0.0.1:7077", null, null)).isEmpty();
    }

    @Test
    void aChunkTheClusterCannotRunIsOneLineWithItsDeepestReasonAndWhereTheWorkIs() {
        var cause = new ClassCastException("cannot assign instance of java.lang.invoke.SerializedLambda to field f\n\tat x");
        var e = new org.apache.spark.SparkException("Job aborted due to stage failure: Task 1 failed 4 times", cause);
        String line = SparkEditJob.chunkFailed(2, 3, "/out", e);
        assertThat(line).doesNotContain("\n").isEqualTo("spark-edit: the cluster could not run chunk 2 of 3:"
                + " ClassCastException: cannot assign instance of java.lang.invoke.SerializedLambda to field f;"
                + " the chunks before it are kept in /out/results, and a rerun on the same --out goes on from there");
        assertThat(SparkEditJob.chunkFailed(1, 1, "/o", new org.apache.spark.SparkException("Master removed"
                + " our application: FAILED"))).contains("chunk 1 of 1: SparkException: Master removed our application:"
                + " FAILED;");
    }

    @Test
    void confSettingsAreSparkKeysWithValuesAndAnythingElseIsOneLine() {
        assertThat(SparkEditJob.settings(java.util.List.of("spark.executor.memory=4g", "spark.executorEnv.A=b=c")))
                .containsExactly(java.util.Map.entry("spark.executor.memory", "4g"),
                        java.util.Map.entry("spark.executorEnv.A", "b=c"));
        for (String bad : new String[] {"spark.executor.memory", "executor.memory=4g", "spark.=1", "=4g"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkEditJob.settings(java.util.List.of(bad)))
                    .isInstanceOf(dev.resface.BadInputException.class)
                    .hasMessage("--conf " + bad + ": expected KEY=VALUE with a Spark key (spark.*), such as"
                            + " spark.executor.memory=4g");
        }
    }
}
