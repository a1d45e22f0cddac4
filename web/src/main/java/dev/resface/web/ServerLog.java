package dev.resface.web;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's log: one timestamped line per event, and the stack trace of an unexpected error, which is the only
 * place such details go (the client gets "internal error"). Request data other than the method, path and status is
 * never logged.
 */
public final class ServerLog {
    private final PrintStream out;

    public ServerLog(PrintStream out) {
        this.out = out;
    }

    public void info(String message) {
        line("INFO ", message, null);
    }

    public void warn(String message) {
        line("WARN ", message, null);
    }

    public void error(String message, Throwable error) {
        line("ERROR", message, error);
    }

    private synchronized void line(String level, String message, Throwable error) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message);
        if (error != null) {
            error.printStackTrace(out);
        }
        out.flush();
    }
}
