package dev.resface.data.synth;

import java.awt.geom.Path2D;

/** Smooth outlines through points (Catmull-Rom splines turned into cubic Beziers). */
final class Shapes {
    private Shapes() {}

    /** A closed smooth curve through the points, given as x0, y0, x1, y1, ... */
    static Path2D closed(double... xy) {
        int n = xy.length / 2;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 0; i < n; i++) {
            int p0 = (i - 1 + n) % n;
            int p1 = i;
            int p2 = (i + 1) % n;
            int p3 = (i + 2) % n;
            segment(path, xy, p0, p1, p2, p3);
        }
        path.closePath();
        return path;
    }

    /** An open smooth curve through the points. */
    static Path2D open(double... xy) {
        int n = xy.length / 2;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 0; i < n - 1; i++) {
            segment(path, xy, Math.max(0, i - 1), i, i + 1, Math.min(n - 1, i + 2));
        }
        return path;
    }

    private static void segment(Path2D.Double path, double[] xy, int p0, int p1, int p2, int p3) {
        path.curveTo(
                xy[2 * p1] + (xy[2 * p2] - xy[2 * p0]) / 6, xy[2 * p1 + 1] + (xy[2 * p2 + 1] - xy[2 * p0 + 1]) / 6,
                xy[2 * p2] - (xy[2 * p3] - xy[2 * p1]) / 6, xy[2 * p2 + 1] - (xy[2 * p3 + 1] - xy[2 * p1 + 1]) / 6,
                xy[2 * p2], xy[2 * p2 + 1]);
    }

    /** A polyline; closed if asked. */
    static Path2D poly(boolean close, double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        if (close) {
            path.closePath();
        }
        return path;
    }
}
