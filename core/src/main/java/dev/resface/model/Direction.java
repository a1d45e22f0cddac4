package dev.resface.model;

import dev.resface.BadInputException;
import java.util.Locale;

/** ADD = G0 (negative to positive attribute value), REMOVE = G1 (positive to negative). */
public enum Direction {
    ADD,
    REMOVE;

    /** The other generator's direction: the way back. */
    public Direction opposite() {
        return this == ADD ? REMOVE : ADD;
    }

    /** As on the command line and in file names: "add", "remove". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown direction '" + text + "'; expected add or remove");
        }
    }
}
