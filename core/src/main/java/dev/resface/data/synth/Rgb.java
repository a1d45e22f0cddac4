package dev.resface.data.synth;

import java.awt.Color;

/** Small helpers for colours packed as 0xRRGGBB ints (records keep them as ints so equality is by value). */
final class Rgb {
    private Rgb() {}

    static int of(int r, int g, int b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    static int r(int c) {
        return c >> 16 & 0xFF;
    }

    static int g(int c) {
        return c >> 8 & 0xFF;
    }

    static int b(int c) {
        return c & 0xFF;
    }

    /** Linear blend: t = 0 gives a, t = 1 gives b. */
    static int mix(int a, int b, double t) {
        return of((int) Math.round(r(a) + (r(b) - r(a)) * t),
                (int) Math.round(g(a) + (g(b) - g(a)) * t),
                (int) Math.round(b(a) + (b(b) - b(a)) * t));
    }

    /** Multiplies every channel by f (f < 1 darkens). */
    static int scale(int c, double f) {
        return of((int) Math.round(r(c) * f), (int) Math.round(g(c) * f), (int) Math.round(b(c) * f));
    }

    static int grey(int c) {
        int y = (int) Math.round(0.299 * r(c) + 0.587 * g(c) + 0.114 * b(c));
        return of(y, y, y);
    }

    static Color color(int c) {
        return new Color(c);
    }

    static Color color(int c, double alpha) {
        return new Color(r(c), g(c), b(c), (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255));
    }

    /** Interpolates along a palette at position t in [0, 1]. */
    static int along(int[] palette, double t) {
        double x = Math.max(0, Math.min(1, t)) * (palette.length - 1);
        int i = Math.min(palette.length - 2, (int) Math.floor(x));
        return mix(palette[i], palette[i + 1], x - i);
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
