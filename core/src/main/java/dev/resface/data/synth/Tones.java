package dev.resface.data.synth;

/** The colours a face is drawn with after age and gender are applied to its base colours. */
record Tones(int skin, int hair, int brow, int beard, int lip) {
    private static final int WHITE_HAIR = Rgb.of(222, 221, 216);

    static Tones of(FaceParams p) {
        Appearance a = p.look();
        int skin = p.young() ? a.skin() : Rgb.mix(a.skin(), Rgb.scale(Rgb.grey(a.skin()), 1.06), 0.3);
        int hair = p.young() ? a.hair() : Rgb.mix(a.hair(), WHITE_HAIR, a.greyness());
        int brow = Rgb.mix(hair, Rgb.of(20, 14, 10), p.young() ? 0.35 : 0.15);
        int beard = Rgb.scale(hair, 0.85);
        int lip = (!p.male() && a.lipstick())
                ? a.lipstickColor()
                : Rgb.scale(Rgb.mix(skin, Rgb.of(186, 84, 88), 0.4), 0.93);
        return new Tones(skin, hair, brow, beard, lip);
    }
}
