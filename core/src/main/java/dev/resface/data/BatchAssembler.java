package dev.resface.data;

/**
 * Turns packed crops (HWC uint8) into the float batch a trainer makes a tensor of: NCHW, channels first (R, G, B
 * planes), each value {@code v / 127.5f - 1} in [-1, 1], optionally mirrored left-right per image.
 */
public final class BatchAssembler {
    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 127.5f - 1f;
        }
    }

    private BatchAssembler() {}

    /** The crops of {@code datasetIndices} (which must be in the cache), {@code flips} may be null (no mirroring). */
    public static float[] assemble(PackedImages cache, int[] datasetIndices, boolean[] flips) {
        float[] out = new float[datasetIndices.length * 3 * cache.size() * cache.size()];
        assemble(cache, datasetIndices, flips, out);
        return out;
    }

    /** As {@link #assemble(PackedImages, int[], boolean[])} into a reusable array of at least N*3*size*size. */
    public static void assemble(PackedImages cache, int[] datasetIndices, boolean[] flips, float[] out) {
        int size = cache.size();
        int plane = 3 * size * size;
        if (out.length < datasetIndices.length * plane) {
            throw new IllegalArgumentException("output holds " + out.length + " floats, need "
                    + datasetIndices.length * plane);
        }
        if (flips != null && flips.length != datasetIndices.length) {
            throw new IllegalArgumentException(flips.length + " flips for " + datasetIndices.length + " images");
        }
        byte[] hwc = new byte[cache.imageBytes()];
        for (int n = 0; n < datasetIndices.length; n++) {
            int k = cache.cacheIndex(datasetIndices[n]);
            if (k < 0) {
                throw new IllegalArgumentException("dataset image " + datasetIndices[n] + " is not in the cache");
            }
            cache.copy(k, hwc, 0);
            toChw(hwc, 0, size, flips != null && flips[n], out, n * plane);
        }
    }

    /** One size x size HWC uint8 image to CHW floats in [-1, 1] at {@code out[outOffset..]}, mirrored if asked. */
    public static void toChw(byte[] hwc, int offset, int size, boolean flip, float[] out, int outOffset) {
        int area = size * size;
        for (int y = 0; y < size; y++) {
            int row = offset + y * size * 3;
            int dst = outOffset + y * size;
            for (int x = 0; x < size; x++) {
                int src = row + (flip ? size - 1 - x : x) * 3;
                out[dst + x] = SCALE[hwc[src] & 0xFF];
                out[dst + area + x] = SCALE[hwc[src + 1] & 0xFF];
                out[dst + 2 * area + x] = SCALE[hwc[src + 2] & 0xFF];
            }
        }
    }
}
