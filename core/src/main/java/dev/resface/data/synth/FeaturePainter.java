package dev.resface.data.synth;

import static dev.resface.data.FaceAttribute.MALE;
import static dev.resface.data.FaceAttribute.MOUTH_SLIGHTLY_OPEN;
import static dev.resface.data.FaceAttribute.SMILING;
import static dev.resface.data.FaceAttribute.YOUNG;
import static dev.resface.data.synth.HeadGeometry.CX;
import static dev.resface.data.synth.HeadGeometry.EYE_Y;

import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.HeadGeometry.Mouth;
import java.awt.Color;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** Draws eyes, eyebrows, nose, mouth and the raised cheeks of a smile. */
final class FeaturePainter {
    private static final int SAMPLES = 24;
    private static final FaceAttribute[] MOUTH_DEPS = {MOUTH_SLIGHTLY_OPEN, SMILING, MALE, YOUNG};

    private FeaturePainter() {}

    static void cheeks(Canvas c, FaceParams p, Tones t) {
        if (!p.smiling()) {
            return;
        }
        Mouth m = Mouth.of(p);
        Color fold = Rgb.color(Rgb.scale(t.skin(), 0.66), 0.6);
        for (int side = -1; side <= 1; side += 2) {
            float cx = (float) (CX + side * 25);
            c.fill(new Ellipse2D.Double(cx - 12, 128, 24, 18),
                    new RadialGradientPaint(cx, 136f, 12f, new float[] {0f, 1f},
                            new Color[] {Rgb.color(Rgb.mix(t.skin(), 0xFFFFFF, 0.25), 0.45),
                                Rgb.color(t.skin(), 0)}),
                    SMILING, YOUNG);
            double corner = side < 0 ? m.left() : m.right();
            c.stroke(Shapes.open(CX + side * 11, 134, CX + side * 19, 142, corner + side * 3.5, m.cornerY() + 4),
                    1.6, fold, SMILING, YOUNG);
        }
    }

    static void nose(Canvas c, FaceParams p, Tones t) {
        double w = p.look().noseWidth();
        double y = HeadGeometry.NOSE_Y;
        Color shadow = Rgb.color(Rgb.scale(t.skin(), 0.78), 0.55);
        c.stroke(Shapes.open(CX - 5, 114, CX - 6, 124, CX - 6.5, 131), 2.4, Rgb.color(Rgb.scale(t.skin(), 0.85), 0.4),
                YOUNG);
        c.fill(new Ellipse2D.Double(CX - 4, y - 6, 8, 6), Rgb.color(Rgb.mix(t.skin(), 0xFFFFFF, 0.4), 0.35), YOUNG);
        for (int side = -1; side <= 1; side += 2) {
            c.fill(new Ellipse2D.Double(CX + side * w * 0.26 - 2.4, y + 0.3, 4.8, 2.8),
                    Rgb.color(Rgb.scale(t.skin(), 0.4), 0.8), YOUNG);
            c.stroke(Shapes.open(CX + side * w * 0.45, y - 4, CX + side * (w * 0.5 + 1), y + 0.5,
                    CX + side * w * 0.22, y + 3.2), 1.3, shadow, YOUNG);
        }
    }

    static void eyes(Canvas c, FaceParams p, Tones t) {
        Appearance a = p.look();
        double h = a.eyeHeight() * (p.smiling() ? 0.78 : 1);
        double w = a.eyeWidth();
        Color lid = new Color(38, 26, 24);
        Color crease = Rgb.color(Rgb.scale(t.skin(), 0.7), 0.55);
        for (double ex : new double[] {HeadGeometry.LEFT_EYE_X, HeadGeometry.RIGHT_EYE_X}) {
            Path2D upper = Shapes.open(ex - w / 2, EYE_Y, ex, EYE_Y - 1.1 * h, ex + w / 2, EYE_Y);
            Path2D.Double almond = new Path2D.Double();
            almond.moveTo(ex - w / 2, EYE_Y);
            almond.quadTo(ex, EYE_Y - 1.1 * h, ex + w / 2, EYE_Y);
            almond.quadTo(ex, EYE_Y + (p.smiling() ? 0.6 : 0.85) * h, ex - w / 2, EYE_Y);
            almond.closePath();
            Area white = new Area(almond);
            c.fill(white, new Color(238, 234, 228), SMILING, YOUNG);
            double r = 0.42 * a.eyeHeight() + 1;
            c.fillWithin(new Ellipse2D.Double(ex - r, EYE_Y - 1 - r, 2 * r, 2 * r), white, Rgb.color(a.iris()),
                    SMILING, YOUNG);
            double pr = r * 0.45;
            c.fillWithin(new Ellipse2D.Double(ex - pr, EYE_Y - 1 - pr, 2 * pr, 2 * pr), white, new Color(12, 10, 10),
                    SMILING, YOUNG);
            c.fillWithin(new Ellipse2D.Double(ex + 1, EYE_Y - 3.5, 1.8, 1.8), white, new Color(255, 255, 255, 220),
                    SMILING, YOUNG);
            c.stroke(upper, p.male() ? 1.5 : 2.2, lid, SMILING, MALE, YOUNG);
            c.stroke(Shapes.open(ex - w / 2 + 2, EYE_Y - 1.2 * h - 1, ex, EYE_Y - 1.5 * h - 1, ex + w / 2 - 1,
                    EYE_Y - 1.2 * h - 1), 1.0, crease, SMILING, YOUNG);
        }
    }

