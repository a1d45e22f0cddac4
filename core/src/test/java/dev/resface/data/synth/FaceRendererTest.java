package dev.resface.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.FaceAttribute;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaceRendererTest {
    private static final int W = FaceRenderer.WIDTH;
    private static final int H = FaceRenderer.HEIGHT;

    private static List<FaceParams> faces(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<FaceParams> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FaceParams.sample(rng));
        }
        return out;
    }

    @Test
    void rendersAlignedSizeAndIsAPureFunction() {
        FaceParams p = faces(1, 1).get(0);
        BufferedImage a = FaceRenderer.render(p);
        BufferedImage b = FaceRenderer.render(p);
        assertThat(a.getWidth()).isEqualTo(178);
        assertThat(a.getHeight()).isEqualTo(218);
        assertThat(pixels(a)).isEqualTo(pixels(b));
        assertThat(pixels(FaceRenderer.render(faces(2, 1).get(0)))).isNotEqualTo(pixels(a));
    }

    @Test
    void counterpartsDifferExactlyInsideTheMask() {
        List<FaceParams> cases = new ArrayList<>(faces(11, 30));
        // the special cases: a bearded man turned woman, a woman given a beard, every glasses style
        FaceParams base = cases.get(0);
        cases.add(base.with(FaceAttribute.MALE, true).with(FaceAttribute.NO_BEARD, false));
        cases.add(base.with(FaceAttribute.MALE, false));
        for (GlassesStyle style : GlassesStyle.values()) {
            cases.add(withGlasses(cases.get(style.ordinal() + 1), style));
        }
        for (BeardStyle beard : BeardStyle.values()) {
            FaceParams p = cases.get(beard.ordinal() + 7).with(FaceAttribute.MALE, true)
                    .with(FaceAttribute.NO_BEARD, false);
            cases.add(withBeard(p, beard));
        }
        for (FaceParams p : cases) {
            int[] original = pixels(FaceRenderer.render(p));
            for (FaceAttribute a : FaceAttribute.values()) {
                int[] flipped = pixels(FaceRenderer.render(p.flip(a)));
                boolean[] mask = FaceRenderer.maskBits(p, a);
                int outside = 0;
                int inside = 0;
                int masked = 0;
                for (int i = 0; i < mask.length; i++) {
                    boolean differs = original[i] != flipped[i];
                    masked += mask[i] ? 1 : 0;
                    if (differs && mask[i]) {
                        inside++;
                    } else if (differs) {
                        outside++;
                    }
                }
                assertThat(outside).as("%s: pixels changed outside the mask", a).isZero();
                assertThat(inside).as("%s: pixels changed inside the mask", a).isPositive();
                // a flip changes a real share of its mask, and local masks stay local
                assertThat((double) inside / masked).as("%s: changed share of mask", a).isGreaterThan(0.2);
                if (a.isLocal()) {
                    assertThat(masked).as("%s: mask size", a).isLessThan(W * H / 6);
                }
            }
        }
    }

    @Test
    void maskImageIsBinaryGreyAndMatchesBits() {
        FaceParams p = faces(5, 1).get(0);
        BufferedImage mask = FaceRenderer.mask(p, FaceAttribute.EYEGLASSES);
        assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        boolean[] bits = FaceRenderer.maskBits(p, FaceAttribute.EYEGLASSES);
        int on = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = mask.getRaster().getSample(x, y, 0);
                assertThat(v).isIn(0, 255);
                assertThat(v == 255).isEqualTo(bits[y * W + x]);
                on += v == 255 ? 1 : 0;
            }
        }
        // glasses sit around the eyes: the mask's centre of mass is near the eyes' midpoint
        assertThat(on).isBetween(800, 6000);
    }

    @Test
    void glassesStayVisibleInA32PixelCentralCrop() {
        double total = 0;
        double worst = Double.MAX_VALUE;
        List<FaceParams> cases = faces(23, 24);
        for (FaceParams face : cases) {
            FaceParams without = face.with(FaceAttribute.EYEGLASSES, false);
            FaceParams with = face.with(FaceAttribute.EYEGLASSES, true);
            double[] a = crop32(FaceRenderer.render(without));
            double[] b = crop32(FaceRenderer.render(with));
            double[] m = crop32Mask(FaceRenderer.maskBits(with, FaceAttribute.EYEGLASSES));
            double sum = 0;
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                if (m[i] >= 0.5) {
                    sum += Math.abs(a[i] - b[i]);
                    n++;
                }
            }
            assertThat(n).as("mask blocks at 32 px").isGreaterThan(10);
            double mean = sum / n;
            total += mean;
            worst = Math.min(worst, mean);
        }
        double mean = total / cases.size();
        // about 54 and 21 with the frames as drawn; 1 px frames would give about 32 and 17
        assertThat(mean).as("mean grey difference inside the 32 px mask").isGreaterThan(40);
        assertThat(worst).as("least visible glasses").isGreaterThan(15);
    }

    @Test
    void landmarksAreNearCelebaTemplateAndFollowTheSmile() {
        double[] template = {69, 111, 108, 111, 88, 136, 72, 152, 105, 152};
        double[] mean = new double[10];
        List<FaceParams> cases = faces(3, 200);
        for (FaceParams p : cases) {
            double[] lm = FaceRenderer.landmarks(p);
            for (int i = 0; i < 10; i++) {
                assertThat(Math.abs(lm[i] - template[i])).as("landmark %d", i).isLessThan(10);
                mean[i] += lm[i] / cases.size();
            }
        }
        for (int i = 0; i < 10; i++) {
            assertThat(Math.abs(mean[i] - template[i])).as("mean landmark %d", i).isLessThan(2.5);
        }
        FaceParams p = cases.get(0);
        double[] neutral = FaceRenderer.landmarks(p.with(FaceAttribute.SMILING, false));
        double[] smile = FaceRenderer.landmarks(p.with(FaceAttribute.SMILING, true));
        assertThat(smile[7]).isLessThan(neutral[7] - 2); // corners rise (rotation is at most a few degrees)
        assertThat(smile[8] - smile[6]).isGreaterThan(neutral[8] - neutral[6] + 4); // and spread
        assertThat(smile[0]).isEqualTo(neutral[0]); // eyes stay put
    }

    static double[] crop32(BufferedImage img) {
        double[] out = new double[32 * 32];
        for (int by = 0; by < 32; by++) {
            for (int bx = 0; bx < 32; bx++) {
                double s = 0;
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        int c = img.getRGB(25 + 4 * bx + dx, 45 + 4 * by + dy);
                        s += 0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF);
                    }
                }
                out[by * 32 + bx] = s / 16;
            }
        }
        return out;
    }

    static double[] crop32Mask(boolean[] bits) {
        double[] out = new double[32 * 32];
        for (int by = 0; by < 32; by++) {
            for (int bx = 0; bx < 32; bx++) {
                int s = 0;
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        s += bits[(45 + 4 * by + dy) * W + 25 + 4 * bx + dx] ? 1 : 0;
                    }
                }
                out[by * 32 + bx] = s / 16.0;
            }
        }
        return out;
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static FaceParams withGlasses(FaceParams p, GlassesStyle style) {
        Appearance a = p.look();
        return new FaceParams(true, p.mouthSlightlyOpen(), p.smiling(), p.noBeard(), p.male(), p.young(),
                new Appearance(a.rotationDeg(), a.scale(), a.shiftX(), a.shiftY(), a.backgroundTop(),
                        a.backgroundBottom(), a.backgroundTilt(), a.clothes(), a.skin(), a.faceHalfWidth(),
                        a.skullTop(), a.chinY(), a.jaw(), a.hair(), a.greyness(), a.longHairIfFemale(),
                        a.longHairIfMale(), a.hairlineY(), a.bangs(), a.hairVolume(), a.hairBottom(), a.iris(),
                        a.eyeWidth(), a.eyeHeight(), a.browThickness(), a.browArch(), a.noseWidth(), a.mouthWidth(),
                        a.upperLip(), a.lowerLip(), a.lipstick(), a.lipstickColor(), a.beard(), style,
                        a.frameColor(), a.lightAngle(), a.lightStrength(), a.noiseAmplitude(), a.detailSeed()));
    }

    static FaceParams withBeard(FaceParams p, BeardStyle beard) {
        Appearance a = p.look();
        return new FaceParams(p.eyeglasses(), p.mouthSlightlyOpen(), p.smiling(), p.noBeard(), p.male(), p.young(),
                new Appearance(a.rotationDeg(), a.scale(), a.shiftX(), a.shiftY(), a.backgroundTop(),
                        a.backgroundBottom(), a.backgroundTilt(), a.clothes(), a.skin(), a.faceHalfWidth(),
                        a.skullTop(), a.chinY(), a.jaw(), a.hair(), a.greyness(), a.longHairIfFemale(),
                        a.longHairIfMale(), a.hairlineY(), a.bangs(), a.hairVolume(), a.hairBottom(), a.iris(),
                        a.eyeWidth(), a.eyeHeight(), a.browThickness(), a.browArch(), a.noseWidth(), a.mouthWidth(),
                        a.upperLip(), a.lowerLip(), a.lipstick(), a.lipstickColor(), beard, a.glasses(),
                        a.frameColor(), a.lightAngle(), a.lightStrength(), a.noiseAmplitude(), a.detailSeed()));
    }
}
