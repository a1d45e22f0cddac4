package dev.resface.photo;

import dev.resface.editing.Editor;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.report.ImageConversions;
import java.nio.file.Path;
import java.util.List;

/**
 * The one path from a photo or an aligned face crop to its edit, shared by {@code edit}, the web page and the Spark
 * job: a photo's every face is found, then edited with the runs in turn; a crop is edited with the runs in turn as it
 * is. Not thread-safe: one per thread.
 */
public final class PhotoPipeline {
    /** Larger photos are refused before decoding (100 megapixels take 300 MB as RGB), by every front end. */
    public static final long MAX_PHOTO_PIXELS = 100_000_000L;
    private final FaceFinder finder;
    private final List<Editor> editors;

    /** A pipeline for aligned crops only, which finds no faces. */
    public static PhotoPipeline forCrops(List<Editor> editors) {
        return new PhotoPipeline(null, editors);
    }

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
        if (finder == null) {
            throw new IllegalStateException("a pipeline for crops finds no faces");
        }
        List<PhotoFace> faces = finder.find(photo);
        betweenSteps.run();
        return new Outcome(photo, PhotoEditor.edit(photo, faces, editors, direction, strength), faces);
    }

    /**
     * An aligned crop's edit (CelebA's 178x218 or a square crop; see {@link Editor#prepare}), by each run in turn on
     * the one before's output.
     *
     * @param change the edit's change at the last run's size: edited minus the first run's input where every run has
     *     that size, else the last run's own change
     */
    public record CropOutcome(RgbImage edited, float[] change, int size) {}

    public CropOutcome editCrop(RgbImage image, Path source, Direction direction, float strength) {
        RgbImage current = image;
        float[] first = null;
        Editor.Result last = null;
        int size = 0;
        for (Editor editor : editors) {
            last = editor.edit(editor.prepare(current, source), direction, strength);
            first = first == null ? last.input() : first;
            size = editor.imageSize();
            current = ImageConversions.toRgb(last.edited(), size);
        }
        float[] change = editors.size() == 1 || first.length != last.edited().length ? last.change()
                : difference(last.edited(), first);
        return new CropOutcome(current, change, size);
    }

    /** Checks a crop as {@link #editCrop} will take it, before anything is written. */
    public void checkCrop(RgbImage image, Path source) {
        editors.get(0).prepare(image, source);
    }

    private static float[] difference(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
