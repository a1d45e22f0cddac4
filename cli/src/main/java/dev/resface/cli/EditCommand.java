package dev.resface.cli;

import dev.resface.image.ImageFiles;
import dev.resface.BadInputException;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.report.ImageConversions;
import dev.resface.util.Progress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Add or remove the run's attribute on your images: writes x + s*r and the residual heat map.")
final class EditCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a run folder written by 'resface train'")
    Path model;

    @Option(names = "--input", required = true, description = "an image or a folder of images (aligned CelebA 178x218, or square face crops)")
    Path input;

    @Option(names = "--direction", required = true, description = "add (G0) or remove (G1)")
    String direction;

    @Option(names = "--strength", defaultValue = "1", description = "s in x + s*r, 0..2 (default ${DEFAULT-VALUE})")
    float strength;

    @Option(names = "--out", description = "output folder (default: MODEL/edits)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!(strength >= 0 && strength <= 2)) {
            throw new BadInputException("--strength must be between 0 and 2, got " + strength);
        }
        Direction d = Direction.parse(direction);
        Map<Path, RgbImage> images = InputImages.read(input);
        Path target = out != null ? out : model.resolve("edits");
        Torch.start();
        try (Editor editor = Editor.open(model); Progress bar = Progress.bar("edit", images.size())) {
            String suffix = "_" + d.name().toLowerCase() + (strength == 1f ? "" : "_s" + strength);
            int size = editor.imageSize();
            // Every input is checked (decoded and sized) before the first output is written.
            Map<Path, RgbImage> crops = new java.util.LinkedHashMap<>();
            images.forEach((file, image) -> crops.put(file, editor.prepare(image, file)));
            for (var entry : crops.entrySet()) {
                Editor.Result r = editor.edit(entry.getValue(), d, strength);
                String stem = entry.getKey().getFileName().toString().replaceFirst("\\.[^.]+$", "");
                ImageFiles.writePng(target.resolve(stem + suffix + ".png"), ImageConversions.toRgb(r.edited(), size));
                ImageFiles.writePng(target.resolve(stem + suffix + "_residual.png"), ImageConversions.heatMapAutoScale(r.change(), size, size));
                bar.step();
            }
        }
        System.err.printf("wrote %d edited images and residual maps to %s%n", images.size(), target);
        return 0;
    }

}
