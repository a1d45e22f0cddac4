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

/** The user's photos: one file or every JPEG/PNG in a folder, all decoded before anything is written. */
final class InputImages {
    private InputImages() {}

    static Map<Path, RgbImage> read(Path input) throws IOException {
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
        Map<Path, RgbImage> images = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                images.put(f, SourceImages.readAny(f));
            } catch (SourceImages.BadImageException e) {
                bad.add(f.getFileName() + " (" + e.getMessage() + ")");
            }
        }
        if (!bad.isEmpty()) {
            throw BadInputException.at(input, bad.size() + " unreadable image(s), nothing written: " + String.join(", ", bad));
        }
        return images;
    }
}
