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
 * A figure of equal square images in rows and columns, each row named on the left and each column on top, upscaled
 * by nearest neighbour so that one face pixel stays one block. A gap after every {@code groupEvery} columns keeps
 * each face's cells together.
 */
public final class ImageTable {
    private static final int BORDER = 2;
    private static final int GROUP_GAP = 10;
    private static final int LABEL_TOP = 22;
    private static final int LABEL_LEFT = 150;

    private final int size;
    private final int scale;
    private final List<String> columnLabels;
    private final int groupEvery;
    private final List<String> rowLabels = new ArrayList<>();
    private final List<List<RgbImage>> rows = new ArrayList<>();

    /**
     * @param size side of every image
     * @param columnLabels one label per column
     * @param groupEvery columns per group (a gap follows each group)
     */
    public ImageTable(int size, List<String> columnLabels, int groupEvery) {
        if (columnLabels.isEmpty() || groupEvery < 1) {
            throw new IllegalArgumentException("an image table needs columns and groups of at least one");
        }
        this.size = size;
        this.scale = Math.max(1, (SampleGrid.MIN_CELL + size - 1) / size);
        this.columnLabels = List.copyOf(columnLabels);
        this.groupEvery = groupEvery;
    }

    public ImageTable row(String label, List<RgbImage> images) {
        if (images.size() != columnLabels.size()) {
            throw new IllegalArgumentException("row '" + label + "' has " + images.size() + " images for "
                    + columnLabels.size() + " columns");
        }
        for (RgbImage image : images) {
            if (image.width() != size || image.height() != size) {
                throw new IllegalArgumentException("row '" + label + "' has a " + image.width() + "x"
                        + image.height() + " image in a table of " + size + "px");
            }
        }
        rowLabels.add(label);
        rows.add(List.copyOf(images));
        return this;
    }

    private int cell() {
        return size * scale;
    }

    private int left() {
        return LABEL_LEFT;
    }

    int cellX(int col) {
        return left() + BORDER + col * (cell() + BORDER) + (col / groupEvery) * GROUP_GAP;
    }

    int cellY(int row) {
        return LABEL_TOP + BORDER + row * (cell() + BORDER);
    }

    public int width() {
        return cellX(columnLabels.size() - 1) + cell() + BORDER;
    }

    public int height() {
        return cellY(rows.size() - 1) + cell() + BORDER;
    }

    public RgbImage render() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("an image table needs at least one row");
        }
        BufferedImage canvas = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columnLabels.size(); c++) {
                    blit(canvas, rows.get(r).get(c), cellX(c), cellY(r), scale);
                }
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(40, 40, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < rows.size(); r++) {
                String label = rowLabels.get(r);
                int y = cellY(r) + cell() / 2 + (fm.getAscent() - fm.getDescent()) / 2;
                g.drawString(label, Math.max(2, left() - 6 - fm.stringWidth(label)), y);
            }
            for (int c = 0; c < columnLabels.size(); c++) {
                String label = columnLabels.get(c);
                // A long label shrinks (down to 7 pt) rather than run into the next column.
                Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
                while (g.getFontMetrics(font).stringWidth(label) > cell() && font.getSize() > 7) {
                    font = font.deriveFont((float) (font.getSize() - 1));
                }
                g.setFont(font);
                int x = cellX(c) + Math.max(0, (cell() - g.getFontMetrics().stringWidth(label)) / 2);
                g.drawString(label, x, LABEL_TOP - 6);
            }
        } finally {
            g.dispose();
        }
        return RgbImage.from(canvas);
    }

    /** Draws an image at (x0, y0), each pixel a scale x scale block. */
    static void blit(BufferedImage canvas, RgbImage img, int x0, int y0, int scale) {
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int rgb = img.get(x, y, 0) << 16 | img.get(x, y, 1) << 8 | img.get(x, y, 2);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        canvas.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** Renders and writes a PNG atomically. */
    public void save(Path png) throws IOException {
        ImageFiles.writePng(png, render());
    }
}
