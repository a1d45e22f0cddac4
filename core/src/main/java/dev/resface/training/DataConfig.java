package dev.resface.training;

/**
 * Which images a run trains on and how they are prepared.
 *
 * @param data a folder in aligned-CelebA layout
 * @param crop crop recipe id (see CropRecipe)
 * @param flip random horizontal flips of training batches
 * @param cache the packed cache file; null means the default inside the data folder
 * @param skipBad leave out unreadable images (counted in the run log) instead of stopping
 */
public record DataConfig(String data, String crop, boolean flip, String cache, boolean skipBad) {}
