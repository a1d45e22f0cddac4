package dev.resface.cli;

import dev.resface.BadInputException;
import java.util.function.Supplier;

/**
 * The configuration records refuse impossible values (a zero iteration count, a decay outside the run) with
 * IllegalArgumentException; coming from flags, that is the user's input, not resface's fault, so it reads as one.
 */
final class OptionValues {
    private OptionValues() {}

    static <T> T checked(Supplier<T> resolve) {
        try {
            return resolve.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException("invalid option value: " + e.getMessage() + " (see --help)");
        }
    }
}
