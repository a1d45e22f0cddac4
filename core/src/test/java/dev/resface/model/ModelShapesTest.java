package dev.resface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.resface.engine.Torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelShapesTest {
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

    /** conv k x k, in -> out, with bias; then a batch norm's scale and shift (its running stats are not learned). */
    private static long convBn(int k, int in, int out) {
        return (long) k * k * in * out + out + 2L * out;
    }

    /** conv k x k with bias, no normalisation. */
    private static long conv(int k, int in, int out) {
        return (long) k * k * in * out + out;
    }

    @Test
    void paperParameterCountsMatchTable1() {
        long g = convBn(5, 3, 64) + convBn(4, 64, 128) + convBn(4, 128, 256) + convBn(3, 256, 128) + convBn(3, 128, 64)
                + (4 * 4 * 64 * 3 + 3);
        long d = convBn(4, 3, 64) + convBn(4, 64, 128) + convBn(4, 128, 256) + convBn(4, 256, 512)
                + convBn(4, 512, 1024) + (4 * 4 * 1024 * 3 + 3);
        assertThat(g).isEqualTo(4_864 + 128 + 131_200 + 256 + 524_544 + 512 + 295_040 + 256 + 73_792 + 128 + 3_075);
        try (ResidualGan gan = new ResidualGan(ModelConfig.paper().withDiscriminatorBatchNorm(true), manager)) {
            assertThat(learnable(gan.g0())).isEqualTo(g);
            assertThat(learnable(gan.g1())).isEqualTo(g);
            assertThat(learnable(gan.d())).isEqualTo(d);
        }
        // The default D drops Table 1's batch norms (see ModelConfig): the convs alone.
        long dPlain = conv(4, 3, 64) + conv(4, 64, 128) + conv(4, 128, 256) + conv(4, 256, 512) + conv(4, 512, 1024)
                + conv(4, 1024, 3);
        try (ResidualGan gan = new ResidualGan(ModelConfig.paper(), manager)) {
            assertThat(learnable(gan.d())).isEqualTo(dPlain);
            assertThat(learnable(gan.g0())).isEqualTo(g);
        }
    }

    @Test
    void shapesAtEverySizeAndWidth() {
        for (int size : new int[] {32, 64, 128}) {
            ModelConfig c = ModelConfig.paper().withImageSize(size).withWidth(size == 128 ? 0.25 : 0.5);
            try (ResidualGan gan = new ResidualGan(c, manager); NDManager step = manager.newSubManager()) {
                NDArray x = step.randomUniform(-1, 1, new Shape(2, 3, size, size));
                var edit = gan.edit(gan.g0(), x, false);
                assertThat(edit.residual().getShape()).isEqualTo(new Shape(2, 3, size, size));
                var judged = gan.judge(x, false);
                assertThat(judged.logits().getShape()).isEqualTo(new Shape(2, 3));
                assertThat(judged.features().getShape()).isEqualTo(new Shape(2, c.channels(256), size / 8, size / 8));
            }
        }
    }

    @Test
    void shallowerDEndsOnAFourByFourMapAtSmallSizes() {
        assertThat(ModelConfig.layersEndingOn4x4(128)).isEqualTo(5);
        assertThat(ModelConfig.layersEndingOn4x4(64)).isEqualTo(4);
        assertThat(ModelConfig.layersEndingOn4x4(32)).isEqualTo(3);
        // 3 layers at 32px: conv 64, 128, 256 with batch norm, then the head covers the 4x4 map.
        ModelConfig c = new ModelConfig(32, 1, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, true, 3);
        assertThat(c.discriminatorMapSize()).isEqualTo(4);
        try (ResidualGan gan = new ResidualGan(c, manager); NDManager step = manager.newSubManager()) {
            assertThat(learnable(gan.d())).isEqualTo(convBn(4, 3, 64) + convBn(4, 64, 128) + convBn(4, 128, 256)
                    + (4 * 4 * 256 * 3 + 3));
            var judged = gan.judge(step.randomUniform(-1, 1, new Shape(2, 3, 32, 32)), false);
            assertThat(judged.logits().getShape()).isEqualTo(new Shape(2, 3));
        }
        ModelConfig four = new ModelConfig(64, 1, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false, 4);
        try (ResidualGan gan = new ResidualGan(four, manager)) {
            assertThat(learnable(gan.d())).isEqualTo(conv(4, 3, 64) + conv(4, 64, 128) + conv(4, 128, 256)
                    + conv(4, 256, 512) + conv(4, 512, 3));
        }
        assertThat(FlopCount.discriminator(four)).isGreaterThan(FlopCount.discriminatorFeatures(four));
    }

    @Test
    void aPatchDJudgesEveryPositionOfItsLastMapImageByImage() {
        // 64px, 3 layers: an 8x8 map, so 64 rows of logits per image; the head is a 1x1 conv 128 -> 3
        ModelConfig c = new ModelConfig(64, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false, 3,
                null, true);
        try (ResidualGan gan = new ResidualGan(c, manager); NDManager step = manager.newSubManager()) {
            assertThat(learnable(gan.d())).isEqualTo(conv(4, 3, 32) + conv(4, 32, 64) + conv(4, 64, 128)
                    + conv(1, 128, 3));
            NDArray x = step.randomUniform(-1, 1, new Shape(2, 3, 64, 64));
            NDArray logits = gan.judge(x, false).logits();
            assertThat(logits.getShape()).isEqualTo(new Shape(2 * 64, 3));
            // the second image's rows are its own: judging it alone gives the same logits
            NDArray alone = gan.judge(x.get("1:2"), false).logits();
            assertThat(alone.sub(logits.get("64:128")).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @Test
    void theRegionDJudgesItsBoxPatchByPatchAndNothingOutsideIt() {
        // At 64px the box (0.1, 0.3)-(0.9, 0.7) is columns 6..57 and rows 19..44: 52x26, a 6x3 map after three layers.
        ImageRegion box = new ImageRegion(0.1, 0.3, 0.9, 0.7);
        assertThat(box.pixels(64)).containsExactly(6, 19, 58, 45);
        ModelConfig c = new ModelConfig(64, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false, null, null,
                null).withRegionDiscriminator(box);
        try (ResidualGan gan = new ResidualGan(c, manager); NDManager step = manager.newSubManager()) {
            assertThat(learnable(gan.regionD())).isEqualTo(conv(4, 3, 32) + conv(4, 32, 64) + conv(4, 64, 128)
                    + conv(1, 128, 3));
            assertThat(gan.blocks()).hasSize(4).endsWith(gan.regionD());
            NDArray x = step.randomUniform(-1, 1, new Shape(2, 3, 64, 64));
            NDArray logits = gan.judgeRegion(x, false);
            assertThat(logits.getShape()).isEqualTo(new Shape(2 * 6 * 3, 3));
            // a change outside the box leaves every verdict as it was; one inside it does not
            NDArray outside = x.duplicate();
            outside.set(new NDIndex(":, :, 0:19, :"), 0f);
            assertThat(gan.judgeRegion(outside, false).sub(logits).abs().max().getFloat()).isZero();
            NDArray inside = x.duplicate();
            inside.set(new NDIndex(":, :, 30, 30"), 0f);
            assertThat(gan.judgeRegion(inside, false).sub(logits).abs().max().getFloat()).isPositive();
        }
        assertThatThrownBy(() -> new ImageRegion(0.5, 0.3, 0.4, 0.7)).hasMessageContaining("left < right");
        assertThatThrownBy(() -> new ModelConfig(32, 0.5, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false)
                .withRegionDiscriminator(new ImageRegion(0.4, 0.4, 0.58, 0.58))).hasMessageContaining("7x7 px at 32px");
    }

    @Test
    void upsamplingOptionsKeepTheShapeAndZeroInitStartsAtIdentity() {
        for (Upsampling u : Upsampling.values()) {
            ModelConfig c = new ModelConfig(32, 0.25, u, 0.2f, true, true, false);
            try (ResidualGan gan = new ResidualGan(c, manager); NDManager step = manager.newSubManager()) {
                NDArray x = step.randomUniform(-1, 1, new Shape(1, 3, 32, 32));
                var edit = gan.edit(gan.g1(), x, true);
                assertThat(edit.residual().getShape()).isEqualTo(new Shape(1, 3, 32, 32));
                assertThat(edit.residual().abs().max().getFloat()).isZero();
                assertThat(edit.edited().sub(x).abs().max().getFloat()).isZero();
            }
        }
    }

    @Test
    void evenKernelSamePaddingCentresLikeTensorFlow() {
        // A 4x4 kernel at stride 1 with "same" padding covers rows o-1..o+2 of the input: an impulse at (5,5) with a
        // kernel that is one only at its (0,0) tap lands at output (6,6).
        var conv = Layers.evenKernelSameConv(4, 1);
        conv.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 10, 10));
        for (var p : conv.getParameters()) {
            p.getValue().getArray().muli(0);
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                p.getValue().getArray().set(new ai.djl.ndarray.index.NDIndex("0,0,0,0"), 1f);
            }
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.zeros(new Shape(1, 1, 10, 10));
            x.set(new ai.djl.ndarray.index.NDIndex("0,0,5,5"), 1f);
            NDArray y = conv.forward(new ai.djl.training.ParameterStore(step, false), new ai.djl.ndarray.NDList(x), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 10, 10));
            assertThat(y.getFloat(0, 0, 6, 6)).isEqualTo(1f);
            assertThat(y.sum().getFloat()).isEqualTo(1f);
        }
    }

    static long learnable(Block b) {
        return b.getParameters().stream()
                .map(e -> e.getValue())
                .filter(Trainability::isLearnable)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }
}
