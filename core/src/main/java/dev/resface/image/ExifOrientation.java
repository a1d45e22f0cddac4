package dev.resface.image;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0 in its APP1 segment), which cameras and phones write instead
 * of rotating the pixels: ImageIO ignores it, so a portrait shot would otherwise be edited lying on its side.
 */
public final class ExifOrientation {
    /** Stored as displayed. */
    public static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** The orientation, 1..8; {@link #NORMAL} for a PNG, a JPEG without EXIF, or an unreadable or odd value. */
    public static int read(byte[] file) {
        if (file.length < 4 || (file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != 0xD8) {
            return NORMAL;
        }
        int at = 2;
        while (at + 4 <= file.length && (file[at] & 0xFF) == 0xFF) {
            int marker = file[at + 1] & 0xFF;
            int length = u16(file, at + 2, false);
            if (marker == 0xDA || length < 2) { // image data starts: no metadata after it
                return NORMAL;
            }
            if (marker == 0xE1 && length >= 8 && at + 2 + length <= file.length && isExif(file, at + 4)) {
                return fromTiff(file, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        return NORMAL;
    }

    /** The image as it is meant to be seen. */
    public static RgbImage apply(RgbImage stored, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swaps = orientation >= 5;
        RgbImage out = RgbImage.blank(swaps ? h : w, swaps ? w : h);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                for (int c = 0; c < 3; c++) {
                    out.set(x, y, c, stored.get(sx, sy, c));
                }
            }
        }
        return out;
    }

    private static boolean isExif(byte[] f, int at) {
        return f[at] == 'E' && f[at + 1] == 'x' && f[at + 2] == 'i' && f[at + 3] == 'f' && f[at + 4] == 0
                && f[at + 5] == 0;
    }

    private static int fromTiff(byte[] f, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean little = f[tiff] == 'I' && f[tiff + 1] == 'I';
        if (!little && !(f[tiff] == 'M' && f[tiff + 1] == 'M')) {
            return NORMAL;
        }
        long ifd = tiff + u32(f, tiff + 4, little);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(f, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(f, entry, little) == ORIENTATION_TAG) {
                int value = u16(f, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] f, int at, boolean little) {
        int a = f[at] & 0xFF;
        int b = f[at + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] f, int at, boolean little) {
        long hi = u16(f, at + (little ? 2 : 0), little);
        long lo = u16(f, at + (little ? 0 : 2), little);
        return hi << 16 | lo;
    }
}
