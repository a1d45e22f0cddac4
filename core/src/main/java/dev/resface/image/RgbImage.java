package dev.resface.image;

import java.awt.image.BufferedImage;

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

    public static RgbImage from(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            out[3 * i] = (byte) (argb[i] >> 16);
            out[3 * i + 1] = (byte) (argb[i] >> 8);
            out[3 * i + 2] = (byte) argb[i];
        }
        return new RgbImage(w, h, out);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (pixels[3 * i] & 0xFF) << 16 | (pixels[3 * i + 1] & 0xFF) << 8 | (pixels[3 * i + 2] & 0xFF);
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }
}
