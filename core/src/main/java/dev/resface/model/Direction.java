package dev.resface.model;

import dev.resface.BadInputException;
import java.util.Locale;

/** ADD = G0 (negative to positive attribute value), REMOVE = G1 (positive to negative). */
public enum Direction {
    ADD,
    REMOVE;

    public static Direction parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown direction '" + text + "'; expected add or remove");
        }
    }
}
