package dev.resface.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in one line naming the file and the problem, with a non-zero exit and no stack trace. */
class CommandLineErrorsTest {
    record Outcome(int code, String err) {}

    static Outcome run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            return new Outcome(Main.execute(args), err.toString());
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void missingDataFolder(@TempDir Path dir) {
        Outcome o = run("train", "--data", dir.resolve("nowhere").toString(), "--attribute", "Eyeglasses",
                "--out", dir.resolve("run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err()).contains("resface: error: ").contains("nowhere").doesNotContain("\tat ");
    }

    @Test
    void unknownAttribute(@TempDir Path dir) {
        Outcome o = run("train", "--data", dir.toString(), "--attribute", "Hat", "--out", dir.resolve("run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown attribute 'Hat'").contains("Eyeglasses");
    }

    @Test
    void editWithoutARun(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("face.jpg"), new byte[] {1, 2, 3});
        Outcome o = run("edit", "--model", dir.resolve("run").toString(), "--input", image.toString(), "--direction", "remove");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("face.jpg").contains("unreadable");
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    @Test
    void strengthOutOfRange(@TempDir Path dir) {
        Outcome o = run("edit", "--model", dir.toString(), "--input", dir.toString(), "--direction", "add", "--strength", "3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--strength must be between 0 and 2");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"train", "edit", "synth", "demo", "bench", "landmarks"}) {
            assertThat(run(command, "--help").code()).isZero();
        }
    }
}
