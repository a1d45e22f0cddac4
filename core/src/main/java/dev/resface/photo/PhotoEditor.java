package dev.resface.photo;

import dev.resface.data.real.CelebaTemplate;
import dev.resface.editing.Editor;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import java.util.List;

/**
 * Edits every face of a photo with one or more trained runs: each face is aligned exactly as the run's training
 * faces were (CelebA's template, then the run's crop recipe and size), edited, and its change pasted back at the
 * photo's resolution. Several runs apply in turn to the same face, each on the result of the one before, so
 * "add glasses" then "add a smile" is one edit.
 */
public final class PhotoEditor {
    private PhotoEditor() {}

    /** The edited photo, the same size as {@code photo}; {@code photo} itself is not changed. */
    public static RgbImage edit(RgbImage photo, List<PhotoFace> faces, List<Editor> editors, Direction direction,
            float strength) {
        RgbImage out = new RgbImage(photo.width(), photo.height(), photo.pixels().clone());
        for (PhotoFace face : faces) {
            for (Editor editor : editors) {
                int size = editor.imageSize();
                RgbImage crop = editor.recipe().crop(CelebaTemplate.align(out, face.toTemplate()), size);
                Editor.Result r = editor.edit(crop, direction, strength);
                PasteBack.add(out, r.change(), size, face.toTemplate().then(editor.recipe().toCrop(size)));
            }
        }
        return out;
    }
}
