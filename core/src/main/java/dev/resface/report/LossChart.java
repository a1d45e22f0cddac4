package dev.resface.report;

import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Line charts of training curves. A chart is one or more {@link Panel}s laid out in a grid (columns =
 * ceil(sqrt(panels))), each with its own axes, ticks and legend, one colour per series. With smoothing {@code w > 1}
 * each series is drawn faintly as recorded and boldly as a trailing moving average over its last {@code w} points.
 * Non-finite values (NaN, infinities) are skipped and break the line.
 */
public final class LossChart {
    /** One recorded value. */
    public record Point(long iteration, double value) {}

    /** A named curve; points are drawn in iteration order. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = points.stream().sorted((a, b) -> Long.compare(a.iteration(), b.iteration())).toList();
        }
    }

    /** One set of axes. */
    public record Panel(String title, List<Series> series) {
        public Panel {
            series = List.copyOf(series);
        }
    }

    /** Tableau-10 colours. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)
    };

    private static final Color GRID = new Color(230, 230, 230);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private final int width;
    private final int height;
    private int smoothing = 1;
    private String title;

    public LossChart(int width, int height) {
        if (width < 100 || height < 80) {
            throw new IllegalArgumentException("chart must be at least 100x80, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /** Trailing moving-average window in points (1 = no smoothing). */
    public LossChart smoothing(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("smoothing window must be >= 1, got " + window);
        }
        this.smoothing = window;
        return this;
    }

    /** Optional title drawn above all panels. */
    public LossChart title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Groups series into panels by name: {@code loss_X} and {@code loss_X_anything} go to panel "X" (so loss_D,
     * loss_G0_gan and loss_G0_l1 give panels "D" and "G0"); names not starting with {@code loss_} go to "other".
     * Panels keep the order in which their first series appears.
     */
    public static List<Panel> panelsByPrefix(Map<String, List<Point>> series) {
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            String name = e.getKey();
            String group = "other";
            if (name.startsWith("loss_") && name.length() > 5) {
                String rest = name.substring(5);
                int us = rest.indexOf('_');
                group = us > 0 ? rest.substring(0, us) : rest;
            }
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Series(name, e.getValue()));
        }
        List<Panel> panels = new ArrayList<>();
        groups.forEach((k, v) -> panels.add(new Panel(k, v)));
        return panels;
    }

    /**
     * Groups series into panels by the name before its last underscore, so success_add and success_remove share
     * panel "success". Panels keep the order in which their first series appears.
     */
    public static List<Panel> panelsByStem(Map<String, List<Point>> series) {
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        series.forEach((name, points) -> {
            int us = name.lastIndexOf('_');
            groups.computeIfAbsent(us > 0 ? name.substring(0, us) : name, k -> new ArrayList<>())
                    .add(new Series(name, points));
        });
        List<Panel> panels = new ArrayList<>();
        groups.forEach((k, v) -> panels.add(new Panel(k, v)));
        return panels;
    }

    /** Trailing moving average over the last {@code window} finite values; non-finite points stay NaN. */
    public static double[] movingAverage(double[] values, int window) {
        double[] out = new double[values.length];
        double sum = 0;
        int count = 0;
        int[] idx = new int[values.length];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = Double.NaN;
                continue;
            }
            idx[tail++] = i;
            sum += v;
            count++;
            if (count > window) {
                sum -= values[idx[head++]];
                count--;
            }
            out[i] = sum / count;
        }
        return out;
    }

    public RgbImage render(List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to chart: no panels");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int top = 0;
            if (title != null && !title.isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(title, (width - fm.stringWidth(title)) / 2, fm.getAscent() + 4);
                top = fm.getHeight() + 8;
            }
            int n = panels.size();
            int cols = (int) Math.ceil(Math.sqrt(n));
            int rows = (n + cols - 1) / cols;
            int pw = width / cols;
            int ph = (height - top) / rows;
            for (int i = 0; i < n; i++) {
                int px = (i % cols) * pw;
                int py = top + (i / cols) * ph;
                drawPanel(g, panels.get(i), px, py, pw, ph);
            }
        } finally {
            g.dispose();
        }
        return RgbImage.from(img);
    }

    /** Renders and writes the PNG atomically. */
    public void save(Path png, List<Panel> panels) throws IOException {
        ImageFiles.writePng(png, render(panels));
    }

    /** The drawing area of a panel and the data range it maps: iteration to x, value to y (pixels). */
    private record Plot(int left, int right, int top, int bottom, long minIt, long maxIt, double minV, double maxV) {
        double x(double iteration) {
            return left + (iteration - minIt) / (double) (maxIt - minIt) * (right - left);
        }

        double y(double value) {
            return bottom - (value - minV) / (maxV - minV) * (bottom - top);
        }
    }

    /** The iterations and values of a panel's finite points; null when it has none. */
    private record Extent(long minIt, long maxIt, double minV, double maxV) {
        static Extent of(Panel panel) {
            long minIt = Long.MAX_VALUE;
            long maxIt = Long.MIN_VALUE;
            double minV = Double.POSITIVE_INFINITY;
            double maxV = Double.NEGATIVE_INFINITY;
            for (Series s : panel.series()) {
                for (Point p : s.points()) {
                    if (Double.isFinite(p.value())) {
                        minIt = Math.min(minIt, p.iteration());
                        maxIt = Math.max(maxIt, p.iteration());
                        minV = Math.min(minV, p.value());
                        maxV = Math.max(maxV, p.value());
                    }
                }
            }
            return minIt > maxIt ? null : new Extent(minIt, maxIt, minV, maxV);
        }

        /** Widened where a range is a single point, so that it can be scaled. */
        Extent drawable() {
            long hiIt = minIt == maxIt ? minIt + 1 : maxIt;
            if (minV != maxV) {
                return new Extent(minIt, hiIt, minV, maxV);
            }
            double pad = minV == 0 ? 1 : Math.abs(minV) * 0.1;
            return new Extent(minIt, hiIt, minV - pad, maxV + pad);
        }
    }

    private void drawPanel(Graphics2D g, Panel panel, int x0, int y0, int w, int h) {
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        Extent found = Extent.of(panel);
        Extent e = (found == null ? new Extent(0, 1, 0, 1) : found).drawable();
        double[] yTicks = niceTicks(e.minV(), e.maxV(), Math.max(2, (h - 60) / 35));
        double[] xTicks = niceTicks(e.minIt(), e.maxIt(), Math.max(2, (w - 80) / 70));
        int yLabelWidth = 0;
        for (double t : yTicks) {
            yLabelWidth = Math.max(yLabelWidth, fm.stringWidth(formatValue(t, yTicks)));
        }
        Plot plot = new Plot(x0 + yLabelWidth + 14, x0 + w - 12, y0 + 24, y0 + h - fm.getHeight() - 16, e.minIt(),
                e.maxIt(), Math.min(e.minV(), yTicks[0]), Math.max(e.maxV(), yTicks[yTicks.length - 1]));
        if (plot.right() - plot.left() < 20 || plot.bottom() - plot.top() < 20) {
            return; // panel too small to draw anything meaningful
        }
        g.setFont(BOLD);
        g.setColor(Color.BLACK);
        g.drawString(panel.title() == null ? "" : panel.title(), plot.left(), y0 + 16);
        g.setFont(SMALL);
        drawAxes(g, fm, plot, xTicks, yTicks);
        if (found == null) {
            g.drawString("no data", (plot.left() + plot.right() - fm.stringWidth("no data")) / 2,
                    (plot.top() + plot.bottom()) / 2);
            return;
        }
        drawCurves(g, panel, plot);
        drawLegend(g, fm, panel, plot);
    }

    private static void drawAxes(Graphics2D g, FontMetrics fm, Plot plot, double[] xTicks, double[] yTicks) {
        for (double t : yTicks) {
            int y = (int) Math.round(plot.y(t));
            g.setColor(GRID);
            g.drawLine(plot.left(), y, plot.right(), y);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(plot.left() - 4, y, plot.left(), y);
            String s = formatValue(t, yTicks);
            g.drawString(s, plot.left() - 6 - fm.stringWidth(s), y + (fm.getAscent() - fm.getDescent()) / 2);
        }
        for (double t : xTicks) {
            if (t < plot.minIt() || t > plot.maxIt()) {
                continue;
            }
            int x = (int) Math.round(plot.x(t));
            g.setColor(GRID);
            g.drawLine(x, plot.top(), x, plot.bottom());
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, plot.bottom(), x, plot.bottom() + 4);
            String s = formatIteration(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, plot.bottom() + 5 + fm.getAscent());
        }
        g.setColor(Color.DARK_GRAY);
        g.drawLine(plot.left(), plot.top(), plot.left(), plot.bottom());
        g.drawLine(plot.left(), plot.bottom(), plot.right(), plot.bottom());
        String xl = "iteration";
        g.drawString(xl, plot.right() - fm.stringWidth(xl), plot.bottom() + 5 + fm.getAscent() + fm.getHeight() - 2);
    }

    /** Each series, clipped to the plot: as recorded, and with smoothing also faint beneath its moving average. */
    private void drawCurves(Graphics2D g, Panel panel, Plot plot) {
        Shape oldClip = g.getClip();
        g.clipRect(plot.left(), plot.top() - 1, plot.right() - plot.left() + 1, plot.bottom() - plot.top() + 2);
        for (int si = 0; si < panel.series().size(); si++) {
            Series s = panel.series().get(si);
            Color c = PALETTE[si % PALETTE.length];
            double[] raw = s.points().stream().mapToDouble(Point::value).toArray();
            if (smoothing > 1) {
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                g.setStroke(new BasicStroke(1f));
                g.draw(path(s, raw, plot));
                g.setColor(c);
                g.setStroke(new BasicStroke(2f));
                g.draw(path(s, movingAverage(raw, smoothing), plot));
            } else {
                g.setColor(c);
                g.setStroke(new BasicStroke(1.6f));
                g.draw(path(s, raw, plot));
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setClip(oldClip);
    }

    /** The series' names and colours, top right inside the plot. */
    private static void drawLegend(Graphics2D g, FontMetrics fm, Panel panel, Plot plot) {
        int lw = 0;
        for (Series s : panel.series()) {
            lw = Math.max(lw, fm.stringWidth(s.name()));
        }
        int boxW = lw + 30;
        int boxH = panel.series().size() * fm.getHeight() + 6;
        int bx = plot.right() - boxW - 4;
        int by = plot.top() + 4;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(bx, by, boxW, boxH);
        g.setColor(new Color(190, 190, 190));
        g.drawRect(bx, by, boxW, boxH);
        for (int si = 0; si < panel.series().size(); si++) {
            int ly = by + 3 + si * fm.getHeight() + fm.getAscent();
            g.setColor(PALETTE[si % PALETTE.length]);
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(bx + 5, ly - fm.getAscent() / 2 + 1, bx + 20, ly - fm.getAscent() / 2 + 1);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawString(panel.series().get(si).name(), bx + 25, ly);
        }
    }

    private static Path2D path(Series s, double[] values, Plot plot) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = plot.x(s.points().get(i).iteration());
            double y = plot.y(v);
            if (pen) {
                p.lineTo(x, y);
            } else {
                p.moveTo(x, y);
                pen = true;
            }
        }
        return p;
    }

    /** Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [min, max] with about {@code target} ticks. */
    static double[] niceTicks(double min, double max, int target) {
        double range = max - min;
        double rough = range / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= rough) {
                step = m * mag;
                break;
            }
        }
        double start = Math.floor(min / step) * step;
        double end = Math.ceil(max / step) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = start + i * step;
            if (Math.abs(ticks[i]) < step * 1e-9) {
                ticks[i] = 0;
            }
        }
        return ticks;
    }

    static String formatValue(double v, double[] ticks) {
        double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(v);
        double maxAbs = Math.max(Math.abs(ticks[0]), Math.abs(ticks[ticks.length - 1]));
        if (maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        if (step < 1 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++; // e.g. 0.25
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String formatIteration(double it) {
        double a = Math.abs(it);
        if (a >= 1_000_000) {
            return trim(it / 1_000_000) + "M";
        }
        if (a >= 1_000) {
            return trim(it / 1_000) + "k";
        }
        return trim(it);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
