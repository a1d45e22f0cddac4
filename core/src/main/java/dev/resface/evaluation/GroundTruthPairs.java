package dev.resface.evaluation;

import dev.resface.BadInputException;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.SourceImages;
import dev.resface.data.synth.SynthFaces;
import dev.resface.image.RgbImage;
import dev.resface.report.ImageConversions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ground truth a dataset with pairs provides (SynthFaces, realfaces): each image's true counterpart with the
 * attribute flipped and the mask of the pixels the flip may change, cropped as the model sees them.
 */
public final class GroundTruthPairs {
    private final CelebaDataset dataset;
    private final FaceAttribute attribute;
    private final CropRecipe recipe;
    private final int size;

    public GroundTruthPairs(CelebaDataset dataset, FaceAttribute attribute, CropRecipe recipe, int size) {
        this.dataset = dataset;
        this.attribute = attribute;
        this.recipe = recipe;
        this.size = size;
    }

    public static boolean available(Path dataRoot, FaceAttribute attribute) {
        return Files.isDirectory(dataRoot.resolve(SynthFaces.COUNTERPARTS).resolve(attribute.celebaName()));
    }

    /** The counterpart of dataset image {@code index}, CHW [-1, 1]. */
    public float[] counterpart(int index) {
        return ImageConversions.toChw(counterpartCrop(index));
    }

    /** The counterpart of dataset image {@code index}, cropped. */
    public RgbImage counterpartCrop(int index) {
        return recipe.crop(read(SynthFaces.COUNTERPARTS, index), size);
    }

    /** A crop pixel belongs to the mask when any source pixel under it does; then the mask is dilated. */
    public boolean[] mask(int index, int dilation) {
        RgbImage crop = recipe.crop(read(SynthFaces.MASKS, index), size);
        boolean[] bits = new boolean[crop.width() * crop.height()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (crop.pixels()[3 * i] & 0xFF) > 0;
        }
        return GroundTruthScore.dilate(bits, crop.width(), crop.height(), dilation);
    }

    private RgbImage read(String kind, int index) {
        String png = dataset.imageName(index).replaceFirst("\\.[^.]+$", ".png");
        Path file = dataset.root().resolve(kind).resolve(attribute.celebaName()).resolve(png);
        try {
            return SourceImages.read(file);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(file, "ground truth " + kind + " image: " + e.getMessage());
        }
    }
}
