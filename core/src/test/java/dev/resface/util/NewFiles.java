package dev.resface.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** What the user's umask gives a new file, read off one, since Java cannot ask for the umask itself. */
public final class NewFiles {
    private NewFiles() {}

    public static Set<PosixFilePermission> permissionsIn(Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve("umask-probe"));
        try {
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.delete(probe);
        }
    }
}
