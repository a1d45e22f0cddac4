package dev.resface.data;

import java.util.Random;

/** Deterministic seed derivation (SplitMix64 finaliser) and a Fisher-Yates shuffle with Random. */
public final class Seeds {
    private Seeds() {}

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A well-spread seed for stream {@code salt}, key {@code a}, {@code b} of a user seed. */
    public static long derive(long seed, long salt, long a, long b) {
        return mix(mix(mix(seed ^ salt) + a) + b);
    }

    /** Shuffles in place; java.util.Random's algorithm is specified, so this is the same on every JVM. */
    static void shuffle(int[] values, long seed) {
        Random random = new Random(seed);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
