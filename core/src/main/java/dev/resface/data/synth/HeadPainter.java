package dev.resface.data.synth;

import static dev.resface.data.FaceAttribute.MALE;
import static dev.resface.data.FaceAttribute.NO_BEARD;
import static dev.resface.data.FaceAttribute.YOUNG;
import static dev.resface.data.synth.HeadGeometry.CX;

import dev.resface.data.FaceAttribute;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** Draws the head: background, hair, neck, clothes, ears, skin, wrinkles and beard. */
final class HeadPainter {
    private HeadPainter() {}

    /** The background gradient, in image coordinates (no pose). */
    static void background(Canvas c, Appearance a) {
        double dx = a.backgroundTilt() * 109;
        c.fill(new Rectangle2D.Double(0, 0, 178, 218),
                new GradientPaint((float) (89 - dx), 0, Rgb.color(a.backgroundTop()),
                        (float) (89 + dx), 218, Rgb.color(a.backgroundBottom())));
    }

    static void body(Canvas c, FaceParams p, Tones t) {
        Appearance a = p.look();
        if (p.longHair()) {
            Shape back = HeadGeometry.hairBack(p);
            c.hair(() -> {
                c.fill(back, Rgb.color(Rgb.scale(t.hair(), 0.82)), MALE, YOUNG);
                strands(c, back, t.hair(), a.detailSeed() ^ 0x5A17L, 18, MALE, YOUNG);
            });
        }
        Shape neck = HeadGeometry.neck(a, p.male());
        c.fill(neck, Rgb.color(Rgb.scale(t.skin(), 0.86)), MALE, YOUNG);
        Shape face = HeadGeometry.face(a, p.male());
        c.fillWithin(new Ellipse2D.Double(CX - 40, a.chinY() - 16, 80, 32), neck, new Color(0, 0, 0, 60), MALE);
        Shape clothes = HeadGeometry.clothes();
        c.fill(clothes, new GradientPaint(0, 190, Rgb.color(a.clothes()), 0, 218,
                Rgb.color(Rgb.scale(a.clothes(), 0.7))));
        if (!p.longHair()) {
            for (boolean left : new boolean[] {true, false}) {
                Shape ear = HeadGeometry.ear(a, left);
                c.fill(ear, Rgb.color(Rgb.scale(t.skin(), 0.93)), MALE, YOUNG);
                Ellipse2D inner = (Ellipse2D) ear;
                c.fill(new Ellipse2D.Double(inner.getX() + 3, inner.getY() + 5, 6, 15),
                        Rgb.color(Rgb.scale(t.skin(), 0.72), 0.6), MALE, YOUNG);
            }
        }
        c.fill(face, Rgb.color(t.skin()), MALE, YOUNG);
        // soft light across the face
        double lx = Math.cos(a.lightAngle());
        double ly = Math.sin(a.lightAngle());
        c.fill(face, new GradientPaint((float) (CX + 50 * lx), (float) (120 + 50 * ly), new Color(0, 0, 0, 0),
                (float) (CX - 50 * lx), (float) (120 - 50 * ly), new Color(0, 0, 0, 70)), MALE);
    }

    static void wrinkles(Canvas c, FaceParams p, Tones t) {
        if (p.young()) {
            return;
        }
        Appearance a = p.look();
        Color line = Rgb.color(Rgb.scale(t.skin(), 0.62), 0.65);
        for (int i = 0; i < 3; i++) {
            double y = a.hairlineY() + 9 + 6 * i;
            if (y < 96) {
                c.stroke(Shapes.open(CX - 17, y + 1.5, CX, y - 1, CX + 17, y + 1.5), 1.1, line, YOUNG);
            }
        }
        for (int side = -1; side <= 1; side += 2) {
            double ex = side < 0 ? HeadGeometry.LEFT_EYE_X : HeadGeometry.RIGHT_EYE_X;
            double outer = ex + side * (a.eyeWidth() / 2 + 2.5);
            for (int k = -1; k <= 1; k++) {
                c.stroke(Shapes.poly(false, outer, 111 + 2 * k, outer + side * 5, 111 + 3.5 * k), 1.0, line, YOUNG);
            }
            c.stroke(Shapes.open(ex - 7, 117.5, ex, 120, ex + 7, 117.5), 1.1, line, YOUNG);
            c.stroke(Shapes.open(CX + side * 10, 135, CX + side * 17, 145, CX + side * 20, 157), 1.4, line, YOUNG);
            c.stroke(Shapes.open(CX + side * 18, 162, CX + side * 17, 170), 1.1, line, YOUNG);
        }
    }

