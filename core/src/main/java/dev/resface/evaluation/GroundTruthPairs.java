package dev.resface.evaluation;

import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.SynthFaces;
import dev.resface.image.MaskDilation;
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
        return recipe.crop(GroundTruthFiles.read(file(SynthFaces.COUNTERPARTS, index)), size);
    }

    /** A crop pixel belongs to the mask when any source pixel under it does; then the mask is dilated. */
    public boolean[] mask(int index, int dilation) {
        boolean[] bits = GroundTruthFiles.maskCrop(file(SynthFaces.MASKS, index), recipe, size);
        return MaskDilation.dilate(bits, size, size, dilation);
    }

    private Path file(String kind, int index) {
        return GroundTruthFiles.of(dataset.root().resolve(kind).resolve(attribute.celebaName()), dataset, index);
    }
}
