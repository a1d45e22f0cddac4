package dev.resface.photo;

import dev.resface.faceapi.DetectedFace;
import dev.resface.landmarks.Box;

/**
 * The box dlib's 68-point shape predictor expects, from a face-api SSD detection. The predictor was trained on boxes
 * from dlib's HOG detector, which are square, where the SSD's are about 1.4 times as tall as wide and reach higher up
 * the forehead. The SSD box as it is starts the predictor too far off: measured, it nearly doubles the box error and
 * triples the median landmark error.
 *
 * <p>The constants were fitted by {@code DlibBoxCalibration} (test scope; rerun it to reproduce them) on dlib's example
 * photos ({@code /usr/share/doc/libdlib19.1/examples/faces}, the 9 photos of {@code training_with_face_landmarks.xml}
 * and {@code testing_with_face_landmarks.xml}): of their 43 faces the SSD finds 42, each paired with the XML box it
 * overlaps most (IoU 0.51-0.84). The fit uses the 35 of them whose XML box is the HOG detector's own (square; the other
 * 7 were drawn by hand); each constant is the least-squares value of its ratio, so the mean of the per-face ratios.
 * The side follows sqrt(width * height) rather than the width or the height alone because that ratio scatters least
 * (coefficient of variation 0.081, against 0.088 and 0.097).
 *
 * <p>What is left is scatter no constant can take out, mostly the sideways offset (sd 0.10 of the SSD width, against
 * 0.05 of its height downwards): the two detectors follow a turned head differently. The mapped box's corners are off
 * by 0.104 of dlib's side on average, 0.29 at worst (leave-one-out: 0.108); the SSD box as it is, 0.18 and 0.47. From
 * the mapped box the predictor lands within 0.023 of the eye distance of dlib's own points on the median face
 * (0.000 from dlib's box, 0.072 from the SSD box), but 8 of the 42 faces, all small (37-45 px, eyes 11-16 px apart),
 * go astray (over 0.1, worst 0.88) and set the mean to 0.11 (0.17 from the SSD box). Moving the constants by up to 0.05
 * changes which faces fail more than how many (7 to 19 over that grid, 8 at the fit).
 */
public final class DlibBox {
    /** Centre shift right, in SSD box widths. */
    static final double CENTRE_X = -0.0257;
    /** Centre shift down, in SSD box heights: dlib's box starts at the brows, the SSD's above them. */
    static final double CENTRE_Y = 0.0869;
    /** Side, in sqrt(SSD width * SSD height). */
    static final double SIDE = 0.9695;

    private DlibBox() {}

    /** The square box, in the detection's image pixels, that dlib's detector would most likely have given. */
    public static Box fromDetection(DetectedFace d) {
        return square(d.x() + d.width() * (0.5 + CENTRE_X), d.y() + d.height() * (0.5 + CENTRE_Y), SIDE * size(d));
    }

    /** The detection's size the side scales with. */
    static double size(DetectedFace d) {
        return Math.sqrt(d.width() * d.height());
    }

    /**
     * Centre and side measured on pixel edges, the frame both detectors give sizes in: dlib's box covers pixels
     * {@code left .. left + width - 1}, so its edges are {@code left} and {@code left + width}.
     */
    static Box square(double centreX, double centreY, double side) {
        int s = Math.max(1, (int) Math.round(side));
        return new Box((int) Math.round(centreX - s / 2.0), (int) Math.round(centreY - s / 2.0), s, s);
    }
}
