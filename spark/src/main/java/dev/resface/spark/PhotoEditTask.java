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
import java.io.FileNotFoundException;
import java.io.IOException;
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
    private final ClusterFiles files;

    PhotoEditTask(SparkEditConfig config, ClusterFiles files) {
        this.config = config;
        this.files = files;
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
            RgbImage photo = SourceImages.decodePhoto(bytes(path), PhotoPipeline.MAX_PHOTO_PIXELS);
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
        String out = output(path);
        files.write(out, PhotoOutputs.encode(outcome.edited(), PhotoOutputs.Format.PNG));
        return PhotoRow.ok(path, boxes, out, seconds(t0));
    }

    private Row crop(String path, RgbImage image, ExecutorEditors loaded, long t0) throws Exception {
        RgbImage edited;
        synchronized (loaded) {
            edited = loaded.pipeline.editCrop(image, Path.of(name(path)), config.direction(), config.strength()).edited();
        }
        String out = output(path);
        files.write(out, PhotoOutputs.encode(edited, PhotoOutputs.Format.PNG));
        return PhotoRow.crop(path, out, seconds(t0));
    }

    /** The file's bytes; a file that cannot be read is a bad image, its reason in the row. */
    private byte[] bytes(String path) throws SourceImages.BadImageException {
        try {
            return files.read(path);
        } catch (FileNotFoundException e) {
            throw new SourceImages.BadImageException("file not found");
        } catch (ClusterFiles.FolderException e) {
            throw new SourceImages.BadImageException("is a folder");
        } catch (IOException e) {
            throw new SourceImages.BadImageException("cannot read: " + e.getMessage());
        }
    }

    /** photos/STEM-HASH_DIRECTION_edited.png: the hash of the whole path keeps same-named photos of two folders apart. */
    String output(String path) {
        String stem = OutputNames.stem(Path.of(name(path))) + "-" + shortHash(path);
        return ClusterFiles.resolve(ClusterFiles.resolve(config.out(), SparkEditJob.PHOTOS), OutputNames.editedPhoto(
                OutputNames.edit(stem, config.direction(), config.strength()), PhotoOutputs.Format.PNG));
    }

    /** The file name of a local or remote path. */
    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
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
