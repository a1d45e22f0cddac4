package dev.resface.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class GanLossesTest extends WithManager {
    /** Row 1: logits (0, ln 2, 0) -> softmax (1/4, 1/2, 1/4). Row 2: (ln 3, 0, 0) -> (3/5, 1/5, 1/5). */
    private NDArray twoRows() {
        return m.create(new float[] {0, (float) Math.log(2), 0, (float) Math.log(3), 0, 0}, new Shape(2, 3));
    }

    @Test
    void crossEntropyIsTheBatchMeanOfMinusLogP() {
        NDArray logits = twoRows();
        assertThat(GanLosses.crossEntropy(logits, DClass.REAL_NEGATIVE).getFloat())
                .isCloseTo((float) ((Math.log(4) + Math.log(5.0 / 3)) / 2), within(1e-6f));
        assertThat(GanLosses.crossEntropy(logits, DClass.REAL_POSITIVE).getFloat())
                .isCloseTo((float) ((Math.log(2) + Math.log(5)) / 2), within(1e-6f));
        assertThat(GanLosses.crossEntropy(logits, DClass.GENERATED).getFloat())
                .isCloseTo((float) ((Math.log(4) + Math.log(5)) / 2), within(1e-6f));
    }

    @Test
    void classIndicesAreTheSpecs() {
        assertThat(DClass.REAL_NEGATIVE.index()).isZero();
        assertThat(DClass.REAL_POSITIVE.index()).isEqualTo(1);
        assertThat(DClass.GENERATED.index()).isEqualTo(2);
    }

    @Test
    void discriminatorLossSumsTheFourBatches() {
        // x0 -> class 0, x1 -> class 1, both fakes -> class 2, each batch of one row (1/4, 1/2, 1/4).
        NDArray one = m.create(new float[] {0, (float) Math.log(2), 0}, new Shape(1, 3));
        float expected = (float) (Math.log(4) + Math.log(2) + Math.log(4) + Math.log(4));
        assertThat(GanLosses.discriminator(one, one, one, one).getFloat()).isCloseTo(expected, within(1e-5f));
    }

    @Test
    void pixelLossIsPerImageL1AveragedOverTheBatch() {
        // image 1: |1| + |-2| = 3, image 2: |0.5| + |0.5| = 1 -> mean 2
        NDArray r = m.create(new float[] {1, -2, 0.5f, 0.5f}, new Shape(2, 1, 1, 2));
        assertThat(GanLosses.pixel(r).getFloat()).isEqualTo(2f);
    }

    @Test
    void undoIsPerImageL1OfTheUndoneEditAgainstTheRealFace() {
        NDArray undone = m.create(new float[] {1, 0, 0.5f, -1}, new Shape(2, 1, 1, 2));
        NDArray real = m.create(new float[] {0, 0, 0.5f, 1}, new Shape(2, 1, 1, 2));
        // image 1: |1| + 0 = 1, image 2: 0 + |-2| = 2 -> mean 1.5
        assertThat(GanLosses.undo(undone, real).getFloat()).isEqualTo(1.5f);
    }

    @Test
    void perceptualLossIsPerImageL1OfTheFeatureDifference() {
        NDArray phiX = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2, 1, 1));
        NDArray phiEdited = m.create(new float[] {0, 2, 5, 1}, new Shape(2, 2, 1, 1));
        // image 1: |1-0| + |2-2| = 1, image 2: |3-5| + |4-1| = 5 -> mean 3
        assertThat(GanLosses.perceptual(phiX, phiEdited).getFloat()).isEqualTo(3f);
    }

    @Test
    void generatorLossWeightsTheTerms() {
        NDArray adv = m.create(0.5f);
        NDArray dual = m.create(0.25f);
        NDArray pix = m.create(2f);
        NDArray per = m.create(3f);
        assertThat(GanLosses.generator(adv, dual, pix, per, 0.1, 0.01).getFloat()).isCloseTo(0.5f + 0.25f + 0.2f + 0.03f, within(1e-6f));
        assertThat(GanLosses.generator(adv, null, pix, per, 0.1, 0.01).getFloat()).isCloseTo(0.5f + 0.2f + 0.03f, within(1e-6f));
    }
}
