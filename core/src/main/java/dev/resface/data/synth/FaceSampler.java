package dev.resface.data.synth;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * Draws {@link FaceParams} with CelebA-like marginals and correlations: Male 42%, Young 77% (less among men), Smiling
 * 48%, Mouth_Slightly_Open 48% and correlated with Smiling, beards on 38% of men and no women (so Male and No_Beard
 * correlate near -0.5, as in CelebA), long hair mostly on women, and eyeglasses more common on old and male faces
 * with an overall rate from {@link SynthConfig#eyeglassesRate()}.
 */
final class FaceSampler {
    static final double P_MALE = 0.42;
    static final double P_YOUNG_MALE = 0.65;
    static final double P_YOUNG_FEMALE = 0.86;
    static final double P_SMILING = 0.48;
    static final double P_OPEN_IF_SMILING = 0.76;
    static final double P_OPEN_IF_NOT_SMILING = 0.22;
    static final double P_BEARD_IF_MALE = 0.38;

    // relative eyeglasses odds; normalized below so the overall rate equals the configured one
    private static final double GLASSES_MALE = 1.6;
    private static final double GLASSES_FEMALE = 0.6;
    private static final double GLASSES_OLD = 2.2;
    private static final double GLASSES_YOUNG = 0.7;

    private static final int[] SKIN = {
        Rgb.of(250, 224, 206), Rgb.of(240, 204, 180), Rgb.of(228, 184, 156), Rgb.of(206, 156, 120),
        Rgb.of(168, 118, 84), Rgb.of(124, 84, 58), Rgb.of(92, 62, 45)
    };
    private static final int[] HAIR = {
        Rgb.of(26, 22, 20), Rgb.of(40, 30, 24), Rgb.of(62, 42, 30), Rgb.of(98, 66, 42), Rgb.of(140, 98, 60),
        Rgb.of(196, 160, 100), Rgb.of(218, 190, 130), Rgb.of(120, 52, 28)
    };
    private static final double[] HAIR_WEIGHTS = {0.22, 0.18, 0.18, 0.14, 0.09, 0.08, 0.05, 0.06};
    private static final int[] IRIS = {
        Rgb.of(84, 52, 30), Rgb.of(52, 36, 26), Rgb.of(118, 92, 50), Rgb.of(70, 108, 72), Rgb.of(64, 104, 156),
        Rgb.of(104, 116, 128)
    };
    private static final double[] IRIS_WEIGHTS = {0.35, 0.25, 0.12, 0.08, 0.12, 0.08};
    private static final int[] LIPSTICK = {
        Rgb.of(176, 28, 48), Rgb.of(200, 62, 92), Rgb.of(150, 40, 60), Rgb.of(206, 96, 104)
    };
    private static final int[] FRAMES = {
        Rgb.of(18, 18, 20), Rgb.of(46, 30, 20), Rgb.of(24, 28, 56), Rgb.of(72, 20, 26), Rgb.of(50, 50, 56)
    };
    private static final GlassesStyle[] GLASSES = GlassesStyle.values();
    private static final double[] GLASSES_WEIGHTS = {0.2, 0.25, 0.25, 0.1, 0.2};
    private static final BeardStyle[] BEARDS = BeardStyle.values();
    private static final double[] BEARD_WEIGHTS = {0.35, 0.3, 0.2, 0.15};

    private FaceSampler() {}

    static FaceParams sample(SplittableRandom rng, SynthConfig config) {
        boolean male = rng.nextDouble() < P_MALE;
        boolean young = rng.nextDouble() < (male ? P_YOUNG_MALE : P_YOUNG_FEMALE);
        boolean smiling = rng.nextDouble() < P_SMILING;
        boolean open = rng.nextDouble() < (smiling ? P_OPEN_IF_SMILING : P_OPEN_IF_NOT_SMILING);
        boolean noBeard = !(male && rng.nextDouble() < P_BEARD_IF_MALE);
        boolean glasses = rng.nextDouble() < glassesProbability(config.eyeglassesRate(), male, young);
        return new FaceParams(glasses, open, smiling, noBeard, male, young, appearance(rng));
    }

    /** P(glasses | male, young), scaled so that its mean over the sampled genders and ages is the configured rate. */
    static double glassesProbability(double rate, boolean male, boolean young) {
        double mean = 0;
        for (int m = 0; m < 2; m++) {
            for (int y = 0; y < 2; y++) {
                double pm = m == 1 ? P_MALE : 1 - P_MALE;
                double pYoung = m == 1 ? P_YOUNG_MALE : P_YOUNG_FEMALE;
                double py = y == 1 ? pYoung : 1 - pYoung;
                mean += pm * py * odds(m == 1, y == 1);
            }
        }
        return Math.min(1, rate * odds(male, young) / mean);
    }

    private static double odds(boolean male, boolean young) {
        return (male ? GLASSES_MALE : GLASSES_FEMALE) * (young ? GLASSES_YOUNG : GLASSES_OLD);
    }

    private static Appearance appearance(SplittableRandom rng) {
        int backgroundTop = background(rng);
        int backgroundBottom = rng.nextDouble() < 0.5
                ? Rgb.scale(backgroundTop, uniform(rng, 0.55, 0.9))
                : background(rng);
        int hair = HAIR[pick(rng, HAIR_WEIGHTS)];
        return new Appearance(
                uniform(rng, -4, 4),
                uniform(rng, 0.95, 1.05),
                uniform(rng, -2.5, 2.5),
                uniform(rng, -2.5, 2.5),
                backgroundTop,
                backgroundBottom,
                uniform(rng, -0.6, 0.6),
                Rgb.of(rng.nextInt(20, 200), rng.nextInt(20, 200), rng.nextInt(20, 200)),
                Rgb.along(SKIN, Math.pow(rng.nextDouble(), 1.6)),
                uniform(rng, 43, 48),
                uniform(rng, 40, 48),
                uniform(rng, 181, 189),
                rng.nextDouble(),
                hair,
                uniform(rng, 0.6, 0.95),
                rng.nextDouble() < 0.75,
                rng.nextDouble() < 0.08,
                uniform(rng, 66, 74),
                rng.nextDouble() < 0.3,
                uniform(rng, 4, 10),
                uniform(rng, 196, 222),
                IRIS[pick(rng, IRIS_WEIGHTS)],
                uniform(rng, 17, 20),
                uniform(rng, 7.5, 9.5),
                uniform(rng, 2.2, 3.2),
                uniform(rng, 0, 3),
                uniform(rng, 12, 16),
                uniform(rng, 31, 35),
                uniform(rng, 2.5, 4),
                uniform(rng, 3.2, 5),
                rng.nextDouble() < 0.55,
                LIPSTICK[rng.nextInt(LIPSTICK.length)],
                BEARDS[pick(rng, BEARD_WEIGHTS)],
                GLASSES[pick(rng, GLASSES_WEIGHTS)],
                FRAMES[rng.nextInt(FRAMES.length)],
                uniform(rng, 0, 2 * Math.PI),
                uniform(rng, 0.04, 0.16),
                uniform(rng, 2, 4.5),
                rng.nextLong());
    }

    private static int background(SplittableRandom rng) {
        float hue = (float) rng.nextDouble();
        float saturation = (float) uniform(rng, 0.05, 0.55);
        float brightness = (float) uniform(rng, 0.3, 0.97);
        return Color.HSBtoRGB(hue, saturation, brightness) & 0xFFFFFF;
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static int pick(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
