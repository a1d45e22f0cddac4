package dev.resface.cli;

import dev.resface.image.ImageFiles;
import dev.resface.BadInputException;
import dev.resface.data.CelebaLayout;
import dev.resface.data.SourceImages;
import dev.resface.image.RgbImage;
import dev.resface.landmarks.Box;
import dev.resface.landmarks.ShapePredictor;
import dev.resface.photo.OutputNames;
import dev.resface.util.PrettyJson;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "landmarks", mixinStandardHelpOptions = true,
        description = "dlib's 68 face landmarks (pure-Java port of its shape predictor): JSON on stdout and an overlay PNG.")
final class LandmarksCommand implements Callable<Integer> {
    /** On aligned CelebA images: the box that stood in for dlib's face detector (shared notes), in 178x218 pixels. */
    static final Box CELEBA_BOX = new Box(25 + 31, 45 + 47, 63, 63);

    @Option(names = "--image", required = true, description = "the photo")
    Path image;

    @Option(names = "--box", description = "face box x,y,w,h in pixels (default on aligned 178x218 CelebA images: 56,92,63,63)")
    String box;

    @Mixin
    PredictorOption predictor;

    @Option(names = "--overlay", description = "overlay PNG to write (default: IMAGE name + _landmarks.png beside it)")
    Path overlay;

    @Override
    public Integer call() throws Exception {
        RgbImage photo;
        try {
            photo = SourceImages.readAny(image);
        } catch (SourceImages.BadImageException e) {
            throw BadInputException.at(image, e.getMessage());
        }
        Box face = box != null ? parseBox(box) : defaultBox(photo);
        int[] points = ShapePredictor.load(predictor.file).predictPoints(photo, face);
        List<int[]> xy = new ArrayList<>();
        for (int i = 0; i < points.length / 2; i++) {
            xy.add(new int[] {points[2 * i], points[2 * i + 1]});
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", image.toString());
        json.put("box", new int[] {face.left(), face.top(), face.width(), face.height()});
        json.put("points", xy);
        System.out.println(PrettyJson.of(json));
        Path target = overlay != null ? overlay
                : image.resolveSibling(OutputNames.stem(image) + "_landmarks.png");
        ImageFiles.writePng(target, RgbImage.from(draw(photo, face, xy)));
        System.err.println("overlay: " + target);
        return 0;
    }

    private Box defaultBox(RgbImage photo) {
        if (photo.width() == CelebaLayout.IMAGE_WIDTH && photo.height() == CelebaLayout.IMAGE_HEIGHT) {
            return CELEBA_BOX;
        }
        throw BadInputException.at(image, "is " + photo.width() + "x" + photo.height()
                + ", not an aligned CelebA image: give the face with --box x,y,w,h");
    }

    private static Box parseBox(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 4) {
                return new Box(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--box '" + text + "': " + e.getMessage());
        }
        throw new BadInputException("--box '" + text + "': expected four integers x,y,w,h");
    }

    private static BufferedImage draw(RgbImage photo, Box box, List<int[]> points) {
        BufferedImage out = photo.toBufferedImage();
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int r = Math.max(1, box.width() / 60);
        g.setStroke(new BasicStroke(Math.max(1, r / 2f)));
        g.setColor(new Color(80, 160, 255));
        g.drawRect(box.left(), box.top(), box.width() - 1, box.height() - 1);
        g.setColor(new Color(40, 230, 70));
        for (int[] p : points) {
            g.fillOval(p[0] - r, p[1] - r, 2 * r + 1, 2 * r + 1);
        }
        g.dispose();
        return out;
    }
}
