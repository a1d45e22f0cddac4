package dev.resface.spark;

import dev.resface.BadInputException;
import dev.resface.data.SourceImages;
import dev.resface.engine.Torch;
import dev.resface.faceapi.DetectedFace;
import dev.resface.image.RgbImage;
import dev.resface.photo.OutputNames;
import dev.resface.photo.PhotoFace;
import dev.resface.photo.PhotoOutputs;
import dev.resface.photo.PhotoPipeline;
import dev.resface.util.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * What an executor does with its share of the paths: each photo read, its faces found and edited with every run in
 * turn (the pipeline of {@code edit --photo}), the edited photo written atomically, and one row. Whatever goes wrong
 * with one photo is that photo's error row; nothing stops the task.
 */
final class PhotoEditTask implements MapPartitionsFunction<String, Row> {
    private static final long serialVersionUID = 1L;
    private final SparkEditConfig config;

    PhotoEditTask(SparkEditConfig config) {
        this.config = config;
    }

    @Override
    public Iterator<Row> call(Iterator<String> paths) {
        Torch.startThread();
        ExecutorEditors loaded = ExecutorEditors.of(config);
        List<Row> rows = new ArrayList<>();
        while (paths.hasNext()) {
            rows.add(edit(paths.next(), loaded));
        }
        return rows.iterator();
    }

    private Row edit(String path, ExecutorEditors loaded) {
        long t0 = System.nanoTime();
        try {
            RgbImage photo = SourceImages.readPhoto(Path.of(path), PhotoPipeline.MAX_PHOTO_PIXELS);
            return config.crops() ? crop(path, photo, loaded, t0) : photo(path, photo, loaded, t0);
        } catch (SourceImages.BadImageException | BadInputException e) {
            return PhotoRow.error(path, e.getMessage(), seconds(t0));
        } catch (Exception e) {
            return PhotoRow.error(path, e.toString(), seconds(t0));
        }
    }

    private Row photo(String path, RgbImage photo, ExecutorEditors loaded, long t0) throws Exception {
        PhotoPipeline.Outcome outcome;
        synchronized (loaded) {
            outcome = loaded.pipeline.edit(photo, config.direction(), config.strength());
        }
        List<DetectedFace> boxes = new ArrayList<>();
        for (PhotoFace f : outcome.faces()) {
            boxes.add(f.detection());
        }
        if (boxes.isEmpty()) {
            return PhotoRow.ok(path, boxes, null, seconds(t0));
        }
        Path out = output(path);
        AtomicFiles.writeBytes(out, PhotoOutputs.encode(outcome.edited(), PhotoOutputs.Format.PNG));
        return PhotoRow.ok(path, boxes, out.toString(), seconds(t0));
    }

    private Row crop(String path, RgbImage image, ExecutorEditors loaded, long t0) throws Exception {
        RgbImage edited;
        synchronized (loaded) {
            edited = loaded.pipeline.editCrop(image, Path.of(path), config.direction(), config.strength()).edited();
        }
        Path out = output(path);
        AtomicFiles.writeBytes(out, PhotoOutputs.encode(edited, PhotoOutputs.Format.PNG));
        return PhotoRow.crop(path, out.toString(), seconds(t0));
    }

    /** photos/STEM-HASH_DIRECTION_edited.png: the hash of the whole path keeps same-named photos of two folders apart. */
    Path output(String path) {
        String stem = OutputNames.stem(Path.of(path)) + "-" + shortHash(path);
        return Path.of(config.out(), SparkEditJob.PHOTOS, OutputNames.editedPhoto(
                OutputNames.edit(stem, config.direction(), config.strength()), PhotoOutputs.Format.PNG));
    }

    private static String shortHash(String path) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
