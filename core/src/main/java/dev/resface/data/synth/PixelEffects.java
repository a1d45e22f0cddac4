package dev.resface.data.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Per-pixel finishing: a soft directional light over the whole image and mild sensor noise. Both depend only on the
 * pixel position and the face's Appearance, never on what was drawn there, so they cannot leak an attribute's change
 * outside its mask.
 */
final class PixelEffects {
    private PixelEffects() {}

    static void apply(BufferedImage image, Appearance a) {
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        double lx = Math.cos(a.lightAngle());
        double ly = Math.sin(a.lightAngle());
        double strength = a.lightStrength();
        double amp = a.noiseAmplitude();
        long seed = a.detailSeed() ^ 0x2A15EL;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double light = 1 + strength * ((x - 89) * lx + (y - 109) * ly) / 100;
                long hash = mix(seed + i * 0x9E3779B97F4A7C15L);
                int c = px[i];
                int r = channel(c >> 16 & 0xFF, light, amp, hash);
                int g = channel(c >> 8 & 0xFF, light, amp, hash >>> 20);
                int b = channel(c & 0xFF, light, amp, hash >>> 40);
                px[i] = r << 16 | g << 8 | b;
            }
        }
    }

    private static int channel(int v, double light, double amp, long bits) {
        // two 10-bit uniforms summed: a triangular noise in [-1, 1]
        double noise = ((bits & 0x3FF) + (bits >>> 10 & 0x3FF)) / 1023.0 - 1;
        return Math.max(0, Math.min(255, (int) Math.round(v * light + amp * noise)));
    }

    /** SplitMix64's finalizer: a good 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
