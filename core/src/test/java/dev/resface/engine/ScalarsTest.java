package dev.resface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ScalarsTest {
    /**
     * Between forward and backward the collector runs and small blocks of native memory are handed out again: the
     * gradient must still be the constant's. With the constant made as DJL's x.mul(3f) makes it, the first attempt
     * already gave 0 (tcmalloc) or -1.0e35 (glibc's malloc) instead of 3.
     */
    @Test
    void theBackwardSeesTheConstantAfterTheCollectorHasRun() throws Exception {
        check((x, v) -> Scalars.mul(x, v), 3, new float[] {3, 3});
        check((x, v) -> Scalars.div(x, v), 4, new float[] {0.25f, 0.25f});
        check((x, v) -> Scalars.max(x, v), 1.5, new float[] {0, 1});
    }

    private static void check(BiFunction<NDArray, Double, NDArray> op, double v, float[] expected) throws Exception {
        Torch.start();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (NDManager m = Torch.newManager()) {
                NDArray x = m.create(new float[] {1, 2});
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray y = op.apply(x, v);
                    List<ByteBuffer> sevens = churn();
                    gc.backward(y.sum());
                    assertThat(sevens).isNotEmpty();
                }
                assertThat(x.getGradient().toFloatArray()).as("attempt " + attempt).containsExactly(expected);
            }
        }
    }

    /** Lets the collector free unreachable direct buffers, then takes small blocks of native memory. */
    private static List<ByteBuffer> churn() throws InterruptedException {
        System.gc();
        Thread.sleep(20);
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 7f);
            out.add(b);
        }
        return out;
    }
}
