package dev.resface.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.ndarray.types.DataType;
import dev.resface.engine.Torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChannelsLastTest {
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

    @Test
    void keepsShapeAndEveryValueInItsPlace() {
        float[] v = new float[2 * 3 * 4 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        NDArray x = manager.create(v, new Shape(2, 3, 4, 5));
        NDArray cl = ChannelsLast.of(x);
        assertThat(cl.getShape()).isEqualTo(new Shape(2, 3, 4, 5));
        assertThat(cl.toFloatArray()).containsExactly(v);
        // element (n=1, c=2, h=3, w=4) is the last one either way; (0, 1, 0, 0) is the 21st in NCHW
        assertThat(cl.get("1, 2, 3, 4").getFloat()).isEqualTo(v.length - 1f);
        assertThat(cl.get("0, 1, 0, 0").getFloat()).isEqualTo(20f);
        assertThat(x.toFloatArray()).containsExactly(v);
    }

    @Test
    void anInitializerDrawsTheSameWeightsInTheOtherLayout() {
        Torch.seed(3);
        float[] plain = new NormalInitializer(0.02f).initialize(manager, new Shape(4, 3, 2, 2), DataType.FLOAT32)
                .toFloatArray();
        Torch.seed(3);
        float[] laidOut = ChannelsLast.initializer(new NormalInitializer(0.02f))
                .initialize(manager, new Shape(4, 3, 2, 2), DataType.FLOAT32).toFloatArray();
        assertThat(laidOut).containsExactly(plain);
        assertThat(laidOut[0]).isNotZero();
    }

    /**
     * libtorch 2.7.1's oneDNN got the input gradient of these NCHW convs wrong on an AMD EPYC (Zen 4): stride 1, a
     * kernel above 1x1, filters not a multiple of 16, as G's last conv (3), D's head (3) and VAE-GAN's narrow convs
     * (8) have; up to 38% relative error and NaN (shared/notes). Laid out channels last, as every resface network
     * is, they match float64, which libtorch computes without oneDNN.
     */
    @Test
    void narrowStrideOneConvsGetTheFloat64InputGradientChannelsLast() {
        // {kernel, padding, input channels, filters, size}
        int[][] cases = {{4, 2, 32, 3, 32}, {2, 0, 64, 3, 2}, {5, 2, 3, 8, 32}, {5, 2, 32, 8, 16}, {4, 2, 16, 1, 16}};
        for (int[] c : cases) {
            float[] exact = inputGradient(c, DataType.FLOAT64);
            float[] channelsLast = inputGradient(c, DataType.FLOAT32);
            double error = 0;
            double norm = 0;
            for (int i = 0; i < exact.length; i++) {
                error += (channelsLast[i] - exact[i]) * (double) (channelsLast[i] - exact[i]);
                norm += exact[i] * (double) exact[i];
            }
            assertThat(Math.sqrt(error / norm)).as(java.util.Arrays.toString(c)).isLessThan(1e-5);
        }
    }

    /** d/dx of the sum of squared outputs; float32 runs channels last, float64 as it comes. */
    private static float[] inputGradient(int[] c, DataType type) {
        try (NDManager m = Torch.newManager()) {
            NDArray x = wave(m, new Shape(8, c[2], c[4], c[4]), 0.37).toType(type, false);
            NDArray w = wave(m, new Shape(c[3], c[2], c[0], c[0]), 0.53).div(Math.sqrt(c[2] * c[0] * c[0]))
                    .toType(type, false);
            if (type == DataType.FLOAT32) {
                x = ChannelsLast.of(x);
                w = ChannelsLast.of(w);
            }
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(c[1], c[1])).singletonOrThrow();
                gc.backward(y.square().sum());
            }
            return x.getGradient().toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    private static NDArray wave(NDManager m, Shape shape, double step) {
        float[] v = new float[(int) shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * step);
        }
        return m.create(v, shape);
    }
}
