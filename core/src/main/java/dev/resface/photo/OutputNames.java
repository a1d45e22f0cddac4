package dev.resface.photo;

import dev.resface.model.Direction;
import java.nio.file.Path;

/**
 * How every front end names what an edit writes: {@code STEM_DIRECTION} (and {@code _sS} away from strength 1),
 * then {@code _edited.png} for a photo, {@code .png} and {@code _residual.png} for a crop.
 */
public final class OutputNames {
    private OutputNames() {}

    /** A file's name without its extension. */
    public static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }

    /** {@code STEM_add}, or {@code STEM_remove_s1.5} away from strength 1. */
    public static String edit(String stem, Direction direction, float strength) {
        return stem + "_" + direction.id() + (strength == 1f ? "" : "_s" + strength);
    }

    /** The edited photo's file name. */
    public static String editedPhoto(String editStem, PhotoOutputs.Format format) {
        return editStem + "_edited." + format.extension();
    }

    /** The edited crop's file name. */
    public static String editedCrop(String editStem) {
        return editStem + ".png";
    }

    /** The heat map of a crop's change. */
    public static String cropChange(String editStem) {
        return editStem + "_residual.png";
    }
}
