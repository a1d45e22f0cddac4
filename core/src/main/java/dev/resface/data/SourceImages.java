package dev.resface.data;

import dev.resface.image.ExifOrientation;
import dev.resface.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one aligned CelebA image with ImageIO. A missing file, a file ImageIO cannot read or only reads with
 * warnings (e.g. a truncated JPEG), or one that is not 178x218 is a bad image: {@link BadImageException}.
 * Thread-safe (one ImageReader per call, no ImageIO disk cache).
 */
public final class SourceImages {
    private SourceImages() {}

    /** Why one image cannot be used; the message is a short reason without the file name. */
    public static class BadImageException extends Exception {
        public BadImageException(String reason) {
            super(reason);
        }
    }

    /** The header claims more pixels than allowed: a limit the caller set, not damage, so a server can say 413. */
    public static final class TooManyPixelsException extends BadImageException {
        public TooManyPixelsException(String reason) {
            super(reason);
        }
    }

    /** An aligned CelebA image: exactly 178x218. */
    public static RgbImage read(Path file) throws BadImageException {
        RgbImage image = readAny(file);
        if (image.width() != CelebaLayout.IMAGE_WIDTH || image.height() != CelebaLayout.IMAGE_HEIGHT) {
            throw new BadImageException("is " + image.width() + "x" + image.height() + ", expected "
                    + CelebaLayout.IMAGE_WIDTH + "x" + CelebaLayout.IMAGE_HEIGHT);
        }
        return image;
    }

    /** Any decodable image, as 8-bit RGB. */
    public static RgbImage readAny(Path file) throws BadImageException {
        return RgbImage.from(decode(bytes(file), Long.MAX_VALUE));
    }

    /** A photo from anywhere, turned upright by its EXIF orientation; see {@link #decodePhoto}. */
    public static RgbImage readPhoto(Path file, long maxPixels) throws BadImageException {
        return decodePhoto(bytes(file), maxPixels);
    }

    /**
     * A photo's pixels as it is meant to be seen (EXIF orientation applied). Its size is read from the header and
     * checked against {@code maxPixels} before any pixel is decoded, so a small file that claims a huge image (a
     * decompression bomb) costs nothing.
     */
    public static RgbImage decodePhoto(byte[] bytes, long maxPixels) throws BadImageException {
        return ExifOrientation.apply(RgbImage.from(decode(bytes, maxPixels)), ExifOrientation.read(bytes));
    }

    private static byte[] bytes(Path file) throws BadImageException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadImageException("file not found");
        } catch (IOException e) {
            throw new BadImageException(Files.isDirectory(file) ? "is a folder" : "cannot read: " + e.getMessage());
        }
    }

    private static BufferedImage decode(byte[] bytes, long maxPixels) throws BadImageException {
        if (bytes.length == 0) {
            throw new BadImageException("empty file");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadImageException("not a readable image");
            }
            ImageReader reader = readers.next();
            String[] warning = new String[1];
            try {
                reader.addIIOReadWarningListener((source, message) -> {
                    if (warning[0] == null) {
                        warning[0] = message;
                    }
                });
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new TooManyPixelsException("is " + reader.getWidth(0) + "x" + reader.getHeight(0) + " = "
                            + pixels + " pixels, more than the limit of " + maxPixels);
                }
                BufferedImage image = reader.read(0);
                if (warning[0] != null) {
                    throw new BadImageException("damaged image (" + warning[0] + ")");
                }
                if (image == null) {
                    throw new BadImageException("not a readable image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data as IIOException and sometimes as runtime exceptions.
            throw new BadImageException("corrupt image (" + oneLine(e) + ")");
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
