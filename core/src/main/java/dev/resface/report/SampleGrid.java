package dev.resface.report;

import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's sample figure: three rows (input x, edited clip(x + r), residual heat map) and one column per example,
 * the primal examples (G0, "add") first, then the dual examples (G1, "remove").
 *
 * <p>Geometry, all in output pixels, with {@code c = size * scale}, {@code B = border} (default 2, white),
 * {@code n = primal + dual} and {@code G = groupGap} (default 10, only when both groups are non-empty):
 * <pre>
 *   width  = left + B + n * (c + B) + G        left = labels ? LABEL_LEFT : 0
 *   height = top  + B + 3 * (c + B)            top  = labels ? LABEL_TOP  : 0
 *   cell (row, col) top-left = (left + B + col * (c + B) + (col >= primal ? G : 0), top + B + row * (c + B))
 * </pre>
 * Upscaling is nearest neighbour. The default scale is the smallest integer making cells at least 96 px
 * ({@code ceil(96 / size)}, at least 1). The heat maps of the whole grid share one scale: by default the largest
 * per-pixel residual magnitude (sum of |r| over channels) over every residual in the grid; set
 * {@link #heatScale(double)} to a constant to compare grids from different iterations.
 */
public final class SampleGrid {
    /** One example: an input image and the generator's residual, both CHW float, inputs in [-1, 1]. */
    public record Example(float[] input, float[] residual) {}

    public static final int LABEL_LEFT = 72;
    public static final int LABEL_TOP = 22;
    public static final int MIN_CELL = 96;

    private final int size;
    private final List<Example> primal;
    private final List<Example> dual;
    private int scale;
    private int border = 2;
    private int groupGap = 10;
    private double heatScale = Double.NaN;
    private boolean labels = true;
    private String primalLabel = "add";
    private String dualLabel = "remove";

    public SampleGrid(int size, List<Example> primal, List<Example> dual) {
        if (size <= 0) {
            throw new IllegalArgumentException("image size must be > 0, got " + size);
        }
        if (primal.isEmpty() && dual.isEmpty()) {
            throw new IllegalArgumentException("a sample grid needs at least one example");
        }
        for (List<Example> group : List.of(primal, dual)) {
            for (Example e : group) {
                ImageConversions.checkLength(e.input(), size, size, "input");
                ImageConversions.checkLength(e.residual(), size, size, "residual");
            }
        }
        this.size = size;
        this.primal = List.copyOf(primal);
        this.dual = List.copyOf(dual);
        this.scale = Math.max(1, (MIN_CELL + size - 1) / size);
    }

    /** Nearest-neighbour upscaling factor (>= 1). */
    public SampleGrid scale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        this.scale = scale;
        return this;
    }

    /** White border between (and around) cells, in output pixels (>= 0). */
    public SampleGrid border(int border) {
        if (border < 0) {
            throw new IllegalArgumentException("border must be >= 0, got " + border);
        }
        this.border = border;
        return this;
    }

    /** Extra space between the primal and dual groups, in output pixels (>= 0). */
    public SampleGrid groupGap(int gap) {
        if (gap < 0) {
            throw new IllegalArgumentException("group gap must be >= 0, got " + gap);
        }
        this.groupGap = gap;
        return this;
    }

    /** Fixed heat-map scale (magnitude drawn as the brightest colour); NaN restores the default (grid max). */
    public SampleGrid heatScale(double heatScale) {
        if (!Double.isNaN(heatScale) && (!(heatScale > 0) || Double.isInfinite(heatScale))) {
            throw new IllegalArgumentException("heat scale must be finite and > 0, got " + heatScale);
        }
        this.heatScale = heatScale;
        return this;
    }

    /** Whether to draw the row labels and group labels (changes the geometry: see the class comment). */
    public SampleGrid labels(boolean labels) {
        this.labels = labels;
        return this;
    }

    /** Group captions, e.g. "add glasses" / "remove glasses". */
    public SampleGrid groupLabels(String primalLabel, String dualLabel) {
        this.primalLabel = primalLabel;
        this.dualLabel = dualLabel;
        return this;
    }

    public int cellSize() {
        return size * scale;
    }

    private int left() {
        return labels ? LABEL_LEFT : 0;
    }

    private int top() {
        return labels ? LABEL_TOP : 0;
    }

    private int gap() {
        return primal.isEmpty() || dual.isEmpty() ? 0 : groupGap;
    }

    public int width() {
        return left() + border + (primal.size() + dual.size()) * (cellSize() + border) + gap();
    }

    public int height() {
        return top() + border + 3 * (cellSize() + border);
    }

    /** x of the left edge of column {@code col} (0-based over primal then dual examples). */
    public int cellX(int col) {
        return left() + border + col * (cellSize() + border) + (col >= primal.size() ? gap() : 0);
    }

    /** y of the top edge of row {@code row} (0 input, 1 edited, 2 residual). */
    public int cellY(int row) {
        return top() + border + row * (cellSize() + border);
    }

    /** The heat-map scale actually used: the fixed one, or the max residual magnitude over the grid (1 if all zero). */
    public double effectiveHeatScale() {
        if (!Double.isNaN(heatScale)) {
            return heatScale;
        }
        float max = 0f;
        for (Example e : examples()) {
            max = Math.max(max, ImageConversions.maxMagnitude(e.residual(), size, size));
        }
        return max > 0 ? max : 1.0;
    }

    private List<Example> examples() {
        List<Example> all = new ArrayList<>(primal);
        all.addAll(dual);
        return all;
    }

    public RgbImage render() {
        BufferedImage canvas = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            double hs = effectiveHeatScale();
            List<Example> all = examples();
            for (int col = 0; col < all.size(); col++) {
                Example e = all.get(col);
                RgbImage[] rows = {
                    ImageConversions.toRgb(e.input(), size),
                    ImageConversions.toRgb(ImageConversions.addClipped(e.input(), e.residual()), size),
                    ImageConversions.heatMap(e.residual(), size, size, hs)
                };
                for (int row = 0; row < 3; row++) {
                    ImageTable.blit(canvas, rows[row], cellX(col), cellY(row), scale);
                }
            }
            if (gap() >= 3) {
                // thin grey rule in the middle of the gap separating the two groups
                int x = cellX(primal.size()) - border - (gap() + 1) / 2;
                g.setColor(new Color(170, 170, 170));
                g.fillRect(x, top(), 1, height() - top());
            }
            if (labels) {
                drawLabels(g);
            }
        } finally {
            g.dispose();
        }
        return RgbImage.from(canvas);
    }

    private void drawLabels(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        FontMetrics fm = g.getFontMetrics();
        String[] rowNames = {"input", "edited", "residual"};
        for (int row = 0; row < 3; row++) {
            int y = cellY(row) + cellSize() / 2 + (fm.getAscent() - fm.getDescent()) / 2;
            int x = Math.max(2, LABEL_LEFT - 6 - fm.stringWidth(rowNames[row]));
            g.drawString(rowNames[row], x, y);
        }
        int baseline = LABEL_TOP - 6;
        if (!primal.isEmpty()) {
            centre(g, fm, primalLabel, cellX(0), cellX(primal.size() - 1) + cellSize(), baseline);
        }
        if (!dual.isEmpty()) {
            int first = primal.size();
            int last = first + dual.size() - 1;
            centre(g, fm, dualLabel, cellX(first), cellX(last) + cellSize(), baseline);
        }
    }

    /** Centres text over [x0, x1], shrinking the font (down to 8 pt) when it is wider than the span. */
    private static void centre(Graphics2D g, FontMetrics fm, String text, int x0, int x1, int baseline) {
        Font original = g.getFont();
        Font font = original;
        while (g.getFontMetrics(font).stringWidth(text) > x1 - x0 && font.getSize() > 8) {
            font = font.deriveFont((float) (font.getSize() - 1));
        }
        g.setFont(font);
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, Math.max(x0, (x0 + x1 - w) / 2), baseline);
        g.setFont(original);
    }

    /** Renders and writes a PNG atomically (a crash leaves the old file or the complete new one). */
    public void save(Path png) throws IOException {
        ImageFiles.writePng(png, render());
    }

}
