package dev.resface.data.synth;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Where the parts of a face are, in CelebA's aligned frame (178x218, eyes at (69,111) and (108,111), nose tip at
 * (88,136), mouth corners at (72,152) and (105,152)) before the pose jitter, which {@link #pose} applies to all.
 */
final class HeadGeometry {
    static final double CX = 88.5;
    static final double EYE_Y = 111;
    static final double LEFT_EYE_X = 69;
    static final double RIGHT_EYE_X = 108;
    static final double NOSE_Y = 136;
    static final double MOUTH_Y = 153;
    static final double SMILE_MOUTH_Y = 149.5;
    static final double SMILE_WIDEN = 3;
    private static final double PIVOT_Y = 125;

    private HeadGeometry() {}

    /** Rotation and scale about the face centre, then a shift: the small pose jitter of an aligned face. */
    static AffineTransform pose(Appearance a) {
        AffineTransform t = new AffineTransform();
        t.translate(CX + a.shiftX(), PIVOT_Y + a.shiftY());
        t.rotate(Math.toRadians(a.rotationDeg()));
        t.scale(a.scale(), a.scale());
        t.translate(-CX, -PIVOT_Y);
        return t;
    }

    /** The five CelebA landmarks after the pose: left eye, right eye, nose, left and right mouth corner (x, y each). */
    static double[] landmarks(FaceParams p) {
        Mouth m = Mouth.of(p);
        double[] pts = {
            LEFT_EYE_X, EYE_Y, RIGHT_EYE_X, EYE_Y, CX, NOSE_Y, m.left(), m.cornerY(), m.right(), m.cornerY()
        };
        pose(p.look()).transform(pts, 0, pts, 0, 5);
        return pts;
    }

    /** The skin outline of the face: rounder with a pointed chin for women, a wider square jaw for men. */
    static Shape face(Appearance a, boolean male) {
        double w = a.faceHalfWidth();
        double top = a.skullTop();
        double chin = a.chinY() + (male ? 2 : 0);
        double jawW = w * (male ? 0.80 + 0.08 * a.jaw() : 0.62 + 0.08 * a.jaw());
        double jawY = male ? 168 : 164;
        double chinHalf = male ? 13 : 7.5;
        double lowerCheek = (w + jawW) / 2 + (male ? 2 : 1);
        return Shapes.closed(
                CX, top,
                CX + 0.72 * w, top + 13,
                CX + 0.95 * w, 88,
                CX + w, 118,
                CX + lowerCheek, 146,
                CX + jawW, jawY,
                CX + chinHalf, chin - 3,
                CX, chin,
                CX - chinHalf, chin - 3,
                CX - jawW, jawY,
                CX - lowerCheek, 146,
                CX - w, 118,
                CX - 0.95 * w, 88,
                CX - 0.72 * w, top + 13);
    }

    static Shape neck(Appearance a, boolean male) {
        double half = male ? 23 : 19;
        return new Rectangle2D.Double(CX - half, 140, 2 * half, 90);
    }

    static Shape ear(Appearance a, boolean left) {
        double x = left ? CX - a.faceHalfWidth() - 1 : CX + a.faceHalfWidth() + 1;
        return new Ellipse2D.Double(x - 6, 110, 12, 26);
    }

    /** Shoulders in the clothes colour, with a round neckline. */
    static Shape clothes() {
        Area body = new Area(new Ellipse2D.Double(CX - 108, 192, 216, 120));
        body.subtract(new Area(new Ellipse2D.Double(CX - 23, 180, 46, 26)));
        return body;
    }

    static double hairVolume(FaceParams p) {
        return p.male() ? 0.6 * p.look().hairVolume() : p.look().hairVolume();
    }

    /** The hair on top of and beside the head, down to the hairline (or the bangs). */
    static Area hairCap(FaceParams p) {
        Appearance a = p.look();
        double w = a.faceHalfWidth();
        double v = hairVolume(p);
        boolean longHair = p.longHair();
        double top = a.skullTop() - v;
        Area cap = new Area(new Ellipse2D.Double(CX - w - v, top, 2 * (w + v), 2 * (106 - top)));
        double sideY = longHair ? 140 : p.male() ? 114 : 108;
        // the sides taper into the face edge at sideY, so short hair ends in sideburns, not a step
        cap.intersect(new Area(Shapes.poly(true, -10, -10, 188, -10, 188, sideY - 28, CX + w - 1, sideY,
                CX - w + 1, sideY, -10, sideY - 28)));
        // the bare forehead and temples: straight sides below rounded upper corners
        Shape forehead;
        if (a.bangs()) {
            double halfW = 0.9 * w;
            forehead = new RoundRectangle2D.Double(CX - halfW, a.hairlineY() + 16, 2 * halfW, 150, 1.2 * halfW, 24);
        } else {
            double halfW = (longHair ? 0.88 : 0.87) * w;
            forehead = new RoundRectangle2D.Double(CX - halfW, a.hairlineY(), 2 * halfW, 150, 1.5 * halfW, 50);
        }
        cap.subtract(new Area(forehead));
        return cap;
    }

    /** Long hair falling behind the head to the shoulders. */
    static Shape hairBack(FaceParams p) {
        Appearance a = p.look();
        double w = a.faceHalfWidth() + hairVolume(p) + 5;
        double top = a.skullTop() - hairVolume(p) + 6;
        return new RoundRectangle2D.Double(CX - w, top, 2 * w, a.hairBottom() - top, 2 * w, 50);
    }

    /** Where a full beard grows: the face below the cheekbones and around the mouth, plus a bit under the chin. */
    static Area beardZone(Appearance a, boolean male) {
        double w = a.faceHalfWidth();
        Area zone = new Area(face(a, male));
        zone.add(new Area(new Ellipse2D.Double(CX - 0.5 * w, a.chinY() - 22, w, 32)));
        zone.intersect(new Area(Shapes.poly(true,
                0, 124, CX - 0.78 * w, 131, CX - 17, 143, CX - 8, 141.5, CX, 142, CX + 8, 141.5, CX + 17, 143,
                CX + 0.78 * w, 131, 178, 124, 178, 218, 0, 218)));
        return zone;
    }

    static Shape moustache() {
        return Shapes.closed(
                CX - 18, 150, CX - 11, 144, CX, 142.8, CX + 11, 144, CX + 18, 150, CX + 10, 147.6, CX, 146.8,
                CX - 10, 147.6);
    }

    static Area goatee(Appearance a, boolean male) {
        Area g = new Area(new Ellipse2D.Double(CX - 11, 158, 22, a.chinY() + (male ? 2 : 0) - 155));
        g.intersect(beardZone(a, male));
        return g;
    }

    /** The mouth's corners and the heights of its lines; smiling widens it and lifts the corners. */
    record Mouth(double left, double right, double cornerY, double sag, double opening, double upperLip,
            double lowerLip) {
        static Mouth of(FaceParams p) {
            Appearance a = p.look();
            double half = a.mouthWidth() / 2 + (p.smiling() ? SMILE_WIDEN : 0);
            double cornerY = p.smiling() ? SMILE_MOUTH_Y : MOUTH_Y;
            double sag = p.smiling() ? 4.5 : 0.8;
            double opening = p.mouthSlightlyOpen() ? (p.smiling() ? 6.5 : 5) : 0;
            double upper = p.smiling() ? a.upperLip() * 0.8 : a.upperLip();
            return new Mouth(CX - half, CX + half, cornerY, sag, opening, upper, a.lowerLip());
        }

        double halfWidth() {
            return (right - left) / 2;
        }

        /** 1 at the centre, 0 at the corners. */
        double bulge(double x) {
            double u = (x - CX) / halfWidth();
            return Math.max(0, 1 - u * u);
        }

        double upperInner(double x) {
            return cornerY + sag * bulge(x);
        }

        double lowerInner(double x) {
            return cornerY + (sag + opening) * bulge(x);
        }

        double upperOuter(double x) {
            double u = (x - CX) / halfWidth();
            return upperInner(x) - upperLip * Math.pow(bulge(x), 0.55) + 1.0 * Math.exp(-u * u / 0.02);
        }

        double lowerOuter(double x) {
            return lowerInner(x) + lowerLip * Math.pow(bulge(x), 0.7);
        }

        static Point2D point(double x, double y) {
            return new Point2D.Double(x, y);
        }
    }
}
