package dev.resface.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/** An 8-bit RGB image stored row-major, channels interleaved (HWC), the layout of the packed cache. */
public record RgbImage(int width, int height, byte[] pixels) {
    public RgbImage {
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes, got " + pixels.length);
        }
    }

    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new byte[width * height * 3]);
    }

    public int get(int x, int y, int channel) {
        return pixels[(y * width + x) * 3 + channel] & 0xFF;
    }

    public void set(int x, int y, int channel, int value) {
        pixels[(y * width + x) * 3 + channel] = (byte) Math.max(0, Math.min(255, value));
    }

    /**
     * The pixels of any image, as sRGB bytes. A decoded JPEG (3-byte BGR) and an INT_RGB image are read from their
     * rasters directly: getRGB converts pixel by pixel through the colour model, several times slower.
     */
    public static RgbImage from(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && isWhole(image)) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < out.length; i += 3) {
                out[i] = bgr[i + 2];
                out[i + 1] = bgr[i + 1];
                out[i + 2] = bgr[i];
            }
            return new RgbImage(w, h, out);
        }
        int[] argb = image.getType() == BufferedImage.TYPE_INT_RGB && isWhole(image)
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < w * h; i++) {
            out[3 * i] = (byte) (argb[i] >> 16);
            out[3 * i + 1] = (byte) (argb[i] >> 8);
            out[3 * i + 2] = (byte) argb[i];
        }
        return new RgbImage(w, h, out);
    }

    /** True when the raster's buffer holds exactly this image's pixels, row after row (not a sub-image's view). */
    private static boolean isWhole(BufferedImage image) {
        var raster = image.getRaster();
        return raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer().getNumBanks() == 1
                && raster.getDataBuffer().getOffset() == 0
                && raster.getDataBuffer().getSize() == image.getWidth() * image.getHeight()
                        * (image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // written into the raster's own array: setRGB goes through the colour model pixel by pixel
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (pixels[3 * i] & 0xFF) << 16 | (pixels[3 * i + 1] & 0xFF) << 8 | (pixels[3 * i + 2] & 0xFF);
        }
        return image;
    }
}
