package dev.resface.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFilesGetWhatTheUmaskGivesAndNoTempFileStays() throws IOException {
        Path target = dir.resolve("out").resolve("report.json");
        AtomicFiles.writeString(target, "{}\n");
        assertThat(target).hasContent("{}");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(NewFiles.permissionsIn(target.getParent()));
        AtomicFiles.writeString(target, "[]\n");
        assertThat(target).hasContent("[]");
        assertThat(listing(target.getParent())).containsExactly("report.json");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("metrics.json");
        AtomicFiles.writeString(target, "old\n");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(listing(dir)).containsExactly("metrics.json");
    }

    private static java.util.List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
