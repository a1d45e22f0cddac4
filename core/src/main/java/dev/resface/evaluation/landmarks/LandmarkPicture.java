package dev.resface.evaluation.landmarks;

import dev.resface.evaluation.landmarks.LandmarkProtocol.Face;
import dev.resface.image.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A few faces as the paper shows them: D0 with its detected points in green, D1 in red, D1m in yellow; the ground
 * truth as small white crosses. Faces are drawn enlarged so the points can be told apart.
 */
public final class LandmarkPicture {
    private static final Color D0 = new Color(40, 220, 60);
    private static final Color D1 = new Color(235, 40, 40);
    private static final Color D1M = new Color(250, 220, 30);
    private static final int LABEL = 48;
    private static final int GAP = 4;

    private record Panel(RgbImage image, double[] points, double[] truth, Color color) {}

    private final List<List<Panel>> rows = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /** Picks the first {@code perRow} faces of each set. */
    public static LandmarkPicture of(LandmarkProtocol protocol, LandmarkProtocol.Result result, int perRow) {
        LandmarkPicture p = new LandmarkPicture();
        List<Face> d0 = result.d0().subList(0, Math.min(perRow, result.d0().size()));
        List<Face> d1 = result.d1().subList(0, Math.min(perRow, result.d1().size()));
        p.add("D0", d0.stream().map(f -> new Panel(protocol.crop(f.index()), f.original().points(), f.truth(), D0))
                .toList());
        p.add("D1", d1.stream().map(f -> new Panel(protocol.crop(f.index()), f.original().points(), f.truth(), D1))
                .toList());
        if (result.hasEdits()) {
            p.add("D1m", d1.stream()
                    .map(f -> new Panel(protocol.edited(f.index()), f.edited().points(), f.truth(), D1M)).toList());
        }
        return p;
    }

    private void add(String label, List<Panel> panels) {
        labels.add(label);
        rows.add(panels);
    }

    public RgbImage render() {
        int side = rows.get(0).isEmpty() ? 64 : rows.get(0).get(0).image().width();
        int zoom = Math.max(1, 256 / side);
        int cell = side * zoom;
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        int width = LABEL + columns * (cell + GAP);
        int height = rows.size() * (cell + GAP) + GAP;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(30, 30, 30));
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        for (int r = 0; r < rows.size(); r++) {
            int y0 = GAP + r * (cell + GAP);
            g.setColor(Color.WHITE);
            g.drawString(labels.get(r), 6, y0 + cell / 2);
            for (int c = 0; c < rows.get(r).size(); c++) {
                int x0 = LABEL + c * (cell + GAP);
                Panel p = rows.get(r).get(c);
                g.drawImage(p.image().toBufferedImage(), x0, y0, cell, cell, null);
                // pixel centre u of the face lands at x0 + (u + 0.5) * zoom on the canvas
                g.setStroke(new BasicStroke(1.5f));
                g.setColor(Color.WHITE);
                for (int i = 0; i < p.truth().length; i += 2) {
                    double x = x0 + (p.truth()[i] + 0.5) * zoom;
                    double y = y0 + (p.truth()[i + 1] + 0.5) * zoom;
                    g.drawLine((int) x - 4, (int) y, (int) x + 4, (int) y);
                    g.drawLine((int) x, (int) y - 4, (int) x, (int) y + 4);
                }
                g.setColor(p.color());
                for (int i = 0; i < p.points().length; i += 2) {
                    double x = x0 + (p.points()[i] + 0.5) * zoom;
                    double y = y0 + (p.points()[i + 1] + 0.5) * zoom;
                    g.fillOval((int) Math.round(x) - 3, (int) Math.round(y) - 3, 7, 7);
                }
            }
        }
        g.dispose();
        return RgbImage.from(canvas);
    }
}
