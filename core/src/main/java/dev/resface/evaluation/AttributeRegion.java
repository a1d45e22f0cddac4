package dev.resface.evaluation;

import dev.resface.data.FaceAttribute;
import dev.resface.data.Landmarks;
import dev.resface.data.CropRecipe;
import dev.resface.data.real.CelebaTemplate;
import dev.resface.landmarks.CelebaPoints;
import dev.resface.model.ImageRegion;
import java.util.Arrays;

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
        double[] b = bounds(attribute, five, width, height);
        return box(b[0], b[1], b[2], b[3], width, height);
    }

    /**
     * The attribute's box on CelebA's mean face ({@link CelebaTemplate}) in this crop, grown by {@link #BAND_MARGIN} of
     * the side each way for faces that sit a little off it, as a fraction of the crop: where the region D looks.
     */
    public static ImageRegion band(FaceAttribute attribute, CropRecipe recipe) {
        int side = recipe.side();
        double[] five = new Landmarks(Arrays.stream(CelebaTemplate.POINTS).mapToInt(v -> (int) v).toArray())
                .inCrop(recipe, side);
        double[] b = bounds(attribute, five, side, side);
        return new ImageRegion(Math.max(0, b[0] / side - BAND_MARGIN), Math.max(0, b[1] / side - BAND_MARGIN),
                Math.min(1, (b[2] + 1) / side + BAND_MARGIN), Math.min(1, (b[3] + 1) / side + BAND_MARGIN));
    }

    /** How far the region D's box reaches beyond the attribute's box on the mean face, as a fraction of the side. */
    static final double BAND_MARGIN = 0.05;

    /** {x0, y0, x1, y1}, the pixel centres the attribute's box takes in. */
    private static double[] bounds(FaceAttribute attribute, double[] five, int width, int height) {
        double d = CelebaPoints.interOcular(five);
        double eyeY = (five[1] + five[3]) / 2;
        double mouthY = (five[7] + five[9]) / 2;
        return switch (attribute) {
            case EYEGLASSES -> new double[] {five[0] - 0.75 * d, eyeY - 0.45 * d, five[2] + 0.75 * d, eyeY + 0.45 * d};
            case MOUTH_SLIGHTLY_OPEN, SMILING -> new double[] {five[6] - 0.35 * d, mouthY - 0.4 * d, five[8] + 0.35 * d,
                    mouthY + 0.5 * d};
            case NO_BEARD -> new double[] {five[6] - 0.8 * d, five[5], five[8] + 0.8 * d, height};
            case MALE, YOUNG -> new double[] {0, 0, width, height};
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
