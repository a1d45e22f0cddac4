package dev.resface.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.resface.engine.Torch;
import org.junit.jupiter.api.Test;

class SpectralConv2dTest {
    /** The largest singular value of a rows x cols matrix, by 500 power-iteration steps in double precision. */
    static double largestSingularValue(float[] m, int rows, int cols) {
        double[] v = new double[cols];
        java.util.Arrays.fill(v, 1);
        double sigma = 0;
        for (int it = 0; it < 500; it++) {
            double[] u = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    u[r] += m[r * cols + c] * v[c];
                }
            }
            double[] w = new double[cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    w[c] += m[r * cols + c] * u[r];
                }
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            sigma = Math.sqrt(norm);
            for (int c = 0; c < cols; c++) {
                v[c] = w[c] / norm;
            }
        }
        return sigma;
    }

    /**
     * After training passes, whose power-iteration steps move u toward the top singular vector, the conv equals a
     * plain conv with its kernel divided by the kernel's largest singular value (computed here apart, in double).
     */
    @Test
    void theKernelIsDividedByItsLargestSingularValue() {
        Torch.seed(5);
        try (NDManager m = Torch.newManager()) {
            SpectralConv2d conv = new SpectralConv2d(4, 6, 2, 1);
            conv.setInitializer(new NormalInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
            conv.initialize(m, DataType.FLOAT32, new Shape(2, 3, 8, 8));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 3, 8, 8));
            NDArray y = null;
            // Each pass is one power-iteration step; 200 converge whatever the gap between the top singular values.
            for (int i = 0; i < 200; i++) {
                y = conv.forward(ps, new NDList(x), true).singletonOrThrow();
            }
            NDArray w = conv.getParameters().get("weight").getArray();
            NDArray b = conv.getParameters().get("bias").getArray();
            double sigma = largestSingularValue(w.toFloatArray(), 6, 3 * 4 * 4);
            assertThat(sigma).isGreaterThan(2); // far from 1, so that the division shows
            NDArray expected = Conv2d.conv2d(x, w.div((float) sigma), b, new Shape(2, 2), new Shape(1, 1),
                    new Shape(1, 1), 1).singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 6, 4, 4));
            assertThat(y.sub(expected).abs().max().getFloat()).isLessThan(1e-4f * expected.abs().max().getFloat());
            // an inference pass leaves u where it was
            float[] u = conv.getParameters().get("u").getArray().toFloatArray();
            conv.forward(ps, new NDList(x), false);
            assertThat(conv.getParameters().get("u").getArray().toFloatArray()).containsExactly(u);
            assertThat(Trainability.isLearnable(conv.getParameters().get("u"))).isFalse();
            assertThat(largestSingularValue(new float[] {3, 0, 0, 4}, 2, 2)).isCloseTo(4, within(1e-9));
        }
    }
}
