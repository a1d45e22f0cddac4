package dev.resface.photo;

import dev.resface.editing.Editor;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import java.util.List;

/**
 * The one path from a photo to its edit, shared by {@code edit --photo}, the web page and the Spark job: find every
 * face, then edit each with the runs in turn. Not thread-safe: one per thread.
 */
public final class PhotoPipeline {
    /** Larger photos are refused before decoding (100 megapixels take 300 MB as RGB), by every front end. */
    public static final long MAX_PHOTO_PIXELS = 100_000_000L;
    private final FaceFinder finder;
    private final List<Editor> editors;

    public PhotoPipeline(FaceFinder finder, List<Editor> editors) {
        if (editors.isEmpty()) {
            throw new IllegalArgumentException("no run to edit with");
        }
        this.finder = finder;
        this.editors = List.copyOf(editors);
    }

    /** A photo's edit: the input as decoded (upright), the edited photo of the same size, and the faces found. */
    public record Outcome(RgbImage input, RgbImage edited, List<PhotoFace> faces) {}

    public Outcome edit(RgbImage photo, Direction direction, float strength) {
        return edit(photo, direction, strength, () -> { });
    }

    /** With {@code betweenSteps} run once the faces are found: a caller that gave up can end the work there. */
    public Outcome edit(RgbImage photo, Direction direction, float strength, Runnable betweenSteps) {
        List<PhotoFace> faces = finder.find(photo);
        betweenSteps.run();
        return new Outcome(photo, PhotoEditor.edit(photo, faces, editors, direction, strength), faces);
    }
}
