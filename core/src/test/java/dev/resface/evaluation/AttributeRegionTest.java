package dev.resface.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.FaceParams;
import dev.resface.data.synth.FaceRenderer;
import dev.resface.data.synth.SynthConfig;
import dev.resface.data.synth.SynthFaces;
import dev.resface.model.ImageRegion;
import org.junit.jupiter.api.Test;

class AttributeRegionTest {
    private static final int W = FaceRenderer.WIDTH;
    private static final int H = FaceRenderer.HEIGHT;

    /**
     * The eyes band on CelebA's mean face in the paper's crop (x 25.., y 45.., 128 px): eyes at (44, 66) and (83, 66),
     * d = 39, so the box is x 14.75..112.25, y 48.45..83.55 (pixel centres), then 0.05 of the side beyond it.
     */
    @Test
    void theRegionDsEyesBandIsTheGlassesBoxOnTheMeanFaceAndAMargin() {
        ImageRegion band = AttributeRegion.band(FaceAttribute.EYEGLASSES, CropRecipe.PAPER);
        assertThat(band.left()).isCloseTo(14.75 / 128 - 0.05, within(1e-9));
        assertThat(band.top()).isCloseTo(48.45 / 128 - 0.05, within(1e-9));
        assertThat(band.right()).isCloseTo(113.25 / 128 + 0.05, within(1e-9));
        assertThat(band.bottom()).isCloseTo(84.55 / 128 + 0.05, within(1e-9));
        assertThat(band.pixels(64)).containsExactly(4, 21, 60, 46);
        // global attributes are the whole image, margin or not
        assertThat(AttributeRegion.band(FaceAttribute.MALE, CropRecipe.PAPER)).isEqualTo(new ImageRegion(0, 0, 1, 1));
    }

    @Test
    void hairIsAboveTheEyesAndBesideTheFace() {
        // CelebA's template: d = 39, eye line 111, eyes' midpoint 88.5, mouth line 152
        double[] five = {69, 111, 108, 111, 88, 136, 72, 152, 105, 152};
        boolean[] hair = AttributeRegion.hair(five, W, H);
        assertThat(hair[87 * W + 88]).as("0.6 d above the eyes is 87.6").isTrue();
        assertThat(hair[88 * W + 88]).isFalse();
        assertThat(hair[120 * W + 43]).as("1.15 d left of the midpoint is 43.65").isTrue();
        assertThat(hair[120 * W + 44]).isFalse();
        assertThat(hair[120 * W + 134]).as("1.15 d right of the midpoint is 133.35").isTrue();
        assertThat(hair[120 * W + 133]).isFalse();
        assertThat(hair[171 * W + 10]).as("the sides end 0.5 d below the mouth line, at 171.5").isTrue();
        assertThat(hair[172 * W + 10]).isFalse();
        for (int k = 0; k < 5; k++) {
            assertThat(hair[(int) five[2 * k + 1] * W + (int) five[2 * k]]).as("landmark %d", k).isFalse();
        }
    }

    @Test
    void hairCoversMostOfTheSynthFacesHairMaskAndLittleOfTheBeard() {
        // seed 1 chose the numbers; these are other faces
        long hit = 0;
        long hair = 0;
        long cropHit = 0;
        long cropHair = 0;
        long beardHit = 0;
        long beard = 0;
        for (int index = 1; index <= 50; index++) {
            FaceParams p = SynthFaces.params(2, index, SynthConfig.defaults());
            boolean[] truth = FaceRenderer.hairBits(p);
            boolean[] beardMask = FaceRenderer.maskBits(p, FaceAttribute.NO_BEARD);
            boolean[] standIn = AttributeRegion.hair(FaceRenderer.landmarks(p), W, H);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    boolean inPaperCrop = x >= 25 && x < 153 && y >= 45 && y < 173;
                    hair += truth[i] ? 1 : 0;
                    hit += truth[i] && standIn[i] ? 1 : 0;
                    cropHair += truth[i] && inPaperCrop ? 1 : 0;
                    cropHit += truth[i] && standIn[i] && inPaperCrop ? 1 : 0;
                    beard += beardMask[i] ? 1 : 0;
                    beardHit += beardMask[i] && standIn[i] ? 1 : 0;
                }
            }
        }
        // measured: 69.3% of the hair, 84.0% of it inside the paper's crop, 1.06% of the beard
        assertThat((double) hit / hair).as("share of the hair covered").isGreaterThan(0.68);
        assertThat((double) cropHit / cropHair).as("share of the hair covered in the paper's crop").isGreaterThan(0.83);
        assertThat((double) beardHit / beard).as("share of the No_Beard mask covered").isLessThan(0.012);
    }
}
