package dev.resface.data.synth;

import dev.resface.data.CelebaLayout;
import dev.resface.data.FaceAttribute;
import dev.resface.image.MaskDilation;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.function.Function;

/**
 * Draws {@link FaceParams} as a 178x218 aligned face, the mask of the pixels an attribute flip may change and the
 * mask of its hair. All are pure functions of the parameters.
 */
public final class FaceRenderer {
    public static final int WIDTH = CelebaLayout.IMAGE_WIDTH;
    public static final int HEIGHT = CelebaLayout.IMAGE_HEIGHT;
    /** How far the mask reaches past the changed elements' antialiased footprint. */
    static final int MASK_DILATION = 1;

    private FaceRenderer() {}

    /** The face as an RGB image (TYPE_INT_RGB). */
    public static BufferedImage render(FaceParams p) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(Canvas.paint(g), p);
        } finally {
            g.dispose();
        }
        PixelEffects.apply(image, p.look());
        return image;
    }

    /**
     * The pixels that differ between {@code p} and {@code p.flip(attribute)} may only lie where this is true: the
     * footprint, in both faces, of everything drawn that depends on the attribute, grown by one pixel. Row-major,
     * WIDTH x HEIGHT.
     */
    public static boolean[] maskBits(FaceParams p, FaceAttribute attribute) {
        return MaskDilation.dilate(drawn(g -> Canvas.mask(g, attribute), p, p.flip(attribute)), WIDTH, HEIGHT, MASK_DILATION);
    }

    /** {@link #maskBits} as an 8-bit grey image: 255 may change, 0 must not. */
    public static BufferedImage mask(FaceParams p, FaceAttribute attribute) {
        return grey(maskBits(p, attribute));
    }

    /**
     * Where the hair of this face is or could be: where hair shows in any hairstyle the face can be drawn with
     * (either gender's, long or short), grown by one pixel like {@link #maskBits}, so that an edit that changes the
     * hair's length or style changes pixels inside only; less the No_Beard mask, so that a correct beard edit changes
     * nothing inside. Row-major, WIDTH x HEIGHT.
     */
    public static boolean[] hairBits(FaceParams p) {
        boolean[] hair = new boolean[WIDTH * HEIGHT];
        for (boolean male : new boolean[] {false, true}) {
            for (boolean longHair : new boolean[] {false, true}) {
                boolean[] drawn = drawn(Canvas::hairMask, p.with(FaceAttribute.MALE, male).withLongHair(longHair));
                for (int i = 0; i < hair.length; i++) {
                    hair[i] |= drawn[i];
                }
            }
        }
        hair = MaskDilation.dilate(hair, WIDTH, HEIGHT, MASK_DILATION);
        boolean[] beard = maskBits(p, FaceAttribute.NO_BEARD);
        for (int i = 0; i < hair.length; i++) {
            hair[i] &= !beard[i];
        }
        return hair;
    }

    /** {@link #hairBits} as an 8-bit grey image: 255 hair. */
    public static BufferedImage hairMask(FaceParams p) {
        return grey(hairBits(p));
    }

    /**
     * The five CelebA landmarks in image pixels after the pose jitter: left eye (on the image's left) x, y, right eye
     * x, y, nose tip x, y, left mouth corner x, y, right mouth corner x, y.
     */
    public static double[] landmarks(FaceParams p) {
        return HeadGeometry.landmarks(p);
    }

    private static void draw(Canvas c, FaceParams p) {
        Tones t = Tones.of(p);
        HeadPainter.background(c, p.look());
        c.transform(HeadGeometry.pose(p.look()));
        HeadPainter.body(c, p, t);
        FeaturePainter.cheeks(c, p, t);
        HeadPainter.wrinkles(c, p, t);
        HeadPainter.beard(c, p, t);
        FeaturePainter.nose(c, p, t);
        FeaturePainter.eyes(c, p, t);
        FeaturePainter.eyebrows(c, p, t);
        FeaturePainter.mouth(c, p, t);
        HeadPainter.hairCap(c, p, t);
        GlassesPainter.draw(c, p);
    }

    /** The pixels left non-black by drawing the faces, one over the other, in a mask mode. */
    private static boolean[] drawn(Function<Graphics2D, Canvas> mode, FaceParams... faces) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (FaceParams face : faces) {
                Graphics2D pass = (Graphics2D) g.create();
                draw(mode.apply(pass), face);
                pass.dispose();
            }
        } finally {
            g.dispose();
        }
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        boolean[] hit = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            hit[i] = (px[i] & 0xFFFFFF) != 0;
        }
        return hit;
    }

    private static BufferedImage grey(boolean[] bits) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < bits.length; i++) {
            px[i] = bits[i] ? (byte) 255 : 0;
        }
        return image;
    }
}
