package dev.resface.cli;

import static dev.resface.cli.CommandLineErrorsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        var noInput = run("spark-edit", "--photo", dir.resolve("nothing-here").toString(), "--model", runDir.toString(),
                "--out", out.toString(), "--direction", "remove");
        assertThat(noInput.code()).isEqualTo(2);
        assertThat(noInput.err().strip()).isEqualTo("resface: error: " + dir.resolve("nothing-here")
                + ": no such folder or path list");
        var noRun = run("spark-edit", "--input", dir.toString(), "--runs", dir.resolve("no-run").toString(), "--out",
                out.toString(), "--direction", "remove");
        assertThat(noRun.code()).isEqualTo(2);
        assertThat(noRun.err().strip()).startsWith("resface: error: ").contains("no-run").doesNotContain("\n");
        var chunk = run("spark-edit", "--crops", dir.toString(), "--model", runDir.toString(), "--out", out.toString(),
                "--direction", "remove", "--chunk", "0");
        assertThat(chunk.err().strip()).isEqualTo("resface: error: --chunk must be positive, got 0");
        for (String[] sources : new String[][] {{}, {"--photo", dir.toString(), "--crops", dir.toString()},
                {"--photo", dir.toString(), "--input", dir.toString()}}) {
            List<String> args = new ArrayList<>(List.of("spark-edit", "--model", runDir.toString(), "--out",
                    out.toString(), "--direction", "remove"));
            args.addAll(List.of(sources));
            assertThat(run(args.toArray(String[]::new)).err().strip())
                    .isEqualTo("resface: error: give either --photo PATH or --crops PATH");
        }
        // The old names, kept for one version: --input (photos, or crops with a bare --crops) and --runs.
        var oldCrops = run("spark-edit", "--input", dir.resolve("old-crops").toString(), "--crops", "--runs",
                runDir.toString(), "--out", out.toString(), "--direction", "remove");
        assertThat(oldCrops.err().strip()).isEqualTo("resface: error: " + dir.resolve("old-crops")
                + ": no such folder or path list");
        var noSpark = run("spark-edit", "--input", dir.toString(), "--runs", runDir.toString(), "--out", out.toString(),
                "--direction", "remove", "--face-api", EvalCommandTest.FACE_API.toString());
        assertThat(noSpark.code()).isEqualTo(2);
        assertThat(noSpark.err().strip()).isEqualTo("resface: error: spark-edit needs Spark on the class path: run it as"
                + " ./resface spark-edit (which adds spark/target/spark-libs), or under spark-submit");
        assertThat(out).doesNotExist();
    }
}
