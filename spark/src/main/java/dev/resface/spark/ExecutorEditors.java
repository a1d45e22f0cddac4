package dev.resface.spark;

import dev.resface.editing.Editor;
import dev.resface.photo.FaceFinder;
import dev.resface.photo.PhotoPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs and the face finder of a job, loaded once per executor JVM and shared by its task threads. An edit takes
 * the lock: libtorch already spreads one edit over every core, while decoding and encoding, outside the lock, go on
 * in parallel.
 */
final class ExecutorEditors {
    private static final Map<SparkEditConfig, ExecutorEditors> LOADED = new HashMap<>();

    final PhotoPipeline pipeline;

    private ExecutorEditors(PhotoPipeline pipeline) {
        this.pipeline = pipeline;
    }

    static synchronized ExecutorEditors of(SparkEditConfig config) {
        return LOADED.computeIfAbsent(config, c -> {
            List<Editor> editors = new ArrayList<>();
            for (String run : c.runs()) {
                editors.add(Editor.open(Path.of(run)));
            }
            return new ExecutorEditors(c.crops() ? PhotoPipeline.forCrops(editors)
                    : new PhotoPipeline(FaceFinder.load(Path.of(c.faceApi()), Path.of(c.predictor())), editors));
        });
    }
}
