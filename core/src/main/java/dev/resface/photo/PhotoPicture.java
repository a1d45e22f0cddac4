package dev.resface.photo;

import dev.resface.image.RgbImage;
import dev.resface.report.ImageConversions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** The side-by-side picture of a photo edit: input, edited, and the change as a heat map with the face boxes. */
public final class PhotoPicture {
    /** Panels are scaled down to this height, so a 4000px photo gives a picture one can look at. */
    public static final int MAX_PANEL_HEIGHT = 480;
    private static final int GAP = 8;

    private PhotoPicture() {}

    public static BufferedImage sideBySide(RgbImage input, RgbImage edited, List<PhotoFace> faces) {
        double scale = panelScale(input);
        int w = panelSize(input.width(), scale);
        int h = panelSize(input.height(), scale);
        BufferedImage out = new BufferedImage(3 * w + 2 * GAP, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), h);
            smooth(g);
            g.drawImage(input.toBufferedImage(), 0, 0, w, h, null);
            g.drawImage(edited.toBufferedImage(), w + GAP, 0, w, h, null);
            g.drawImage(changePanel(input, edited, faces), 2 * (w + GAP), 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The third panel of {@link #sideBySide} alone, at the same size: the change heat map with the face boxes. */
    public static BufferedImage changePanel(RgbImage input, RgbImage edited, List<PhotoFace> faces) {
        double scale = panelScale(input);
        int w = panelSize(input.width(), scale);
        int h = panelSize(input.height(), scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            smooth(g);
            g.drawImage(change(input, edited).toBufferedImage(), 0, 0, w, h, null);
            g.setColor(new Color(0x33, 0xDD, 0x55));
            g.setStroke(new BasicStroke(2f));
            for (PhotoFace f : faces) {
                var d = f.detection();
                g.drawRect((int) Math.round(d.x() * scale), (int) Math.round(d.y() * scale),
                        (int) Math.round(d.width() * scale), (int) Math.round(d.height() * scale));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static double panelScale(RgbImage input) {
        return Math.min(1.0, (double) MAX_PANEL_HEIGHT / input.height());
    }

    private static int panelSize(int side, double scale) {
        return (int) Math.max(1, Math.round(side * scale));
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** edited - input as a heat map scaled to its own largest change; per pixel, never a whole-photo CHW array. */
    static RgbImage change(RgbImage input, RgbImage edited) {
        int plane = input.width() * input.height();
        float[] magnitude = new float[plane];
        byte[] a = input.pixels();
        byte[] b = edited.pixels();
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                magnitude[i] += Math.abs(((b[3 * i + c] & 0xFF) - (a[3 * i + c] & 0xFF)) / 127.5f);
            }
        }
        return ImageConversions.magnitudeHeatMap(magnitude, input.width(), input.height());
    }
}
