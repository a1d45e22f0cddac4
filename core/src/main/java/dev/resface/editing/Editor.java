package dev.resface.editing;

import ai.djl.ndarray.NDManager;
import dev.resface.BadInputException;
import dev.resface.data.AreaResize;
import dev.resface.data.CelebaLayout;
import dev.resface.data.CropRecipe;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.report.ImageConversions;
import dev.resface.training.Methods;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import java.nio.file.Path;

/** A trained run's model, ready to edit faces: x + strength * G(x) for the residual GAN, a latent step for VAE-GAN. */
public final class Editor implements AutoCloseable {
    private final RunConfig config;
    private final NDManager manager;
    private final EditingModel model;
    private final long iteration;

    private Editor(RunConfig config, NDManager manager, EditingModel model, long iteration) {
        this.config = config;
        this.manager = manager;
        this.model = model;
        this.iteration = iteration;
    }

    public static Editor open(Path runDir) {
        RunConfig config = RunConfig.read(runDir);
        NDManager manager = Torch.newManager();
        try {
            Methods.Trained trained = Methods.load(new RunFolder(runDir), config, manager);
            return new Editor(config, manager, trained.model(), trained.iteration());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public RunConfig config() {
        return config;
    }

    public EditingModel model() {
        return model;
    }

    public long iteration() {
        return iteration;
    }

    public int imageSize() {
        return model.imageSize();
    }

    /** How the run's training faces were cut from aligned CelebA images. */
    public CropRecipe recipe() {
        return CropRecipe.parse(config.data().crop());
    }

    /**
     * What the model sees: an aligned CelebA image (178x218) is cropped with the run's recipe, a square image is
     * resized to the model's size.
     */
    public RgbImage prepare(RgbImage image, Path source) {
        int size = imageSize();
        if (image.width() == CelebaLayout.IMAGE_WIDTH && image.height() == CelebaLayout.IMAGE_HEIGHT) {
            return recipe().crop(image, size);
        }
        if (image.width() == image.height()) {
            return image.width() == size ? image : AreaResize.whole(image, size);
        }
        throw BadInputException.at(source, "is " + image.width() + "x" + image.height()
                + "; expected an aligned CelebA image (178x218) or a square face crop");
    }

    /** Edits a prepared crop; returns input, change and edit, all as CHW floats. */
    public Result edit(RgbImage crop, Direction direction, float strength) {
        float[] x = ImageConversions.toChw(crop);
        float[] change = model.changes(direction, x, 1, strength);
        return new Result(x, change, ImageConversions.addClipped(x, change));
    }

    /** @param change edited - input before clipping: the residual at this strength */
    public record Result(float[] input, float[] change, float[] edited) {}

    @Override
    public void close() {
        model.close();
        manager.close();
    }
}
