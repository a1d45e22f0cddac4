package dev.resface.web;

import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The photos a visitor can edit without uploading one: face-api's demo photos ({@code demo/sample1.jpg} to
 * {@code sample6.jpg}, group photos of 3-5 faces), read once at startup and served from memory.
 */
public final class SamplePhotos {
    private static final int COUNT = 6;

    /** @param jpeg the file as it is on disk */
    public record Sample(String id, String name, byte[] jpeg) {}

    private final List<Sample> samples;

    private SamplePhotos(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** @param faceApiPackage the installed {@code @vladmandic/face-api} */
    public static SamplePhotos load(Path faceApiPackage) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= COUNT; i++) {
            Path file = faceApiPackage.resolve("demo/sample" + i + ".jpg");
            try {
                samples.add(new Sample("sample" + i, "face-api demo photo " + i, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw BadInputException.at(file, "cannot read (" + e.getMessage()
                        + "): install @vladmandic/face-api with ./setup.sh");
            }
        }
        return new SamplePhotos(samples);
    }

    public List<Sample> all() {
        return samples;
    }

    public Optional<Sample> find(String id) {
        return samples.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
