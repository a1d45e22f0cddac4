package dev.resface.web;

import dev.resface.data.SourceImages;
import dev.resface.data.SourceImages.BadImageException;
import dev.resface.data.SourceImages.TooManyPixelsException;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.photo.FaceFinder;
import dev.resface.photo.FacesJson;
import dev.resface.photo.PhotoOutputs;
import dev.resface.photo.PhotoPicture;
import dev.resface.photo.PhotoPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one edit worker owns: a face finder and an editor for every run of the catalog, opened on the worker's thread
 * and used by it alone. Decoding happens here too, on the worker, so only one photo per worker is ever decoded at a
 * time, however many requests are waiting.
 */
final class EditWorker implements AutoCloseable {
    /** An edit as the form asked for it, checked against the catalog; the photo is still its uploaded bytes. */
    record Request(byte[] photo, List<String> runs, Direction direction, float strength) {}

    /** @param faces {@link FacesJson#faces} */
    record Result(int width, int height, List<Map<String, Object>> faces, byte[] editedPng, byte[] changePng) {}

    private final FaceFinder finder;
    private final Map<String, Editor> editors;
    private final long maxPixels;

    private EditWorker(FaceFinder finder, Map<String, Editor> editors, long maxPixels) {
        this.finder = finder;
        this.editors = editors;
        this.maxPixels = maxPixels;
    }

    /** Call on the worker's own thread: libtorch keeps its grad mode per thread. */
    static EditWorker open(Path faceApi, Path predictor, RunCatalog catalog, long maxPixels) {
        Torch.startThread();
        FaceFinder finder = FaceFinder.load(faceApi, predictor);
        Map<String, Editor> editors = new HashMap<>();
        try {
            for (RunCatalog.Run run : catalog.runs()) {
                editors.put(run.id(), Editor.open(run.folder()));
            }
        } catch (RuntimeException e) {
            editors.values().forEach(Editor::close);
            finder.close();
            throw e;
        }
        return new EditWorker(finder, editors, maxPixels);
    }

    /** Decodes, finds the faces, edits them and encodes, calling {@code stop} between these steps. */
    Result edit(Request r, EditQueue.Stop stop) {
        RgbImage photo;
        try {
            photo = SourceImages.decodePhoto(r.photo(), maxPixels);
        } catch (TooManyPixelsException e) {
            throw new ApiError(413, "photo " + e.getMessage());
        } catch (BadImageException e) {
            throw new ApiError(400, "photo: " + e.getMessage());
        }
        stop.ifTimedOut();
        List<Editor> chosen = r.runs().stream().map(editors::get).toList();
        PhotoPipeline.Outcome o = new PhotoPipeline(finder, chosen).edit(photo, r.direction(), r.strength(),
                stop::ifTimedOut);
        stop.ifTimedOut();
        try {
            return new Result(photo.width(), photo.height(), FacesJson.faces(o.faces()),
                    PhotoOutputs.encode(o.edited(), PhotoOutputs.Format.PNG),
                    ImageFiles.png(PhotoPicture.changePanel(o.input(), o.edited(), o.faces())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        editors.values().forEach(Editor::close);
        finder.close();
    }
}
