package dev.resface.landmarks;

/**
 * CelebA's five landmarks (left eye, right eye, nose tip, left and right mouth corner, as the image shows them) taken
 * from the 68 points of the iBUG 300-W scheme: the eye centres are the means of indices 36-41 and 42-47 (the eye the
 * image shows on the left is the person's right eye, 36-41), the nose tip is 30, the mouth corners 48 and 54.
 */
public final class CelebaPoints {
    public static final int LEFT_EYE = 0;
    public static final int RIGHT_EYE = 1;
    public static final int NOSE = 2;
    public static final int LEFT_MOUTH = 3;
    public static final int RIGHT_MOUTH = 4;
    public static final int COUNT = 5;

    private CelebaPoints() {}

    /** {@code x0, y0, ..., x4, y4} from the 68 points {@code x0, y0, ..., x67, y67}. */
    public static double[] fromIbug68(double[] points) {
        if (points.length != 136) {
            throw new IllegalArgumentException("expected 68 points (136 values), got " + points.length);
        }
        double[] out = new double[2 * COUNT];
        mean(points, 36, 42, out, LEFT_EYE);
        mean(points, 42, 48, out, RIGHT_EYE);
        mean(points, 30, 31, out, NOSE);
        mean(points, 48, 49, out, LEFT_MOUTH);
        mean(points, 54, 55, out, RIGHT_MOUTH);
        return out;
    }

    /** Distance between the two eye centres of a five-point set. */
    public static double interOcular(double[] five) {
        return Math.hypot(five[2 * RIGHT_EYE] - five[2 * LEFT_EYE], five[2 * RIGHT_EYE + 1] - five[2 * LEFT_EYE + 1]);
    }

    private static void mean(double[] points, int from, int to, double[] out, int slot) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += points[2 * i];
            y += points[2 * i + 1];
        }
        out[2 * slot] = x / (to - from);
        out[2 * slot + 1] = y / (to - from);
    }
}
