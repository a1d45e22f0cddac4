package dev.resface.evaluation;

import dev.resface.BadInputException;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.SourceImages;
import dev.resface.image.RgbImage;
import java.nio.file.Path;

/**
 * The images a dataset with ground truth keeps beside each face (SynthFaces' counterparts/ and masks/): 178x218 PNGs
 * named after the face, 000001.png for 000001.jpg.
 */
final class GroundTruthFiles {
    private GroundTruthFiles() {}

    /** The image of dataset image {@code index} in {@code folder}. */
    static Path of(Path folder, CelebaDataset dataset, int index) {
        return folder.resolve(dataset.imageName(index).replaceFirst("\\.[^.]+$", ".png"));
    }

    /** A missing or unreadable file is the user's to fix, so it is a BadInputException naming it. */
    static RgbImage read(Path file) {
        try {
            return SourceImages.read(file);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(file, "ground truth image: " + e.getMessage());
        }
    }

    /**
     * A mask (non-zero = inside) cropped as the model sees the faces: a crop pixel is inside when any source pixel
     * under it is. Row-major, size x size.
     */
    static boolean[] maskCrop(Path file, CropRecipe recipe, int size) {
        RgbImage crop = recipe.crop(read(file), size);
        boolean[] bits = new boolean[crop.width() * crop.height()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (crop.pixels()[3 * i] & 0xFF) > 0;
        }
        return bits;
    }
}