    static void beard(Canvas c, FaceParams p, Tones t) {
        if (p.noBeard()) {
            return;
        }
        Appearance a = p.look();
        Area zone = HeadGeometry.beardZone(a, p.male());
        int color = t.beard();
        long seed = a.detailSeed() ^ 0xBEA2DL;
        switch (a.beard()) {
            case STUBBLE -> {
                c.fill(zone, Rgb.color(color, 0.3), NO_BEARD, MALE, YOUNG);
                Color dot = Rgb.color(Rgb.scale(color, 0.8), 0.55);
                c.clipped(zone, () -> c.fill(dots(zone, seed, 420), dot, NO_BEARD, MALE, YOUNG));
            }
            case FULL -> {
                c.fill(zone, Rgb.color(color, 0.93), NO_BEARD, MALE, YOUNG);
                strands(c, zone, color, seed, 40, NO_BEARD, MALE, YOUNG);
            }
            case GOATEE -> {
                Area hair = HeadGeometry.goatee(a, p.male());
                hair.add(new Area(HeadGeometry.moustache()));
                c.fill(hair, Rgb.color(color, 0.92), NO_BEARD, MALE, YOUNG);
                strands(c, hair, color, seed, 12, NO_BEARD, MALE, YOUNG);
            }
            case MOUSTACHE -> {
                c.fill(zone, Rgb.color(color, 0.16), NO_BEARD, MALE, YOUNG);
                c.fill(HeadGeometry.moustache(), Rgb.color(color, 0.94), NO_BEARD, MALE, YOUNG);
            }
        }
    }

    static void hairCap(Canvas c, FaceParams p, Tones t) {
        Area cap = HeadGeometry.hairCap(p);
        c.hair(() -> {
            c.fill(cap, Rgb.color(t.hair()), MALE, YOUNG);
            strands(c, cap, t.hair(), p.look().detailSeed() ^ 0xCA9L, 22, MALE, YOUNG);
        });
    }

    /** Thin darker and lighter curves inside a region, a hint of hair texture. */
    private static void strands(Canvas c, Shape region, int color, long seed, int count,
            FaceAttribute... deps) {
        SplittableRandom rng = new SplittableRandom(seed);
        var box = region.getBounds2D();
        Path2D dark = new Path2D.Double();
        Path2D light = new Path2D.Double();
        for (int i = 0; i < count; i++) {
            double x = box.getX() + rng.nextDouble() * box.getWidth();
            double y = box.getY() + rng.nextDouble() * box.getHeight();
            double len = 8 + 14 * rng.nextDouble();
            double angle = Math.PI / 2 + (x - CX) / 90 + (rng.nextDouble() - 0.5) * 0.6;
            double bend = (rng.nextDouble() - 0.5) * 6;
            Path2D target = i % 3 == 0 ? light : dark;
            target.append(Shapes.open(x, y,
                    x + Math.cos(angle) * len / 2 + bend, y + Math.sin(angle) * len / 2,
                    x + Math.cos(angle) * len, y + Math.sin(angle) * len), false);
        }
        c.clipped(region, () -> {
            c.stroke(dark, 1.1, Rgb.color(Rgb.scale(color, 0.6), 0.55), deps);
            c.stroke(light, 0.9, Rgb.color(Rgb.mix(color, 0xFFFFFF, 0.35), 0.35), deps);
        });
    }

    private static Shape dots(Shape region, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        var box = region.getBounds2D();
        Path2D all = new Path2D.Double();
        for (int i = 0; i < count; i++) {
            double x = box.getX() + rng.nextDouble() * box.getWidth();
            double y = box.getY() + rng.nextDouble() * box.getHeight();
            all.append(new Ellipse2D.Double(x, y, 1.1, 1.1), false);
        }
        return all;
    }
}
