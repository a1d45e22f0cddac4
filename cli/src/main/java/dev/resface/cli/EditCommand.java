package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.SourceImages;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.photo.FaceFinder;
import dev.resface.photo.OutputNames;
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
        description = "Add or remove the run's attribute: on aligned face crops (--crops), or on every face of any "
                + "photo (--photo: detected, aligned, edited and pasted back at the photo's resolution).")
final class EditCommand implements Callable<Integer> {

    @Option(names = "--model", required = true,
            split = ",", description = "a run folder written by 'resface train'; several (repeated or comma-separated) apply"
                    + " in turn, each on the one before's output")
    List<Path> models;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"--crops", "--input"}, required = true, description = "an aligned face crop or a folder of them"
                + " (CelebA 178x218, or square); --input is the old name, kept for one version")
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
        return source.photos != null ? photos(d, PhotoOutputs.Format.parse(format)) : crops(d);
    }

    private int crops(Direction d) throws Exception {
        Map<Path, RgbImage> images = InputImages.read(source.crops);
        Path target = out != null ? out : models.get(0).resolve("edits");
        Torch.start();
        List<Editor> editors = new ArrayList<>();
        try {
            for (Path m : models) {
                editors.add(Editor.open(m));
            }
            PhotoPipeline pipeline = PhotoPipeline.forCrops(editors);
            // Every input is checked (decoded and sized) before the first output is written.
            images.forEach((file, image) -> pipeline.checkCrop(image, file));
            try (Progress bar = Progress.bar("edit", images.size())) {
                for (var entry : images.entrySet()) {
                    PhotoPipeline.CropOutcome r = pipeline.editCrop(entry.getValue(), entry.getKey(), d, choice.strength);
                    String stem = OutputNames.edit(OutputNames.stem(entry.getKey()), d, choice.strength);
                    ImageFiles.writePng(target.resolve(OutputNames.editedCrop(stem)), r.edited());
                    ImageFiles.writePng(target.resolve(OutputNames.cropChange(stem)),
                            ImageConversions.heatMapAutoScale(r.change(), r.size(), r.size()));
                    bar.step();
                }
            }
        } finally {
            editors.forEach(Editor::close);
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
            PhotoOutputs.write(target, OutputNames.edit(OutputNames.stem(file), d, choice.strength), outcome, fmt, about);
            faces += outcome.faces().size();
            if (outcome.faces().isEmpty()) {
                faceless.add(file.getFileName().toString());
            }
            bar.step();
        }
        return faces;
    }
}
