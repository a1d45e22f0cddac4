package dev.resface.engine;

import dev.resface.BadInputException;
import java.util.Locale;

/** Where tensors live, as the user chose it: {@code auto} takes a GPU when libtorch sees one. */
public enum DeviceChoice {
    AUTO,
    CPU,
    GPU;

    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--device must be auto, cpu or gpu, got '" + text + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
