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

    static float[] prepare(RgbImage crop, int size, boolean centered) {
        int w = crop.width();
        int h = crop.height();
        int side = Math.max(w, h);
        int diff = side - Math.min(w, h);
        int before = centered ? diff - (int) Math.round(diff * 0.5) : 0;
        int offX = w < h ? before : 0;
        int offY = h < w ? before : 0;
        float[] square = new float[side * side * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    square[((y + offY) * side + x + offX) * 3 + c] = crop.get(x, y, c);
                }
            }
        }
        return side == size ? square : resizeBilinear(square, side, size);
    }

    /** tf.image.resizeBilinear(x, [size, size], false, false) on a square HWC image, as TF.js's cpu kernel does. */
    static float[] resizeBilinear(float[] in, int side, int size) {
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
                    double tl = in[(r0 * side + c0) * 3 + d];
                    double tr = in[(r0 * side + c1) * 3 + d];
                    double bl = in[(r1 * side + c0) * 3 + d];
                    double br = in[(r1 * side + c1) * 3 + d];
                    double top = tl + (tr - tl) * dc;
                    double bottom = bl + (br - bl) * dc;
                    out[(r * size + col) * 3 + d] = (float) (top + (bottom - top) * dr);
                }
            }
        }
        return out;
    }
}
