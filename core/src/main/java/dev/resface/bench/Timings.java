package dev.resface.bench;

import java.util.Arrays;
import java.util.Locale;

/** The two summaries every benchmark prints: a median, and the range it came from. */
public final class Timings {
    private Timings() {}

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** "min-max" of the values, each scaled and formatted. */
    public static String range(double[] v, double scale, String format) {
        double lo = Arrays.stream(v).min().orElse(Double.NaN) * scale;
        double hi = Arrays.stream(v).max().orElse(Double.NaN) * scale;
        return String.format(Locale.ROOT, format + "-" + format, lo, hi);
    }
}
