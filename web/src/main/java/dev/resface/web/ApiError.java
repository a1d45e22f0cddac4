package dev.resface.web;

/**
 * A request the API refuses, with the status and the one-line message the client gets as {@code {"error": ...}}.
 * The message is meant for the person at the page, so it says what to change.
 */
public final class ApiError extends RuntimeException {
    /** Longest piece of a request echoed in a message: enough to recognise a typo, too short to reflect a payload. */
    private static final int ECHO = 40;
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A value from the request, quoted for a message: shortened, control characters replaced. */
    static String quote(String value) {
        String v = value.length() > ECHO ? value.substring(0, ECHO) + "..." : value;
        return "'" + v.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
