package dev.resface.data.synth;

import dev.resface.data.FaceAttribute;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Transparency;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;

/**
 * Where the face drawing goes. Every element is drawn with the attributes it depends on. In paint mode it is drawn
 * with its paint; in mask mode for attribute A only the elements that depend on A are drawn, in white, with the very
 * same geometry, stroke and antialiasing, so the mask's footprint covers every pixel that flipping A can change. In
 * hair mask mode the hair ({@link #hair}) is drawn in white and every opaque element in black, so what stays
 * non-black is where hair shows.
 */
final class Canvas {
    private final Graphics2D g;
    private final FaceAttribute maskFor;
    private final boolean hairMask;
    private boolean inHair;

    private Canvas(Graphics2D g, FaceAttribute maskFor, boolean hairMask) {
        this.g = g;
        this.maskFor = maskFor;
        this.hairMask = hairMask;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    }

    static Canvas paint(Graphics2D g) {
        return new Canvas(g, null, false);
    }

    static Canvas mask(Graphics2D g, FaceAttribute attribute) {
        return new Canvas(g, attribute, false);
    }

    static Canvas hairMask(Graphics2D g) {
        return new Canvas(g, null, true);
    }

    /** Draws hair: only hair mask mode tells it from the other elements. */
    void hair(Runnable draw) {
        boolean outer = inHair;
        inHair = true;
        try {
            draw.run();
        } finally {
            inHair = outer;
        }
    }

    void transform(AffineTransform t) {
        g.transform(t);
    }

    void fill(Shape shape, Paint paint, FaceAttribute... dependsOn) {
        if (use(paint, dependsOn)) {
            g.fill(shape);
        }
    }

    /** A stroke with round caps and joins. */
    void stroke(Shape shape, double width, Paint paint, FaceAttribute... dependsOn) {
        if (use(paint, dependsOn)) {
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
    }

    /** A fill of shape cut to clip (an exact, antialiased intersection, not a hard clip). */
    void fillWithin(Shape shape, Shape clip, Paint paint, FaceAttribute... dependsOn) {
        if (wanted(dependsOn)) {
            Area area = new Area(shape);
            area.intersect(clip instanceof Area a ? a : new Area(clip));
            fill(area, paint, dependsOn);
        }
    }

    /**
     * Draws inside a hard (not antialiased) clip: cheaper than {@link #fillWithin} for many small marks. The clip is
     * applied identically when painting and when masking, so footprints still match.
     */
    void clipped(Shape clip, Runnable draw) {
        Shape saved = g.getClip();
        g.clip(clip);
        try {
            draw.run();
        } finally {
            g.setClip(saved);
        }
    }

    private boolean use(Paint paint, FaceAttribute[] dependsOn) {
        if (!wanted(dependsOn)) {
            return false;
        }
        if (hairMask) {
            // a translucent element does not hide the hair; drawn opaque, it would also hide the hair seen through
            // the edges of the opaque element it shades (the face's light)
            if (!inHair && paint.getTransparency() != Transparency.OPAQUE) {
                return false;
            }
            g.setPaint(inHair ? Color.WHITE : Color.BLACK);
        } else {
            g.setPaint(maskFor == null ? paint : Color.WHITE);
        }
        return true;
    }

    private boolean wanted(FaceAttribute[] dependsOn) {
        if (maskFor == null) {
            return true;
        }
        for (FaceAttribute a : dependsOn) {
            if (a == maskFor) {
                return true;
            }
        }
        return false;
    }
}
