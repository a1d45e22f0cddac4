package dev.resface;

import java.nio.file.Path;

/**
 * A problem with what the user gave us (a file, a folder, a flag). The CLI prints its message as one line and exits
 * non-zero, never a stack trace, so the message must name the file and say what is wrong with it.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public static BadInputException at(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }

    public static BadInputException at(Path file, int line, String problem) {
        return new BadInputException(file + ":" + line + ": " + problem);
    }
}