    static void eyebrows(Canvas c, FaceParams p, Tones t) {
        Appearance a = p.look();
        double thick = a.browThickness() * (p.male() ? 1.7 : 1);
        double arch = a.browArch() + (p.male() ? 0 : 1.5);
        Color color = Rgb.color(t.brow(), 0.92);
        for (int side = -1; side <= 1; side += 2) {
            double ex = side < 0 ? HeadGeometry.LEFT_EYE_X : HeadGeometry.RIGHT_EYE_X;
            double inner = ex - side * 10;
            double outer = ex + side * 11.5;
            Shape brow = Shapes.open(inner, 99.5, ex + side * 4, 96.5 - arch, outer, 100);
            c.stroke(brow, thick, color, MALE, YOUNG);
        }
    }

    static void mouth(Canvas c, FaceParams p, Tones t) {
        Mouth m = Mouth.of(p);
        Color lip = Rgb.color(t.lip());
        Color lowerLip = Rgb.color(Rgb.mix(t.lip(), 0xFFFFFF, 0.08));
        c.fill(band(m, true, false), lip, MOUTH_DEPS);
        c.fill(band(m, false, true), lowerLip, MOUTH_DEPS);
        if (m.opening() > 0) {
            Shape hole = band(m, false, false);
            c.fill(hole, new Color(58, 20, 26), MOUTH_DEPS);
            double teeth = Math.min(3.2, m.opening() * 0.55);
            Path2D.Double upperTeeth = new Path2D.Double();
            double from = CX - 0.72 * m.halfWidth();
            double to = CX + 0.72 * m.halfWidth();
            for (int i = 0; i <= SAMPLES; i++) {
                double x = from + (to - from) * i / SAMPLES;
                double y = m.upperInner(x) - 1;
                if (i == 0) {
                    upperTeeth.moveTo(x, y);
                } else {
                    upperTeeth.lineTo(x, y);
                }
            }
            for (int i = SAMPLES; i >= 0; i--) {
                double x = from + (to - from) * i / SAMPLES;
                upperTeeth.lineTo(x, m.upperInner(x) + teeth * Math.sqrt(m.bulge(x)));
            }
            upperTeeth.closePath();
            c.fillWithin(upperTeeth, hole, new Color(236, 232, 222), MOUTH_DEPS);
        }
        c.stroke(line(m, true), 1.1, Rgb.color(Rgb.scale(t.lip(), 0.45), 0.85), MOUTH_DEPS);
        if (p.smiling()) {
            Color dimple = Rgb.color(Rgb.scale(t.skin(), 0.6), 0.6);
            c.stroke(Shapes.open(m.left() - 1, m.cornerY() - 2, m.left() - 2.5, m.cornerY() + 0.5, m.left() - 1,
                    m.cornerY() + 2.5), 1.1, dimple, MOUTH_DEPS);
            c.stroke(Shapes.open(m.right() + 1, m.cornerY() - 2, m.right() + 2.5, m.cornerY() + 0.5, m.right() + 1,
                    m.cornerY() + 2.5), 1.1, dimple, MOUTH_DEPS);
        }
    }

    /** A region between two of the mouth's lines: upper lip, lower lip, or (neither) the opening. */
    private static Shape band(Mouth m, boolean upperLip, boolean lowerLip) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i <= SAMPLES; i++) {
            double x = m.left() + (m.right() - m.left()) * i / SAMPLES;
            double y = upperLip ? m.upperOuter(x) : lowerLip ? m.lowerInner(x) : m.upperInner(x);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        for (int i = SAMPLES; i >= 0; i--) {
            double x = m.left() + (m.right() - m.left()) * i / SAMPLES;
            path.lineTo(x, upperLip ? m.upperInner(x) : lowerLip ? m.lowerOuter(x) : m.lowerInner(x));
        }
        path.closePath();
        return path;
    }

    private static Shape line(Mouth m, boolean upper) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i <= SAMPLES; i++) {
            double x = m.left() + (m.right() - m.left()) * i / SAMPLES;
            double y = upper ? m.upperInner(x) : m.lowerInner(x);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }
}
