package dev.resface.training;

/**
 * A learning-rate schedule: constant, then falling linearly to zero at the last step (as CycleGAN trains), so that a
 * run ends on settled weights instead of wherever its last swing left them.
 */
public final class LinearDecay {
    private LinearDecay() {}

    /**
     * The factor on the rate for update {@code step} (1-based) of {@code steps}, constant through {@code from * steps}
     * and then (steps - step + 1) / (steps - start): 1 right after the start, 1 / (steps - start) at the last step.
     */
    public static double scale(long step, long steps, double from) {
        double start = from * steps;
        return step <= start ? 1 : Math.max(0, (steps - step + 1) / (steps - start));
    }
}
