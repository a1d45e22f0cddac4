package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.model.Direction;
import picocli.CommandLine.Option;

/** Which way an edit goes and how far, as every editing command takes them. */
final class EditChoice {
    @Option(names = "--direction", required = true, description = "add (G0) or remove (G1)")
    String direction;

    @Option(names = "--strength", defaultValue = "1", description = "s in x + s*r, 0..2 (default ${DEFAULT-VALUE})")
    float strength;

    /** The strength, checked before anything is read or written. */
    float strength() {
        if (!(strength >= 0 && strength <= 2)) {
            throw new BadInputException("--strength must be between 0 and 2, got " + strength);
        }
        return strength;
    }

    Direction direction() {
        return Direction.parse(direction);
    }
}
