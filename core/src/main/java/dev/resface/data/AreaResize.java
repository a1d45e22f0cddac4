package dev.resface.data;

import dev.resface.image.RgbImage;

/**
 * Exact area-averaging resize of a rectangle of an image: every output pixel is the mean of the source area it covers,
 * source pixels weighted by the exact fraction of them it covers, in integer arithmetic, rounded half up
 * ({@code (sum + d/2) / d}). For an integer factor f this is the plain f x f box mean; for size == side it is a copy.
 * Upscaling works the same way (each output pixel covers part of one or two source pixels). Deterministic on every
 * JVM.
 */
public final class AreaResize {
    private AreaResize() {}

    /** A whole image to size x size (squares keep their proportions; others are stretched). */
    public static RgbImage whole(RgbImage src, int size) {
        return resize(src, 0, 0, src.width(), src.height(), size, size);
    }

    static RgbImage resize(RgbImage src, int x0, int y0, int w, int h, int outW, int outH) {
        if (x0 < 0 || y0 < 0 || x0 + w > src.width() || y0 + h > src.height() || w < 1 || h < 1) {
            throw new IllegalArgumentException("rectangle " + x0 + "," + y0 + " " + w + "x" + h + " outside "
                    + src.width() + "x" + src.height());
        }
        if (outW < 1 || outH < 1) {
            throw new IllegalArgumentException("output size " + outW + "x" + outH);
        }
        byte[] in = src.pixels();
        byte[] out = new byte[outW * outH * 3];
        if (outW == w && outH == h) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(in, ((y0 + y) * src.width() + x0) * 3, out, y * w * 3, w * 3);
            }
            return new RgbImage(outW, outH, out);
        }
        Taps tx = Taps.of(w, outW);
        Taps ty = Taps.of(h, outH);
        // Horizontal pass: per source row, per output column, weighted sums (weights add up to w).
        long[] rows = new long[h * outW * 3];
        for (int y = 0; y < h; y++) {
            int rowBase = ((y0 + y) * src.width() + x0) * 3;
            for (int j = 0; j < outW; j++) {
                long r = 0;
                long g = 0;
                long b = 0;
                for (int k = 0; k < tx.count[j]; k++) {
                    int p = rowBase + (tx.first[j] + k) * 3;
                    long wt = tx.weight[j * tx.maxTaps + k];
                    r += wt * (in[p] & 0xFF);
                    g += wt * (in[p + 1] & 0xFF);
                    b += wt * (in[p + 2] & 0xFF);
                }
                int o = (y * outW + j) * 3;
                rows[o] = r;
                rows[o + 1] = g;
                rows[o + 2] = b;
            }
        }
        // Vertical pass (weights add up to h), then one rounding division by w*h.
        long denom = (long) w * h;
        long half = denom / 2;
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                for (int c = 0; c < 3; c++) {
                    long sum = 0;
                    for (int k = 0; k < ty.count[i]; k++) {
                        sum += ty.weight[i * ty.maxTaps + k] * rows[((ty.first[i] + k) * outW + j) * 3 + c];
                    }
                    long v = (sum + half) / denom;
                    out[(i * outW + j) * 3 + c] = (byte) Math.min(255, v);
                }
            }
        }
        return new RgbImage(outW, outH, out);
    }

    /**
     * 1-D weights. Measured in units of 1/out of a source pixel, source pixel i spans [i*out, (i+1)*out) and output
     * pixel j spans [j*n, (j+1)*n); the weight is the (integer) overlap, so an output pixel's weights add up to n.
     */
    private static final class Taps {
        final int[] first;
        final int[] count;
        final long[] weight;
        final int maxTaps;

        private Taps(int[] first, int[] count, long[] weight, int maxTaps) {
            this.first = first;
            this.count = count;
            this.weight = weight;
            this.maxTaps = maxTaps;
        }

        static Taps of(int n, int out) {
            int maxTaps = (n + out - 1) / out + 1;
            int[] first = new int[out];
            int[] count = new int[out];
            long[] weight = new long[out * maxTaps];
            for (int j = 0; j < out; j++) {
                long lo = (long) j * n;
                long hi = (long) (j + 1) * n;
                int i0 = (int) (lo / out);
                int i1 = (int) ((hi - 1) / out);
                first[j] = i0;
                count[j] = i1 - i0 + 1;
                for (int i = i0; i <= i1; i++) {
                    long s = Math.max(lo, (long) i * out);
                    long e = Math.min(hi, (long) (i + 1) * out);
                    weight[j * maxTaps + (i - i0)] = e - s;
                }
            }
            return new Taps(first, count, weight, maxTaps);
        }
    }
}
