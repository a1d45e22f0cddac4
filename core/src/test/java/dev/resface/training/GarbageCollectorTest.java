package dev.resface.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.training.vaegan.VaeGanTrainingTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run must not depend on when the JVM collects garbage. Before every constant on a backward path was kept
 * in libtorch's memory ({@link dev.resface.engine.Scalars}), 16 runs of 6 iterations beside a thread calling
 * System.gc() every 5 ms ended in 16 different checkpoints (VAE-GAN went NaN), and about one full test run in six
 * failed VAE-GAN's resume test.
 */
class GarbageCollectorTest {
    @Test
    void theResidualGanTrainsTheSameWhileTheCollectorRuns(@TempDir Path dir) throws Exception {
        assertSameUnderCollection(ResumeTest.config(6), dir);
    }

    @Test
    void vaeGanTrainsTheSameWhileTheCollectorRuns(@TempDir Path dir) throws Exception {
        assertSameUnderCollection(VaeGanTrainingTest.vaeGan(6), dir);
    }

    private static void assertSameUnderCollection(RunConfig config, Path dir) throws Exception {
        RunFolder quiet = new RunFolder(dir.resolve("quiet"));
        new TrainingRun(config, quiet, new ResumeTest.NoiseData(32, 2), ResumeTest.quiet()).run(false);
        RunFolder collected = new RunFolder(dir.resolve("collected"));
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            new TrainingRun(config, collected, new ResumeTest.NoiseData(32, 2), ResumeTest.quiet()).run(false);
        } finally {
            collector.interrupt();
            collector.join();
        }
        assertThat(Files.readAllBytes(collected.checkpoint())).isEqualTo(Files.readAllBytes(quiet.checkpoint()));
    }
}
