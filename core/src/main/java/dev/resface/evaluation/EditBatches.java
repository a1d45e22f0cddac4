package dev.resface.evaluation;

import dev.resface.data.PackedImages;
import dev.resface.model.Direction;
import dev.resface.model.EditingModel;
import dev.resface.report.ImageConversions;
import java.util.Arrays;
import java.util.function.Consumer;

/** A generator run over cached faces a batch at a time, the way every evaluation feeds it. */
final class EditBatches {
    static final int SIZE = 16;

    /** n faces back to back (CHW, {@code plane} values each) and their residuals. */
    record Batch(int[] indices, float[] inputs, float[] residuals, int plane) {
        int count() {
            return indices.length;
        }

        float[] input(int i) {
            return Arrays.copyOfRange(inputs, i * plane, (i + 1) * plane);
        }

        float[] residual(int i) {
            return Arrays.copyOfRange(residuals, i * plane, (i + 1) * plane);
        }
    }

    private EditBatches() {}

    /** @param indices dataset indices, all in the cache */
    static void forEach(PackedImages cache, EditingModel model, Direction direction, int[] indices,
            Consumer<Batch> consumer) {
        int plane = 3 * cache.size() * cache.size();
        for (int start = 0; start < indices.length; start += SIZE) {
            int[] chunk = Arrays.copyOfRange(indices, start, Math.min(indices.length, start + SIZE));
            float[] x = new float[chunk.length * plane];
            for (int i = 0; i < chunk.length; i++) {
                System.arraycopy(ImageConversions.toChw(cache.image(cache.cacheIndex(chunk[i]))), 0, x, i * plane,
                        plane);
            }
            consumer.accept(new Batch(chunk, x, model.changes(direction, x, chunk.length, 1f), plane));
        }
    }
}
