package dev.resface.training;

import dev.resface.data.AttributeSplit;
import dev.resface.data.BatchAssembler;
import dev.resface.data.BatchSampler;
import dev.resface.data.CelebaDataset;
import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.PackedImages;
import java.nio.file.Path;
import java.util.Arrays;

/** Training batches from a CelebA-layout folder through the packed cache; batch i depends only on (seed, i). */
public final class CelebaTrainingData implements TrainingData {
    private final CelebaDataset dataset;
    private final PackedImages cache;
    private final AttributeSplit split;
    private final BatchSampler negatives;
    private final BatchSampler positives;
    private final boolean flip;
    private final long seed;

    public CelebaTrainingData(DataConfig config, FaceAttribute attribute, int size, int batchSize, long seed) {
        this.dataset = CelebaDataset.open(Path.of(config.data()));
        CropRecipe recipe = CropRecipe.parse(config.crop());
        Path cacheFile = config.cache() != null ? Path.of(config.cache()) : PackedImages.defaultPath(dataset.root(), recipe, size);
        this.cache = PackedImages.open(dataset, recipe, size, cacheFile, config.skipBad());
        this.split = AttributeSplit.of(dataset, attribute, cache);
        // Distinct streams for the two pools, so x0 and x1 batches are independent.
        this.negatives = new BatchSampler(split.trainNegatives(), batchSize, seed * 2);
        this.positives = new BatchSampler(split.trainPositives(), batchSize, seed * 2 + 1);
        this.flip = config.flip();
        this.seed = seed;
    }

    public CelebaDataset dataset() {
        return dataset;
    }

    public PackedImages cache() {
        return cache;
    }

    public AttributeSplit split() {
        return split;
    }

    @Override
    public int imageSize() {
        return cache.size();
    }

    @Override
    public float[] negatives(long iteration) {
        return batch(negatives, iteration);
    }

    @Override
    public float[] positives(long iteration) {
        return batch(positives, iteration);
    }

    private float[] batch(BatchSampler sampler, long iteration) {
        return BatchAssembler.assemble(cache, sampler.batch(iteration), flip ? sampler.flips(iteration) : null);
    }

    @Override
    public int trainingFaceCount(boolean withAttribute) {
        return pool(withAttribute).length;
    }

    @Override
    public float[] trainingFaces(boolean withAttribute, int from, int count) {
        return BatchAssembler.assemble(cache, Arrays.copyOfRange(pool(withAttribute), from, from + count), null);
    }

    private int[] pool(boolean withAttribute) {
        return withAttribute ? split.trainPositives() : split.trainNegatives();
    }

    @Override
    public float[] sampleNegatives(int k) {
        return BatchAssembler.assemble(cache, held(split.balancedTestSet(k, seed).negatives(), split.trainNegatives(), k), null);
    }

    @Override
    public float[] samplePositives(int k) {
        return BatchAssembler.assemble(cache, held(split.balancedTestSet(k, seed).positives(), split.trainPositives(), k), null);
    }

    /** Test images when the test partition has enough of both classes, else the first training images. */
    private static int[] held(int[] test, int[] train, int k) {
        int[] pool = test.length >= k ? test : train;
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = pool[i % pool.length];
        }
        return out;
    }

    @Override
    public String describe() {
        return String.format("%s: %d images packed at %dpx (%d skipped as unreadable); %s: %d without, %d with for training",
                dataset.root(), cache.count(), cache.size(), cache.skippedCount(), split.attribute(),
                split.trainNegatives().length, split.trainPositives().length)
                + (cache.skippedCount() > 0 ? "; skipped: " + Arrays.toString(cache.skipped().stream().limit(10).toArray()) : "");
    }
}
