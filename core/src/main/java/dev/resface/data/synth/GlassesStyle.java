package dev.resface.data.synth;

/**
 * Eyeglasses frame styles. Frames are mostly thick and dark so that glasses survive a 128 to 32 px downscale; the lens
 * sizes are in the 178x218 aligned-image pixels.
 */
public enum GlassesStyle {
    ROUND(26, 24, 4.5, 12, false),
    RECTANGULAR(30, 20, 4.5, 7, false),
    THICK_DARK(31, 22, 6.5, 6, false),
    THIN_METAL(28, 21, 3.0, 14, false),
    SUNGLASSES(30, 24, 4.0, 14, true);

    final double lensWidth;
    final double lensHeight;
    final double frameWidth;
    final double cornerRadius;
    final boolean tinted;

    GlassesStyle(double lensWidth, double lensHeight, double frameWidth, double cornerRadius, boolean tinted) {
        this.lensWidth = lensWidth;
        this.lensHeight = lensHeight;
        this.frameWidth = frameWidth;
        this.cornerRadius = cornerRadius;
        this.tinted = tinted;
    }

    public boolean tinted() {
        return tinted;
    }
}
