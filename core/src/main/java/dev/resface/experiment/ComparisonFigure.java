package dev.resface.experiment;

import dev.resface.data.AttributeSplit;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.editing.Editor;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.report.ImageConversions;
import dev.resface.report.ImageTable;
import dev.resface.training.Methods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's comparison figure: the same test faces (columns) as input, then each model's edit (VAE-GAN's beside
 * the plain VAE's, its floor), with the residual heat map under each residual model's edit. One picture per
 * direction, from the seed-1 runs.
 */
final class ComparisonFigure {
    static final List<String> SHOWN = List.of(Configuration.VAE_GAN, Configuration.PLAIN_VAE, Configuration.PAPER,
            Configuration.NO_RESIDUAL, Configuration.NO_DUAL);
    private static final int FACES = 4;

    private ComparisonFigure() {}

    /** Writes figure-add.png and figure-remove.png into the experiment folder; returns their names (none without runs). */
    static List<String> write(Path experiment, List<Configuration> configurations) throws IOException {
        List<Configuration> shown = new ArrayList<>();
        for (String id : SHOWN) {
            configurations.stream().filter(c -> c.id().equals(id)
                    && Files.exists(ExperimentRunner.runFolder(experiment, id, 1).resolve(RunResult.FILE)))
                    .forEach(shown::add);
        }
        if (shown.isEmpty()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (Direction d : Direction.values()) {
            String name = "figure-" + d.id() + ".png";
            ImageFiles.writePng(experiment.resolve(name), render(experiment, shown, d));
            files.add(name);
        }
        return files;
    }

    private static RgbImage render(Path experiment, List<Configuration> shown, Direction direction) {
        List<String> labels = new ArrayList<>(List.of("input"));
        List<List<RgbImage>> rows = new ArrayList<>();
        List<float[]> inputs = null;
        int size = 0;
        for (Configuration c : shown) {
            try (Editor editor = Editor.open(ExperimentRunner.runFolder(experiment, c.id(), 1))) {
                size = editor.imageSize();
                if (inputs == null) {
                    inputs = testFaces(editor, direction);
                    rows.add(inputs.stream().map(x -> ImageConversions.toRgb(x, editor.imageSize())).toList());
                }
                List<RgbImage> edits = new ArrayList<>();
                List<RgbImage> heat = new ArrayList<>();
                for (float[] x : inputs) {
                    float[] change = editor.model().changes(direction, x, 1, 1f);
                    edits.add(ImageConversions.toRgb(ImageConversions.addClipped(x, change), size));
                    heat.add(ImageConversions.heatMapAutoScale(change, size, size));
                }
                labels.add(c.id());
                rows.add(edits);
                if (Methods.byId(editor.config().method()).showsResidual()) {
                    labels.add(c.id() + " residual");
                    rows.add(heat);
                }
            }
        }
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= rows.get(0).size(); i++) {
            columns.add("face " + i);
        }
        ImageTable table = new ImageTable(size, columns, columns.size());
        for (int r = 0; r < rows.size(); r++) {
            table.row(labels.get(r), rows.get(r));
        }
        return table.render();
    }

    /** The first test faces of the direction's side, as eval picks them with seed 1. */
    private static List<float[]> testFaces(Editor editor, Direction direction) {
        CelebaDataset dataset = CelebaDataset.open(Path.of(editor.config().data().data()));
        FaceAttribute attribute = editor.config().train().attribute();
        CropRecipe recipe = CropRecipe.parse(editor.config().data().crop());
        int size = editor.imageSize();
        PackedImages cache = PackedImages.open(dataset, recipe, size, PackedImages.defaultPath(dataset.root(), recipe, size),
                editor.config().data().skipBad());
        AttributeSplit.TestSet set = AttributeSplit.forTesting(dataset, attribute).balancedTestSet(0, 1);
        int[] side = direction == Direction.ADD ? set.negatives() : set.positives();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < side.length && out.size() < FACES; i++) {
            if (cache.contains(side[i])) {
                out.add(ImageConversions.toChw(cache.image(cache.cacheIndex(side[i]))));
            }
        }
        return out;
    }
}
