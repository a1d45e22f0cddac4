package dev.resface.data.synth;

import static dev.resface.data.FaceAttribute.EYEGLASSES;
import static dev.resface.data.synth.HeadGeometry.CX;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Draws eyeglasses: two lenses (clear or tinted), their frames, a bridge and temple arms toward the ears. */
final class GlassesPainter {
    static final double LENS_Y = HeadGeometry.EYE_Y + 1;

    private GlassesPainter() {}

    static void draw(Canvas c, FaceParams p) {
        if (!p.eyeglasses()) {
            return;
        }
        Appearance a = p.look();
        GlassesStyle s = a.glasses();
        Color frame = Rgb.color(a.frameColor());
        Shape left = lens(s, HeadGeometry.LEFT_EYE_X);
        Shape right = lens(s, HeadGeometry.RIGHT_EYE_X);
        for (Shape lens : new Shape[] {left, right}) {
            if (s.tinted) {
                c.fill(lens, new Color(22, 22, 28, 228), EYEGLASSES);
            } else {
                c.fill(lens, new Color(205, 222, 236, 40), EYEGLASSES);
            }
            var box = lens.getBounds2D();
            Path2D glint = Shapes.poly(true,
                    box.getX() + 0.55 * box.getWidth(), box.getY(),
                    box.getX() + 0.75 * box.getWidth(), box.getY(),
                    box.getX() + 0.35 * box.getWidth(), box.getMaxY(),
                    box.getX() + 0.15 * box.getWidth(), box.getMaxY());
            c.fillWithin(glint, lens, new Color(255, 255, 255, s.tinted ? 40 : 55), EYEGLASSES);
            c.stroke(lens, s.frameWidth, frame, EYEGLASSES);
        }
        double half = s.lensWidth / 2;
        double arm = Math.max(2.5, s.frameWidth * 0.8);
        double top = LENS_Y - s.lensHeight / 2;
        c.stroke(Shapes.open(HeadGeometry.LEFT_EYE_X + half - 0.5, top + 5,
                CX, top + 2.5, HeadGeometry.RIGHT_EYE_X - half + 0.5, top + 5), arm, frame, EYEGLASSES);
        double w = a.faceHalfWidth();
        c.stroke(Shapes.poly(false, HeadGeometry.LEFT_EYE_X - half + 1, top + 4, CX - w - 1, top + 3), arm, frame,
                EYEGLASSES);
        c.stroke(Shapes.poly(false, HeadGeometry.RIGHT_EYE_X + half - 1, top + 4, CX + w + 1, top + 3), arm, frame,
                EYEGLASSES);
    }

    private static Shape lens(GlassesStyle s, double x) {
        double w = s.lensWidth;
        double h = s.lensHeight;
        if (s == GlassesStyle.ROUND) {
            return new Ellipse2D.Double(x - w / 2, LENS_Y - h / 2, w, h);
        }
        return new RoundRectangle2D.Double(x - w / 2, LENS_Y - h / 2, w, h, 2 * s.cornerRadius, 2 * s.cornerRadius);
    }
}
