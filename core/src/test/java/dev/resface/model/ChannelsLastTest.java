package dev.resface.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
}
