package dev.resface.evaluation;

import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.synth.SynthFaces;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each face's hair is, cropped as the model sees it, to measure whether an edit leaves the hair alone (the
 * paper's decorrelation, 6.3: removing a beard should not shorten the hair). From the dataset's hair masks
 * (SynthFaces' masks/Hair/) when it has them, else from its 5 landmarks ({@link AttributeRegion#hair}), else none.
 */
public final class HairRegion {
    private final CelebaDataset dataset;
    private final CropRecipe recipe;
    private final int size;
    private final Path masks; // null: the dataset has no hair masks

    public HairRegion(CelebaDataset dataset, CropRecipe recipe, int size) {
        this.dataset = dataset;
        this.recipe = recipe;
        this.size = size;
        Path folder = dataset.root().resolve(SynthFaces.MASKS).resolve(SynthFaces.HAIR_MASK);
        this.masks = Files.isDirectory(folder) ? folder : null;
    }

    /**
     * The hair region of dataset image {@code datasetIndex}, row-major size x size (a crop pixel is in a mask's
     * region when any source pixel under it is); null when the dataset has neither hair masks nor landmarks.
     */
    public boolean[] of(int datasetIndex) {
        if (masks != null) {
            return GroundTruthFiles.maskCrop(GroundTruthFiles.of(masks, dataset, datasetIndex), recipe, size);
        }
        return dataset.landmarks(datasetIndex)
                .map(l -> AttributeRegion.hair(l.inCrop(recipe, size), size, size))
                .orElse(null);
    }

    /** Where the regions come from, for a report. */
    public String source() {
        if (masks != null) {
            return "the dataset's hair masks (" + SynthFaces.MASKS + "/" + SynthFaces.HAIR_MASK + "/)";
        }
        if (dataset.hasLandmarks()) {
            return "the dataset's 5 landmarks (see AttributeRegion.hair)";
        }
        return "none (the dataset has neither hair masks nor landmarks)";
    }
}
