package dev.resface.evaluation;

import dev.resface.data.FaceAttribute;
import dev.resface.landmarks.CelebaPoints;

/**
 * Where an attribute lives on an aligned face, from CelebA's five landmarks (in crop pixels) and d, the distance
 * between the eye centres. Boxes are axis-aligned: the faces are aligned, so the eye line is nearly level.
 * <ul>
 *   <li>Eyeglasses: the eyes band, from 0.75 d outside each eye, 0.45 d above to 0.45 d below the eye line (frames
 *       reach the temples and sit on the nose).
 *   <li>Mouth_Slightly_Open and Smiling: the mouth box, 0.35 d beyond each corner, 0.4 d above and 0.5 d below the
 *       corners (lips part and cheeks lift).
 *   <li>No_Beard: the lower face, from the nose tip down to the bottom edge, 0.8 d beyond each mouth corner.
 *   <li>Male and Young: the whole image (global attributes).
 * </ul>
 * <p>And {@link #hair}, not an attribute but what an edit of one should leave alone (the paper's decorrelation, 6.3):
 * everything more than 0.6 d above the eye line, plus the columns farther than 1.15 d to either side of the eyes'
 * midpoint, down to 0.5 d below the mouth line. Measured on 50 SynthFaces (seed 2) against their true hair masks
 * (masks/Hair: the hair of every hairstyle each face could have), it covers 69% of the hair (84% inside the paper's
 * crop) and 1.1% of the No_Beard mask. The first guess, 1.1 d and down to the mouth line, covered 66% (80%) of the
 * hair and 2.0% of the beard: long hair falls below the mouth, and at 1.1 d the columns take in the cheeks' edges.
 */
public final class AttributeRegion {
    private AttributeRegion() {}

    public static boolean[] of(FaceAttribute attribute, double[] five, int width, int height) {
        double d = CelebaPoints.interOcular(five);
        double eyeY = (five[1] + five[3]) / 2;
        double mouthY = (five[7] + five[9]) / 2;
        return switch (attribute) {
            case EYEGLASSES -> box(five[0] - 0.75 * d, eyeY - 0.45 * d, five[2] + 0.75 * d, eyeY + 0.45 * d, width,
                    height);
            case MOUTH_SLIGHTLY_OPEN, SMILING -> box(five[6] - 0.35 * d, mouthY - 0.4 * d, five[8] + 0.35 * d,
                    mouthY + 0.5 * d, width, height);
            case NO_BEARD -> box(five[6] - 0.8 * d, five[5], five[8] + 0.8 * d, height, width, height);
            case MALE, YOUNG -> box(0, 0, width, height, width, height);
        };
    }

    /** Where hair is or could be on an aligned face, see the class comment. Row-major, width x height. */
    public static boolean[] hair(double[] five, int width, int height) {
        double d = CelebaPoints.interOcular(five);
        double eyeY = (five[1] + five[3]) / 2;
        double midX = (five[0] + five[2]) / 2;
        double sidesEnd = (five[7] + five[9]) / 2 + 0.5 * d;
        boolean[] region = box(0, 0, width, eyeY - 0.6 * d, width, height);
        boolean[] left = box(0, 0, midX - 1.15 * d, sidesEnd, width, height);
        boolean[] right = box(midX + 1.15 * d, 0, width, sidesEnd, width, height);
        for (int i = 0; i < region.length; i++) {
            region[i] |= left[i] || right[i];
        }
        return region;
    }

    /** Pixels whose centres lie in [x0, x1] x [y0, y1]. */
    static boolean[] box(double x0, double y0, double x1, double y1, int width, int height) {
        boolean[] m = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m[y * width + x] = x >= x0 && x <= x1 && y >= y0 && y <= y1;
            }
        }
        return m;
    }
}
