package dev.resface.faceapi;

import dev.resface.image.RgbImage;

/**
 * What face-api's {@code NetInput.toBatchTensor(size, centered)} makes of an image: zero-padded to a square, resized
 * with TensorFlow's legacy bilinear rule (source = destination x in/out, no half-pixel offset, no corner alignment)
 * when not already {@code size x size}, in float32. Centered (the crop nets): the larger half of the padding after the
 * image, {@code round(diff / 2)}, the rest before; not centered (the SSD detector): all of it after, bottom or right.
 * Returned HWC, not yet normalized.
 */
final class FaceApiInput {
    private FaceApiInput() {}

    /** Centered, face-api's default. */
    static float[] prepare(RgbImage crop, int size) {
        return prepare(crop, size, true);
    }

    /**
     * The padded square is never built: the resize reads it through {@link Square}, so memory follows the output, not
     * the photo's longest side squared (a 12000x3000 photo's square alone would be 1.7 GB of floats).
     */
    static float[] prepare(RgbImage crop, int size, boolean centered) {
        int w = crop.width();
        int h = crop.height();
        int side = Math.max(w, h);
        int diff = side - Math.min(w, h);
        int before = centered ? diff - (int) Math.round(diff * 0.5) : 0;
        int offX = w < h ? before : 0;
        int offY = h < w ? before : 0;
        Square square = (y, x, c) -> {
            int sx = x - offX;
            int sy = y - offY;
            return sx >= 0 && sy >= 0 && sx < w && sy < h ? crop.get(sx, sy, c) : 0f;
        };
        if (side == size) {
            float[] out = new float[size * size * 3];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    for (int c = 0; c < 3; c++) {
                        out[(y * size + x) * 3 + c] = square.get(y, x, c);
                    }
                }
            }
            return out;
        }
        return resizeBilinear(square, side, size);
    }

    /** A square HWC image's value at (row, column, channel). */
    @FunctionalInterface
    interface Square {
        float get(int row, int column, int channel);
    }

    /** tf.image.resizeBilinear(x, [size, size], false, false) on a square HWC image, as TF.js's cpu kernel does. */
    private static float[] resizeBilinear(Square in, int side, int size) {
        double ratio = (double) side / size;
        float[] out = new float[size * size * 3];
        for (int r = 0; r < size; r++) {
            double fr = ratio * r;
            int r0 = Math.max(0, (int) Math.floor(fr));
            int r1 = Math.min(side - 1, (int) Math.ceil(fr));
            double dr = fr - r0;
            for (int col = 0; col < size; col++) {
                double fc = ratio * col;
                int c0 = Math.max(0, (int) Math.floor(fc));
                int c1 = Math.min(side - 1, (int) Math.ceil(fc));
                double dc = fc - c0;
                for (int d = 0; d < 3; d++) {
                    double tl = in.get(r0, c0, d);
                    double tr = in.get(r0, c1, d);
                    double bl = in.get(r1, c0, d);
                    double br = in.get(r1, c1, d);
                    double top = tl + (tr - tl) * dc;
                    double bottom = bl + (br - bl) * dc;
                    out[(r * size + col) * 3 + d] = (float) (top + (bottom - top) * dr);
                }
            }
        }
        return out;
    }
}
