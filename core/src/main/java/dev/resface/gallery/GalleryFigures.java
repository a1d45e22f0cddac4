package dev.resface.gallery;

import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import dev.resface.data.Partition;
import dev.resface.editing.Editor;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.report.ImageConversions;
import dev.resface.report.ImageTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gallery's two figures, both on the same test faces: the paper's (each attribute added and removed, with both
 * residuals) and a chain (several attributes' runs applied in turn, as {@code edit --photo --model A --model B}).
 */
public final class GalleryFigures {
    static final int FACES = 3;

    /** One edit of a chain: an attribute's run and the way it edits. */
    public record Step(FaceAttribute attribute, Direction direction) {
        public String words() {
            return attribute.words(direction == Direction.ADD);
        }
    }

    /** Glasses, then a smile, then a beard (No_Beard removed): one local attribute on top of another. */
    public static final List<Step> CHAIN = List.of(new Step(FaceAttribute.EYEGLASSES, Direction.ADD),
            new Step(FaceAttribute.SMILING, Direction.ADD), new Step(FaceAttribute.NO_BEARD, Direction.REMOVE));

    private GalleryFigures() {}

    /** Per attribute (rows): for each face, the input, G0's edit, G1's edit and both residuals on one heat scale. */
    static ImageTable attributes(Map<FaceAttribute, Path> runs, List<float[]> faces, int size) {
        List<String> columns = new ArrayList<>();
        for (int f = 1; f <= faces.size(); f++) {
            columns.addAll(List.of("face " + f, "G0: add", "G1: remove", "G0 residual", "G1 residual"));
        }
        ImageTable table = new ImageTable(size, columns, 5);
        for (Map.Entry<FaceAttribute, Path> run : runs.entrySet()) {
            try (Editor editor = Editor.open(run.getValue())) {
                List<float[]> added = new ArrayList<>();
                List<float[]> removed = new ArrayList<>();
                double heat = 0;
                for (float[] x : faces) {
                    added.add(editor.model().changes(Direction.ADD, x, 1, 1f));
                    removed.add(editor.model().changes(Direction.REMOVE, x, 1, 1f));
                    heat = Math.max(heat, Math.max(ImageConversions.maxMagnitude(added.get(added.size() - 1), size, size),
                            ImageConversions.maxMagnitude(removed.get(removed.size() - 1), size, size)));
                }
                double scale = heat > 0 ? heat : 1;
                List<RgbImage> cells = new ArrayList<>();
                for (int f = 0; f < faces.size(); f++) {
                    float[] x = faces.get(f);
                    cells.add(ImageConversions.toRgb(x, size));
                    cells.add(ImageConversions.toRgb(ImageConversions.addClipped(x, added.get(f)), size));
                    cells.add(ImageConversions.toRgb(ImageConversions.addClipped(x, removed.get(f)), size));
                    cells.add(ImageConversions.heatMap(added.get(f), size, size, scale));
                    cells.add(ImageConversions.heatMap(removed.get(f), size, size, scale));
                }
                FaceAttribute a = run.getKey();
                table.row(a.celebaName(), cells);
            }
        }
        return table;
    }

    /**
     * Per face (rows): the input, then each step applied to the previous step's clipped result, as a photo edit with
     * several runs applies them.
     */
    static ImageTable chain(Map<FaceAttribute, Path> runs, List<Step> steps, List<float[]> faces, int size) {
        List<String> columns = new ArrayList<>(List.of("input"));
        StringBuilder sofar = new StringBuilder();
        for (Step s : steps) {
            sofar.append(sofar.isEmpty() ? "" : " ").append(s.words());
            columns.add(sofar.toString());
        }
        List<List<RgbImage>> rows = new ArrayList<>();
        List<float[]> current = new ArrayList<>(faces);
        for (float[] x : faces) {
            rows.add(new ArrayList<>(List.of(ImageConversions.toRgb(x, size))));
        }
        for (Step s : steps) {
            try (Editor editor = Editor.open(runs.get(s.attribute()))) {
                for (int f = 0; f < faces.size(); f++) {
                    float[] x = current.get(f);
                    float[] edited = ImageConversions.addClipped(x, editor.model().changes(s.direction(), x, 1, 1f));
                    current.set(f, edited);
                    rows.get(f).add(ImageConversions.toRgb(edited, size));
                }
            }
        }
        ImageTable table = new ImageTable(size, columns, columns.size());
        for (int f = 0; f < faces.size(); f++) {
            table.row("face " + (f + 1), rows.get(f));
        }
        return table;
    }

    /** The first test-partition faces in the run's image cache: the same faces for every attribute. */
    static List<float[]> testFaces(Path run) {
        try (Editor editor = Editor.open(run)) {
            CelebaDataset dataset = CelebaDataset.open(Path.of(editor.config().data().data()));
            CropRecipe recipe = CropRecipe.parse(editor.config().data().crop());
            int size = editor.imageSize();
            PackedImages cache = PackedImages.open(dataset, recipe, size,
                    PackedImages.defaultPath(dataset.root(), recipe, size), editor.config().data().skipBad());
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < dataset.size() && out.size() < FACES; i++) {
                if (dataset.partition(i) == Partition.TEST && cache.contains(i)) {
                    out.add(ImageConversions.toChw(cache.image(cache.cacheIndex(i))));
                }
            }
            return out;
        }
    }
}
