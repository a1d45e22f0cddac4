package dev.resface.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aLogGetsTheFinalLineOnce() throws InterruptedException {
        assumeThat(System.console()).as("a log, not a terminal").isNull();
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try (var bar = Progress.bar("count", 3)) {
            // The 0% line comes from the bar's own thread; steps made before it would turn it into a 3/3 line too.
            for (long deadline = System.nanoTime() + 10_000_000_000L; !err.toString().contains("0/3")
                    && System.nanoTime() < deadline; ) {
                Thread.sleep(5);
            }
            for (int i = 0; i < 3; i++) {
                bar.step();
            }
        } finally {
            System.setErr(saved);
        }
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("count   0%").contains(" 0/3 ");
        assertThat(lines.get(1)).startsWith("count 100%").contains(" 3/3 ");
    }
}
