package dev.resface.photo;

import dev.resface.BadInputException;
import dev.resface.image.ImageFiles;
import dev.resface.image.RgbImage;
import dev.resface.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files of one edited photo: {@code STEM_edited.png} (or {@code .jpg}), {@code STEM_side.png} (input, edited,
 * change with face boxes) and {@code STEM_faces.json}. PNG by default, so that the pixels outside the faces stay
 * bit-identical on disk too; each file is written atomically.
 */
public final class PhotoOutputs {
    /** JPEG quality when JPEG is asked for. */
    public static final float JPEG_QUALITY = 0.95f;

    public enum Format {
        PNG, JPEG;

        public String extension() {
            return this == PNG ? "png" : "jpg";
        }

        public static Format parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "png" -> PNG;
                case "jpg", "jpeg" -> JPEG;
                default -> throw new BadInputException("--format must be png or jpeg, got '" + text + "'");
            };
        }
    }

    private PhotoOutputs() {}

    /** The edited photo encoded as {@code format}. */
    public static byte[] encode(RgbImage image, Format format) throws IOException {
        return format == Format.PNG ? ImageFiles.png(image.toBufferedImage())
                : ImageFiles.jpeg(image.toBufferedImage(), JPEG_QUALITY);
    }

    /**
     * @param about what the JSON says besides the faces (the photo's name, the runs, direction, strength)
     */
    public static void write(Path folder, String stem, PhotoPipeline.Outcome outcome, Format format,
            Map<String, Object> about) throws IOException {
        AtomicFiles.writeBytes(folder.resolve(OutputNames.editedPhoto(stem, format)), encode(outcome.edited(), format));
        AtomicFiles.writeBytes(folder.resolve(stem + "_side.png"), ImageFiles.png(
                PhotoPicture.sideBySide(outcome.input(), outcome.edited(), outcome.faces())));
        Map<String, Object> json = new LinkedHashMap<>(about);
        json.put("width", outcome.input().width());
        json.put("height", outcome.input().height());
        json.put("faces", FacesJson.faces(outcome.faces()));
        AtomicFiles.writeString(folder.resolve(stem + "_faces.json"), FacesJson.write(json) + "\n");
    }
}
