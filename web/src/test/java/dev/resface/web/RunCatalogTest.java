package dev.resface.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resface.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which folders become runs, without a trained run: the catalog's refusals. (Serving real runs is tested end to end
 * in the cli module, which can train them.)
 */
class RunCatalogTest {
    final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    final ServerLog log = new ServerLog(new PrintStream(logged, true));

    static void fakeRun(Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), "{not json");
        Files.write(folder.resolve("checkpoint.bin"), new byte[] {1, 2, 3});
    }

    @Test
    void foldersThatCannotBeServedAreLeftOutWithAWarningAndNoneAtAllIsTheUsersError(@TempDir Path dir) throws Exception {
        fakeRun(dir.resolve("broken"));
        fakeRun(dir.resolve("has space"));
        Files.createDirectories(dir.resolve("notes"));
        assertThatThrownBy(() -> RunCatalog.scan(dir, log)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("no usable run folder");
        assertThat(logged.toString()).contains("skipping run " + dir.resolve("broken") + ": ")
                .contains("not a valid run configuration")
                .contains("skipping run " + dir.resolve("has space") + ": its folder name is not an id")
                .doesNotContain("notes").doesNotContain("\tat ");
    }

    @Test
    void aRunFolderGivenItselfIsPointedAtItsParent(@TempDir Path dir) throws Exception {
        fakeRun(dir);
        assertThatThrownBy(() -> RunCatalog.scan(dir, log)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("it is a run itself; give the folder above it");
        assertThatThrownBy(() -> RunCatalog.scan(dir.resolve("nowhere"), log)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void idsAreSafeNamesOnly() {
        for (String ok : new String[] {"glasses", "run-2.b_1", "A".repeat(64)}) {
            assertThat(RunCatalog.ID.matcher(ok).matches()).as(ok).isTrue();
        }
        for (String bad : new String[] {"", ".", "..", ".hidden", "a/b", "a b", "é", "A".repeat(65), "a\nb"}) {
            assertThat(RunCatalog.ID.matcher(bad).matches()).as(bad).isFalse();
        }
    }
}
