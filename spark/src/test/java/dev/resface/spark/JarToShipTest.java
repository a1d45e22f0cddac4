package dev.resface.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When `./resface spark-edit --master spark://...` must send its own jar to the executors, and when it must not. */
class JarToShipTest {
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
}
