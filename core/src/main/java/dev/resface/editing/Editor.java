package dev.resface.editing;

import ai.djl.ndarray.NDManager;
import dev.resface.BadInputException;
import dev.resface.data.AreaResize;
import dev.resface.data.CelebaLayout;
import dev.resface.data.CropRecipe;
import dev.resface.engine.Torch;
import dev.resface.image.RgbImage;
import dev.resface.model.Direction;
import dev.resface.model.ResidualGan;
import dev.resface.report.ImageConversions;
import dev.resface.training.Checkpoint;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import java.nio.file.Path;

/** A trained run's generators, ready to edit faces: x + strength * G(x). */
public final class Editor implements AutoCloseable {
    private final RunConfig config;
    private final NDManager manager;
    private final ResidualGan gan;
    private final long iteration;

    private Editor(RunConfig config, NDManager manager, ResidualGan gan, long iteration) {
        this.config = config;
        this.manager = manager;
        this.gan = gan;
        this.iteration = iteration;
    }

    public static Editor open(Path runDir) {
        RunFolder folder = new RunFolder(runDir);
        RunConfig config = RunConfig.read(runDir);
        NDManager manager = Torch.newManager();
        ResidualGan gan = new ResidualGan(config.model(), manager);
        try {
            long iteration = Checkpoint.loadModel(folder.checkpoint(), gan);
            return new Editor(config, manager, gan, iteration);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public RunConfig config() {
        return config;
    }

    public ResidualGan gan() {
        return gan;
    }

    public long iteration() {
        return iteration;
    }

    public int imageSize() {
        return gan.config().imageSize();
    }

    /**
     * What the model sees: an aligned CelebA image (178x218) is cropped with the run's recipe, a square image is
     * resized to the model's size.
     */
    public RgbImage prepare(RgbImage image, Path source) {
        int size = imageSize();
        if (image.width() == CelebaLayout.IMAGE_WIDTH && image.height() == CelebaLayout.IMAGE_HEIGHT) {
            return CropRecipe.parse(config.data().crop()).crop(image, size);
        }
        if (image.width() == image.height()) {
            return image.width() == size ? image : AreaResize.whole(image, size);
        }
        throw BadInputException.at(source, "is " + image.width() + "x" + image.height()
                + "; expected an aligned CelebA image (178x218) or a square face crop");
    }

    /** Edits a prepared crop; returns the edit and its residual (before strength), both as CHW floats. */
    public Result edit(RgbImage crop, Direction direction, float strength) {
        float[] x = ImageConversions.toChw(crop);
        float[] r = ResidualPredictor.residuals(gan, direction, x, 1);
        return new Result(x, r, ImageConversions.addClipped(x, r, strength));
    }

    public record Result(float[] input, float[] residual, float[] edited) {}

    @Override
    public void close() {
        gan.close();
        manager.close();
    }
}
