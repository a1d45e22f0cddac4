package dev.resface.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resface.data.FaceAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HairMaskTest {
    private static final int W = FaceRenderer.WIDTH;

    /** Sampled faces plus a bearded man of each beard style, whose beard meets long hair at the cheeks' edges. */
    private static List<FaceParams> faces() {
        SplittableRandom rng = new SplittableRandom(31);
        List<FaceParams> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            out.add(FaceParams.sample(rng));
        }
        for (BeardStyle beard : BeardStyle.values()) {
            FaceParams p = out.get(beard.ordinal()).with(FaceAttribute.MALE, true).with(FaceAttribute.NO_BEARD, false);
            out.add(FaceRendererTest.withBeard(p, beard));
        }
        return out;
    }

    @Test
    void hairIsLargeLeavesTheFeaturesOutAndNeverMeetsTheBeardMask() {
        for (FaceParams p : faces()) {
            boolean[] hair = FaceRenderer.hairBits(p);
            boolean[] beard = FaceRenderer.maskBits(p, FaceAttribute.NO_BEARD);
            int on = 0;
            int shared = 0;
            for (int i = 0; i < hair.length; i++) {
                on += hair[i] ? 1 : 0;
                shared += hair[i] && beard[i] ? 1 : 0;
            }
            // 7,100 to 13,000 pixels of the 38,804 on these faces
            assertThat(on).as("hair pixels").isBetween(5_000, 16_000);
            assertThat(shared).as("hair pixels inside the No_Beard mask").isZero();
            double[] lm = FaceRenderer.landmarks(p);
            for (int k = 0; k < 5; k++) {
                assertThat(hair[(int) Math.round(lm[2 * k + 1]) * W + (int) Math.round(lm[2 * k])])
                        .as("landmark %d in the hair", k).isFalse();
            }
        }
    }

    @Test
    void theOtherHairLengthChangesPixelsOnlyInsideTheHairOrTheBeardMask() {
        for (FaceParams p : faces()) {
            boolean[] hair = FaceRenderer.hairBits(p);
            boolean[] beard = FaceRenderer.maskBits(p, FaceAttribute.NO_BEARD);
            int[] drawn = FaceRendererTest.pixels(FaceRenderer.render(p));
            int[] other = FaceRendererTest.pixels(FaceRenderer.render(p.withLongHair(!p.longHair())));
            int inHair = 0;
            int changed = 0;
            int outside = 0;
            for (int i = 0; i < drawn.length; i++) {
                if (drawn[i] != other[i]) {
                    changed++;
                    inHair += hair[i] ? 1 : 0;
                    // long hair's sides cover the cheeks' edges, where the beard mask has the last word
                    outside += hair[i] || beard[i] ? 0 : 1;
                }
            }
            assertThat(outside).as("changed pixels outside the hair and the beard masks").isZero();
            // 3,700 to 7,700 changed pixels, 90% or more of them in the hair
            assertThat(inHair).as("changed pixels in the hair").isGreaterThan(3_000)
                    .isGreaterThan((int) (0.88 * changed));
        }
    }
}
