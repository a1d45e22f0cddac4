package dev.resface.data.synth;

import dev.resface.data.FaceAttribute;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Not a check: draws a contact sheet for a person to look at. Run with SYNTH_SHEET=/tmp/synth_sheet.png. */
@EnabledIfEnvironmentVariable(named = "SYNTH_SHEET", matches = ".+")
class ContactSheetTest {
    @Test
    void drawSheet() throws Exception {
        int cols = 8;
        int w = FaceRenderer.WIDTH;
        int h = FaceRenderer.HEIGHT;
        int label = 16;
        int rows = 2 + 4;
        BufferedImage sheet = new BufferedImage(cols * w, rows * (h + label), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        SplittableRandom rng = new SplittableRandom(Long.getLong("synth.seed", 7));
        FaceParams[] faces = new FaceParams[16];
        for (int i = 0; i < 16; i++) {
            faces[i] = FaceParams.sample(rng);
            put(g, FaceRenderer.render(faces[i]), i % cols, i / cols, describe(faces[i]), w, h, label);
        }
        for (int r = 0; r < 4; r++) {
            FaceParams p = faces[r * 3 + 1];
            put(g, FaceRenderer.render(p), 0, 2 + r, "original", w, h, label);
            int c = 1;
            for (FaceAttribute a : FaceAttribute.values()) {
                put(g, FaceRenderer.render(p.flip(a)), c++, 2 + r, (p.has(a) ? "-" : "+") + a.celebaName(), w, h,
                        label);
            }
            FaceAttribute shown = new FaceAttribute[] {
                FaceAttribute.EYEGLASSES, FaceAttribute.SMILING, FaceAttribute.MALE, FaceAttribute.YOUNG}[r];
            put(g, FaceRenderer.mask(p, shown), 7, 2 + r, "mask " + shown.celebaName(), w, h, label);
        }
        g.dispose();
        ImageIO.write(sheet, "png", Path.of(System.getenv("SYNTH_SHEET")).toFile());
        // a close-up of four faces at 3x, nearest neighbour, to judge the details
        BufferedImage zoom = new BufferedImage(4 * w * 3, h * 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D z = zoom.createGraphics();
        for (int i = 0; i < 4; i++) {
            z.drawImage(FaceRenderer.render(faces[Integer.getInteger("synth.zoom", 0) + i]), i * w * 3, 0, w * 3,
                    h * 3, null);
        }
        z.dispose();
        ImageIO.write(zoom, "png", Path.of(System.getenv("SYNTH_SHEET").replace(".png", "_zoom.png")).toFile());
    }

    private static String describe(FaceParams p) {
        StringBuilder s = new StringBuilder();
        s.append(p.male() ? "M" : "F").append(p.young() ? " young" : " old");
        if (p.eyeglasses()) {
            s.append(" glasses");
        }
        if (p.smiling()) {
            s.append(" smile");
        }
        if (p.mouthSlightlyOpen()) {
            s.append(" open");
        }
        if (!p.noBeard()) {
            s.append(" beard");
        }
        return s.toString();
    }

    private static void put(Graphics2D g, BufferedImage img, int col, int row, String text, int w, int h, int label) {
        int x = col * w;
        int y = row * (h + label);
        g.drawImage(img, x, y + label, null);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 3, y + 12);
    }
}
