package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.SourceImages;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.photo.FaceFinder;
import dev.resface.photo.PhotoOutputs;
import dev.resface.photo.PhotoPipeline;
import dev.resface.report.ImageConversions;
import dev.resface.util.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Add or remove the run's attribute: on aligned face crops (--input), or on every face of any "
                + "photo (--photo: detected, aligned, edited and pasted back at the photo's resolution).")
final class EditCommand implements Callable<Integer> {

    @Option(names = "--model", required = true,
            description = "a run folder written by 'resface train'; with --photo, give it again to apply several runs in turn")
    List<Path> models;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", required = true, description = "an image or a folder of images (aligned CelebA 178x218, or square face crops)")
        Path crops;

        @Option(names = "--photo", required = true, description = "a photo or a folder of photos (JPEG or PNG, any size, any number of faces)")
        Path photos;
    }

    @Mixin
    EditChoice choice;

    @Option(names = "--out", description = "output folder (default: MODEL/edits, or MODEL/photo-edits with --photo)")
    Path out;

    @Option(names = "--format", defaultValue = "png", description = "edited photos as png (lossless: pixels outside the faces stay identical) or jpeg (default ${DEFAULT-VALUE})")
    String format;

    @Mixin
    FaceApiOption faceApi;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() throws Exception {
        choice.strength();
        Direction d = choice.direction();
        if (source.photos != null) {
            return photos(d, PhotoOutputs.Format.parse(format));
        }
        if (models.size() > 1) {
            throw new BadInputException("several --model apply to photos only (--photo); --input takes one");
        }
        return crops(d);
    }

    private int crops(Direction d) throws Exception {
        Map<Path, RgbImage> images = InputImages.read(source.crops);
        Path target = out != null ? out : models.get(0).resolve("edits");
        Torch.start();
        try (Editor editor = Editor.open(models.get(0)); Progress bar = Progress.bar("edit", images.size())) {
            int size = editor.imageSize();
            // Every input is checked (decoded and sized) before the first output is written.
            Map<Path, RgbImage> prepared = new LinkedHashMap<>();
            images.forEach((file, image) -> prepared.put(file, editor.prepare(image, file)));
            for (var entry : prepared.entrySet()) {
                Editor.Result r = editor.edit(entry.getValue(), d, choice.strength);
                String stem = d.outputStem(stem(entry.getKey()), choice.strength);
                ImageFiles.writePng(target.resolve(stem + ".png"), ImageConversions.toRgb(r.edited(), size));
                ImageFiles.writePng(target.resolve(stem + "_residual.png"), ImageConversions.heatMapAutoScale(r.change(), size, size));
                bar.step();
            }
        }
        System.err.printf("wrote %d edited images and residual maps to %s%n", images.size(), target);
        return 0;
    }

    private int photos(Direction d, PhotoOutputs.Format fmt) throws Exception {
        List<Path> files = InputImages.photos(source.photos, PhotoPipeline.MAX_PHOTO_PIXELS);
        Path target = out != null ? out : models.get(0).resolve("photo-edits");
        Torch.start();
        List<Editor> editors = new ArrayList<>();
        List<String> faceless = new ArrayList<>();
        int faces = 0;
        try {
            // Every run and model is loaded before the progress starts, so a bad one is the only line printed.
            for (Path m : models) {
                editors.add(Editor.open(m));
            }
            try (FaceFinder finder = FaceFinder.load(faceApi.resolved(), predictor.file);
                    Progress bar = Progress.bar("edit", files.size())) {
                faces = editAll(files, new PhotoPipeline(finder, editors), d, fmt, target, faceless, bar);
            }
        } finally {
            editors.forEach(Editor::close);
        }
        System.err.printf("edited %d face(s) in %d photo(s) into %s%s%n", faces, files.size(), target,
                faceless.isEmpty() ? "" : "; no face found in " + faceless.size() + ": " + String.join(", ", faceless));
        return 0;
    }

    /** Returns the faces edited; names the photos without one in {@code faceless}. */
    private int editAll(List<Path> files, PhotoPipeline pipeline, Direction d, PhotoOutputs.Format fmt, Path target,
            List<String> faceless, Progress bar) throws IOException {
        int faces = 0;
        for (Path file : files) {
            RgbImage photo;
            try {
                photo = SourceImages.readPhoto(file, PhotoPipeline.MAX_PHOTO_PIXELS);
            } catch (SourceImages.BadImageException e) {
                // checked before anything was written; this one changed since
                throw BadInputException.at(file, e.getMessage());
            }
            PhotoPipeline.Outcome outcome = pipeline.edit(photo, d, choice.strength);
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("photo", file.getFileName().toString());
            about.put("runs", models.stream().map(Path::toString).toList());
            about.put("direction", d.id());
            about.put("strength", choice.strength);
            PhotoOutputs.write(target, d.outputStem(stem(file), choice.strength), outcome, fmt, about);
            faces += outcome.faces().size();
            if (outcome.faces().isEmpty()) {
                faceless.add(file.getFileName().toString());
            }
            bar.step();
        }
        return faces;
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }
}
