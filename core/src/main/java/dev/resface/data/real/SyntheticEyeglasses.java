package dev.resface.data.real;

import dev.resface.image.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Eyeglasses drawn onto a face from its 68 landmarks: lenses centred on the eye centres and sized by the eye corners,
 * a bridge at the top of the nose (point 27), temple arms out to the face contour (points 0 and 16), all turned with
 * the line through the eyes. The same shapes drawn in white give the mask of every pixel the glasses touch.
 */
public final class SyntheticEyeglasses {
    /** Shapes and materials; sizes are relative to the inter-ocular distance d. */
    public enum Style {
        ROUND_METAL(0.74, 0.90, 0.05, new Color(176, 150, 96), 0.030, 0.10),
        RECTANGULAR_BLACK(0.80, 0.66, 0.12, new Color(18, 18, 20), 0.045, 0.08),
        SUNGLASSES(0.84, 0.80, 0.30, new Color(40, 40, 44), 0.035, 0.72),
        BROWLINE(0.80, 0.70, 0.18, new Color(60, 36, 24), 0.028, 0.06);

        final double lensWidth;
        final double aspect;
        final double corner;
        final Color frame;
        final double frameWidth;
        final double tint;

        Style(double lensWidth, double aspect, double corner, Color frame, double frameWidth, double tint) {
            this.lensWidth = lensWidth;
            this.aspect = aspect;
            this.corner = corner;
            this.frame = frame;
            this.frameWidth = frameWidth;
            this.tint = tint;
        }
    }

    /** The face with glasses and the mask (255 where the glasses changed or may have changed a pixel). */
    public record Drawn(RgbImage image, RgbImage mask) {}

    private SyntheticEyeglasses() {}

    public static Drawn draw(RgbImage face, double[] points68, Style style) {
        BufferedImage image = face.toBufferedImage();
        BufferedImage mask = new BufferedImage(face.width(), face.height(), BufferedImage.TYPE_INT_RGB);
        Geometry g = new Geometry(points68, style);
        paint(image.createGraphics(), g, style, false);
        paint(mask.createGraphics(), g, style, true);
        return new Drawn(RgbImage.from(image), RgbImage.from(mask));
    }

    /** The glasses in a frame centred between the eyes, x along the eye line, in pixels. */
    private static final class Geometry {
        final double cx;
        final double cy;
        final double angle;
        final double d;
        final double lensW;
        final double lensH;
        final double lensY;
        final double bridgeY;
        final double leftTemple;
        final double rightTemple;

        Geometry(double[] p, Style s) {
            double lx = mean(p, 36, 42, 0);
            double ly = mean(p, 36, 42, 1);
            double rx = mean(p, 42, 48, 0);
            double ry = mean(p, 42, 48, 1);
            cx = (lx + rx) / 2;
            cy = (ly + ry) / 2;
            angle = Math.atan2(ry - ly, rx - lx);
            d = Math.hypot(rx - lx, ry - ly);
            lensW = s.lensWidth * d;
            lensH = lensW * s.aspect;
            lensY = 0.04 * d;
            bridgeY = Math.min(local(p, 27)[1], lensY - 0.2 * lensH);
            leftTemple = local(p, 0)[0];
            rightTemple = local(p, 16)[0];
        }

        private double[] local(double[] p, int i) {
            double x = p[2 * i] - cx;
            double y = p[2 * i + 1] - cy;
            double c = Math.cos(-angle);
            double sn = Math.sin(-angle);
            return new double[] {c * x - sn * y, sn * x + c * y};
        }
    }

    private static void paint(Graphics2D gr, Geometry g, Style s, boolean mask) {
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        gr.translate(g.cx, g.cy);
        gr.rotate(g.angle);
        float frame = (float) Math.max(0.5, s.frameWidth * g.d);
        // the mask covers the antialiased fringe too
        float width = mask ? frame + 1 : frame;
        Shape[] lenses = {lens(g, s, -g.d / 2), lens(g, s, g.d / 2)};
        for (Shape lens : lenses) {
            gr.setColor(mask ? Color.WHITE : tint(s));
            gr.fill(lens);
            if (!mask && s.tint < 0.5) {
                Rectangle2D b = lens.getBounds2D();
                gr.setClip(lens);
                gr.setColor(new Color(255, 255, 255, 46));
                gr.fill(parallelogram(b.getX() + 0.55 * b.getWidth(), b.getY(), 0.2 * b.getWidth(), b.getHeight()));
                gr.setClip(null);
            }
            gr.setColor(mask ? Color.WHITE : s.frame);
            gr.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            gr.draw(lens);
            if (s == Style.BROWLINE) {
                Rectangle2D b = lens.getBounds2D();
                gr.setStroke(new BasicStroke(mask ? 2.5f * frame + 1 : 2.5f * frame, BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                gr.draw(new Line2D.Double(b.getX() + frame, b.getY() + frame, b.getMaxX() - frame, b.getY() + frame));
            }
        }
        double inner = g.d / 2 - g.lensW / 2;
        double outer = g.d / 2 + g.lensW / 2;
        double armY = g.lensY - 0.3 * g.lensH;
        gr.setColor(mask ? Color.WHITE : s.frame);
        gr.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D bridge = new Path2D.Double();
        bridge.moveTo(-inner, armY);
        bridge.quadTo(0, g.bridgeY, inner, armY);
        gr.draw(bridge);
        gr.draw(new Line2D.Double(-outer, armY, Math.min(-outer, g.leftTemple), armY - 0.03 * g.d));
        gr.draw(new Line2D.Double(outer, armY, Math.max(outer, g.rightTemple), armY - 0.03 * g.d));
        gr.dispose();
    }

    private static Shape lens(Geometry g, Style s, double x) {
        double left = x - g.lensW / 2;
        double top = g.lensY - g.lensH / 2;
        if (s == Style.ROUND_METAL) {
            return new Ellipse2D.Double(left, top, g.lensW, g.lensH);
        }
        double r = 2 * s.corner * g.lensW;
        return new RoundRectangle2D.Double(left, top, g.lensW, g.lensH, r, r);
    }

    private static Color tint(Style s) {
        return new Color(24, 26, 32, (int) Math.round(255 * s.tint));
    }

    private static Shape parallelogram(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        p.moveTo(x + 0.3 * h, y);
        p.lineTo(x + 0.3 * h + w, y);
        p.lineTo(x + w - 0.3 * h, y + h);
        p.lineTo(x - 0.3 * h, y + h);
        p.closePath();
        return p;
    }

    private static double mean(double[] p, int from, int to, int axis) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += p[2 * i + axis];
        }
        return sum / (to - from);
    }

}
