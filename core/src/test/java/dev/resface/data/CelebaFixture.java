package dev.resface.data;

import dev.resface.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes small CelebA-layout folders for tests. */
final class CelebaFixture {
    private CelebaFixture() {}

    static String name(int i) {
        return String.format("%06d.jpg", i + 1);
    }

    /** A 178x218 image with smooth colour ramps plus noise from {@code seed} (JPEG-friendly but distinct). */
    static RgbImage pattern(long seed) {
        Random r = new Random(seed);
        RgbImage img = RgbImage.blank(CelebaLayout.IMAGE_WIDTH, CelebaLayout.IMAGE_HEIGHT);
        int a = r.nextInt(100);
        int b = r.nextInt(100);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                img.set(x, y, 0, (x + a) % 256);
                img.set(x, y, 1, (y + b) % 256);
                img.set(x, y, 2, r.nextInt(256));
            }
        }
        return img;
    }

    static void writeJpeg(Path file, RgbImage image) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image.toBufferedImage(), "jpg", file.toFile())) {
            throw new IOException("no JPEG writer");
        }
    }

    /**
     * A dataset of n images: attribute header "Smiling Male Eyeglasses" (not CelebA's order), Smiling = i % 2 == 1,
     * Male = i % 3 == 0, Eyeglasses = i % 4 == 0; partition by i % 5: 0,1,2 -> train, 3 -> validation, 4 -> test.
     */
    static Path writeDataset(Path root, int n, boolean images, boolean landmarks) throws IOException {
        Files.createDirectories(root.resolve(CelebaLayout.IMAGES));
        List<String> attr = new ArrayList<>();
        attr.add(String.valueOf(n));
        attr.add("Smiling Male Eyeglasses");
        List<String> part = new ArrayList<>();
        List<String> lm = new ArrayList<>();
        lm.add(String.valueOf(n));
        lm.add(String.join(" ", CelebaLayout.LANDMARK_NAMES));
        for (int i = 0; i < n; i++) {
            attr.add(name(i) + "  " + pm(i % 2 == 1) + " " + pm(i % 3 == 0) + "  " + pm(i % 4 == 0));
            int p = i % 5 <= 2 ? 0 : i % 5 == 3 ? 1 : 2;
            part.add(name(i) + " " + p);
            lm.add(name(i) + "  " + (60 + i) + " 110 105 111 85 130 70 150 100 151");
            if (images) {
                writeJpeg(root.resolve(CelebaLayout.IMAGES).resolve(name(i)), pattern(i));
            }
        }
        Files.write(root.resolve(CelebaLayout.ATTRIBUTES), attr);
        Files.write(root.resolve(CelebaLayout.PARTITION), part);
        if (landmarks) {
            Files.write(root.resolve(CelebaLayout.LANDMARKS), lm);
        }
        return root;
    }

    private static String pm(boolean b) {
        return b ? " 1" : "-1";
    }
}
