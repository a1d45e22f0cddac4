package dev.resface.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.resface.engine.Torch;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decoder's convs on the map before upsampling against the same convs on the upsampled map. */
class UpsampledConvTest {
    static NDManager manager;

    @BeforeAll
    static void start() {
        Torch.start();
        manager = Torch.newManager();
        Torch.seed(7);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** 2x nearest upsampling by two repeats: independent of the code under test. */
    private static NDArray upsampled(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    private static NDArray conv(NDArray x, NDArray w, NDArray b, int pad) {
        return x.getNDArrayInternal().convolution(x, w, b, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    private static double worstDifference(NDArray a, NDArray b) {
        assertThat(a.getShape()).isEqualTo(b.getShape());
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    void threeByThreeEqualsTheConvOfTheUpsampledMapBordersIncluded() {
        NDArray x = manager.randomUniform(-1, 1, new Shape(2, 5, 6, 7));
        NDArray w = manager.randomNormal(0, 0.5f, new Shape(4, 5, 3, 3), DataType.FLOAT32);
        NDArray b = manager.randomUniform(-1, 1, new Shape(4));
        NDArray expected = conv(upsampled(x), w, b, 1);
        assertThat(expected.getShape()).isEqualTo(new Shape(2, 4, 12, 14));
        UpsampledConv up = new UpsampledConv(manager);
        assertThat(worstDifference(UpsampledConv.apply(x, up.threeByThree(w, b, manager)), expected)).isLessThan(1e-5);
        assertThat(worstDifference(UpsampledConv.apply(ChannelsLast.of(x), up.threeByThree(ChannelsLast.of(w), b,
                manager)), expected)).isLessThan(1e-5);
    }

    @Test
    void evenFourByFourEqualsTheSameSizeConvOfTheUpsampledMap() {
        NDArray x = manager.randomUniform(-1, 1, new Shape(2, 5, 6, 7));
        NDArray w = manager.randomNormal(0, 0.5f, new Shape(3, 5, 4, 4), DataType.FLOAT32);
        NDArray b = manager.randomUniform(-1, 1, new Shape(3));
        // Padded by 2 on both sides, then the first row and column dropped: Layers.evenKernelSameConv.
        NDArray expected = conv(upsampled(x), w, b, 2).get(":, :, 1:, 1:");
        assertThat(expected.getShape()).isEqualTo(new Shape(2, 3, 12, 14));
        UpsampledConv up = new UpsampledConv(manager);
        assertThat(worstDifference(UpsampledConv.apply(x, up.evenFourByFour(w, b, manager)), expected)).isLessThan(1e-5);
        assertThat(worstDifference(UpsampledConv.apply(ChannelsLast.of(x), up.evenFourByFour(ChannelsLast.of(w), b,
                manager)), expected)).isLessThan(1e-5);
    }

    /** Before, every call left its summing matrices and the phase kernels in the weights' manager: a slow leak. */
    @Test
    void aPassLeavesNothingInTheModelsManager() throws Exception {
        try (NDManager model = manager.newSubManager()) {
            NDArray w3 = model.randomNormal(0, 0.5f, new Shape(4, 5, 3, 3), DataType.FLOAT32);
            NDArray w4 = model.randomNormal(0, 0.5f, new Shape(3, 4, 4, 4), DataType.FLOAT32);
            NDArray b3 = model.zeros(new Shape(4));
            NDArray b4 = model.zeros(new Shape(3));
            UpsampledConv up = new UpsampledConv(model);
            int before = held(model);
            for (int i = 0; i < 3; i++) {
                try (NDManager pass = manager.newSubManager()) {
                    NDArray x = pass.randomUniform(-1, 1, new Shape(2, 5, 6, 7));
                    NDArray y = UpsampledConv.apply(x, up.threeByThree(w3, b3, pass));
                    UpsampledConv.apply(y, up.evenFourByFour(w4, b4, pass));
                }
            }
            assertThat(held(model)).isEqualTo(before);
        }
    }

    /** A frozen G makes its phase kernels once, and its passes compute exactly what they computed before. */
    @Test
    void aFrozenGeneratorEditsAsBeforeAndLeavesNothingBehind() throws Exception {
        ModelConfig c = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false);
        try (NDManager m = manager.newSubManager(); ResidualGan gan = new ResidualGan(c, m)) {
            Generator g = (Generator) gan.g1();
            for (var p : g.getParameters()) {
                p.getValue().getArray().addi(m.randomNormal(0, 0.05f, p.getValue().getShape(), DataType.FLOAT32));
            }
            NDArray x = m.randomUniform(-1, 1, new Shape(1, 3, 32, 32));
            float[] before = gan.edit(g, x, false).residual().toFloatArray();
            gan.freeze();
            int held = held(gan.manager());
            for (int i = 0; i < 3; i++) {
                try (NDManager pass = m.newSubManager()) {
                    NDArray y = x.duplicate();
                    y.attach(pass);
                    assertThat(gan.edit(g, y, false).residual().toFloatArray()).containsExactly(before);
                }
            }
            assertThat(held(gan.manager())).isEqualTo(held);
            float largest = 0;
            for (float v : before) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertThat(largest).isGreaterThan(1e-3f);
        }
    }

    private static int held(NDManager m) throws ReflectiveOperationException {
        Field resources = BaseNDManager.class.getDeclaredField("resources");
        resources.setAccessible(true);
        return ((Map<?, ?>) resources.get(m)).size();
    }

    @Test
    void theGeneratorComputesWhatItsLayersDoInSequence() {
        ModelConfig c = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false);
        try (NDManager m = manager.newSubManager(); ResidualGan gan = new ResidualGan(c, m)) {
            Generator g = (Generator) gan.g0();
            NDArray x = m.randomUniform(-1, 1, new Shape(3, 3, 32, 32));
            NDArray fast = gan.edit(g, x, false).residual();
            // The table read literally: every layer in turn, nearest upsampling after layers 4 and 5.
            NDList y = new NDList(x);
            for (int i = 0; i < 6; i++) {
                y = g.getChildren().get(i).getValue().forward(new ai.djl.training.ParameterStore(m, false), y, false);
                if (i == 3 || i == 4) {
                    y = new NDList(upsampled(y.singletonOrThrow()));
                }
            }
            float scale = fast.abs().max().getFloat();
            assertThat(scale).isGreaterThan(1e-5f);
            assertThat(worstDifference(fast, y.singletonOrThrow()) / scale).isLessThan(1e-4);
        }
    }
}
