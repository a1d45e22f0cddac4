package dev.resface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.resface.engine.Torch;
import dev.resface.losses.GanLosses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorDesignTest {
    static NDManager manager;

    @BeforeAll
    static void start() {
        Torch.start();
        manager = Torch.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static ModelConfig config(String design, Double ema, Upsampling upsampling) {
        return new ModelConfig(32, 0.25, upsampling, 0.2f, true, true, false, null,
                GeneratorDesign.parse(design, ema), null);
    }

    @Test
    void theFullResolutionPathAddsOneConvOverTheDecoderAndTheFirstLayerSideBySide() {
        // width 0.25: layer 1 and layer 5 have 16 channels, so the refinement is a 3x3 conv 32 -> 16 with batch norm
        long refine = 3 * 3 * 32 * 16 + 16 + 2 * 16;
        for (Upsampling u : Upsampling.values()) {
            try (ResidualGan table1 = new ResidualGan(config("table1", null, u), manager);
                    ResidualGan skip = new ResidualGan(config("skip", null, u), manager);
                    NDManager step = manager.newSubManager()) {
                assertThat(ModelShapesTest.learnable(skip.g0()) - ModelShapesTest.learnable(table1.g0())).isEqualTo(refine);
                NDArray x = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                var edit = skip.edit(skip.g0(), x, true);
                assertThat(edit.residual().getShape()).isEqualTo(new Shape(2, 3, 32, 32));
                assertThat(edit.residual().abs().max().getFloat()).isZero(); // zero-initialised last conv
                assertThat(edit.mask()).isNull();
            }
        }
    }

    @Test
    void aMaskedEditBlendsThePaintedImageThroughItsMaskAndStartsNearlyClosed() {
        try (ResidualGan gan = new ResidualGan(config("masked", null, Upsampling.CONV_THEN_NEAREST), manager);
                NDManager step = manager.newSubManager()) {
            NDArray x = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            var edit = gan.edit(gan.g1(), x, true);
            assertThat(edit.mask().getShape()).isEqualTo(new Shape(2, 1, 32, 32));
            float start = (float) (1 / (1 + Math.exp(-ResidualGan.MASK_START_LOGIT)));
            assertThat(edit.mask().min().getFloat()).isCloseTo(start, within(1e-6f));
            assertThat(edit.mask().max().getFloat()).isCloseTo(start, within(1e-6f));
            // zero weights: the painted image is tanh(0) = 0, so edited = (1 - m) x
            assertThat(edit.edited().sub(x.mul(1 - start)).abs().max().getFloat()).isLessThan(1e-6f);
            assertThat(edit.residual().sub(edit.edited().sub(x)).abs().max().getFloat()).isLessThan(1e-6f);
        }
    }

    @Test
    void maskSparsityIsTheMaskSumPlusItsTotalVariationTimesThree() {
        try (NDManager step = manager.newSubManager()) {
            // one 2x2 mask {0, 1; 0, 0.5}: sum 1.5; variation across |1-0| + |0.5-0| = 1.5, down |0-0| + |0.5-1| = 0.5
            NDArray m = step.create(new float[] {0, 1, 0, 0.5f, 0, 0, 0, 0}, new Shape(2, 1, 2, 2));
            float expected = 3 * (1.5f + GanLosses.MASK_SMOOTHNESS * 2f) / 2;
            assertThat(GanLosses.maskSparsity(m).getFloat()).isCloseTo(expected, within(1e-5f));
        }
    }

    @Test
    void theMovingAverageEditsAndFollowsTheTrainedWeightsByItsDecay() {
        try (ResidualGan gan = new ResidualGan(config("table1", 0.9, Upsampling.CONV_THEN_NEAREST), manager);
                NDManager step = manager.newSubManager()) {
            assertThat(gan.blocks()).hasSize(5);
            assertThat(gan.editing(Direction.ADD)).isNotSameAs(gan.g0());
            Parameter trained = gan.g0().getParameters().valueAt(0);
            Parameter average = gan.editing(Direction.ADD).getParameters().valueAt(0);
            NDArray before = average.getArray().duplicate();
            assertThat(before.sub(trained.getArray()).abs().max().getFloat()).isZero(); // starts as a copy
            trained.getArray().addi(1f);
            gan.updateAverages();
            // avg = 0.9 avg + 0.1 (avg + 1) = avg + 0.1
            assertThat(average.getArray().sub(before).sub(0.1f).abs().max().getFloat()).isLessThan(1e-6f);
            assertThat(average.getArray().hasGradient()).isFalse();
        }
        try (ResidualGan plain = new ResidualGan(config("table1", null, Upsampling.CONV_THEN_NEAREST), manager)) {
            assertThat(plain.blocks()).hasSize(3);
            assertThat(plain.editing(Direction.REMOVE)).isSameAs(plain.g1());
        }
    }

    @Test
    void designsAreNamedAsTheFlagTakesThem() {
        for (String name : new String[] {"table1", "skip", "masked", "skip-masked"}) {
            assertThat(GeneratorDesign.parse(name, null).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> GeneratorDesign.parse("unet", null)).hasMessageContaining("table1, skip, masked");
        assertThatThrownBy(() -> GeneratorDesign.parse("skip", 1.0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new ModelConfig(32, 1, Upsampling.CONV_THEN_NEAREST, 0.2f, false, true, false, null,
                GeneratorDesign.parse("masked", null), null)).hasMessageContaining("no-residual");
    }
}
