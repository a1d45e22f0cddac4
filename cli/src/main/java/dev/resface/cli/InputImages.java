package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.SourceImages;
import dev.resface.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The user's images: one file or every JPEG/PNG in a folder, all checked before anything is written. */
final class InputImages {
    private InputImages() {}

    /** Every image, decoded: face crops, small enough to hold together. */
    static Map<Path, RgbImage> read(Path input) throws IOException {
        Map<Path, RgbImage> images = new LinkedHashMap<>();
        check(files(input), input, f -> images.put(f, SourceImages.readAny(f)));
        return images;
    }

    /**
     * Every photo's file, each decoded once to check it (and its size against {@code maxPixels}) and then dropped:
     * a folder of large photos is edited one at a time, never held in memory together.
     */
    static List<Path> photos(Path input, long maxPixels) throws IOException {
        List<Path> files = files(input);
        check(files, input, f -> SourceImages.readPhoto(f, maxPixels));
        return files;
    }

    private interface Decoder {
        void decode(Path file) throws SourceImages.BadImageException;
    }

    private static void check(List<Path> files, Path input, Decoder decoder) {
        List<String> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                decoder.decode(f);
            } catch (SourceImages.BadImageException e) {
                bad.add(f.getFileName() + " (" + e.getMessage() + ")");
            }
        }
        if (!bad.isEmpty()) {
            throw BadInputException.at(input, bad.size() + " unreadable image(s), nothing written: " + String.join(", ", bad));
        }
    }

    private static List<Path> files(Path input) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                        .sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw BadInputException.at(input, "no .jpg or .png images in this folder");
            }
        } else if (Files.exists(input)) {
            files.add(input);
        } else {
            throw BadInputException.at(input, "no such file or folder");
        }
        return files;
    }
}
