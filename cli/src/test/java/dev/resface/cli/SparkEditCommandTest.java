package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `resface spark-edit`'s command line, in a JVM without Spark, as `java -jar resface.jar` is: every input is checked
 * first, then the missing Spark is one line that says how to run it. The job itself is tested in the spark module.
 */
class SparkEditCommandTest {
    @TempDir
    static Path dir;
    static Path runDir;

    @BeforeAll
    static void train() {
        Path data = dir.resolve("synth");
        assertThat(run("synth", "--out", data.toString(), "--count", "40").code()).isZero();
        runDir = dir.resolve("run");
        CommandLineErrorsTest.trainTiny(data, runDir, "Eyeglasses", 1);
    }

    @Test
    void badInputsAndAMissingSparkAreOneLineEachAndWriteNothing() {
        Path out = dir.resolve("never");
        var noInput = run("spark-edit", "--input", dir.resolve("nothing-here").toString(), "--runs", runDir.toString(),
                "--out", out.toString(), "--direction", "remove");
        assertThat(noInput.code()).isEqualTo(2);
        assertThat(noInput.err().strip()).isEqualTo("resface: error: " + dir.resolve("nothing-here")
                + ": no such folder or path list");
        var noRun = run("spark-edit", "--input", dir.toString(), "--runs", dir.resolve("no-run").toString(), "--out",
                out.toString(), "--direction", "remove");
        assertThat(noRun.code()).isEqualTo(2);
        assertThat(noRun.err().strip()).startsWith("resface: error: ").contains("no-run").doesNotContain("\n");
        var chunk = run("spark-edit", "--input", dir.toString(), "--runs", runDir.toString(), "--out", out.toString(),
                "--direction", "remove", "--chunk", "0");
        assertThat(chunk.err().strip()).isEqualTo("resface: error: --chunk must be positive, got 0");
        var noSpark = run("spark-edit", "--input", dir.toString(), "--runs", runDir.toString(), "--out", out.toString(),
                "--direction", "remove", "--face-api", EvalCommandTest.FACE_API.toString());
        assertThat(noSpark.code()).isEqualTo(2);
        assertThat(noSpark.err().strip()).isEqualTo("resface: error: spark-edit needs Spark on the class path: run it as"
                + " ./resface spark-edit (which adds spark/target/spark-libs), or under spark-submit");
        assertThat(out).doesNotExist();
    }
}
