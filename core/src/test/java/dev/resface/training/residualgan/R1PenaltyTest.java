package dev.resface.training.residualgan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.model.Trainability;
import dev.resface.model.Upsampling;
import org.junit.jupiter.api.Test;

/** The R1 penalty's gradient in D's weights, through DJL's create-graph backward, against finite differences. */
class R1PenaltyTest {
    private static float penalty(ResidualGan gan, NDArray x0, NDArray x1, double gamma) {
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector();
                NDManager scratch = x0.getManager().newSubManager()) {
            scratch.tempAttachAll(x0, x1);
            return R1Penalty.of(gan, x0, x1, gamma).getFloat();
        }
    }

    @Test
    void itsGradientIsTheFiniteDifferenceOfItsValueAndDsOwnGradientIsCleared() {
        Torch.start();
        Torch.seed(3);
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false, 3);
        try (NDManager m = Torch.newManager(); ResidualGan gan = new ResidualGan(model, m)) {
            Trainability.set(gan.d(), true);
            // Weights of N(0, 0.02) leave D's verdicts flat, its input gradients near 1e-5: too faint for float32
            // differences. Eight times larger, the penalty is far from zero.
            for (Parameter q : gan.d().getParameters().values()) {
                q.getArray().muli(8);
            }
            NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray x1 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            double gamma = 10;
            Parameter first = gan.d().getParameters().valueAt(0);
            NDArray w = first.getArray();
            float[] gradient;
            float value;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector();
                    NDManager scratch = m.newSubManager()) {
                scratch.tempAttachAll(x0, x1);
                NDArray p = R1Penalty.of(gan, x0, x1, gamma);
                for (Parameter q : gan.d().getParameters().values()) {
                    if (Trainability.isLearnable(q)) {
                        assertThat(q.getArray().getGradient().abs().sum().getFloat()).as(q.getName()).isZero();
                    }
                }
                value = p.getFloat();
                gc.backward(p);
                gradient = w.getGradient().toFloatArray();
            }
            assertThat(value).isPositive();
            // the three weights of the first conv with the largest gradient, each nudged both ways
            Integer[] order = new Integer[gradient.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Float.compare(Math.abs(gradient[b]), Math.abs(gradient[a])));
            long[] shape = w.getShape().getShape();
            for (int k = 0; k < 3; k++) {
                int i = order[k];
                long[] where = {i / (shape[1] * shape[2] * shape[3]), i / (shape[2] * shape[3]) % shape[1],
                    i / shape[3] % shape[2], i % shape[3]};
                NDIndex at = new NDIndex(where);
                float original = w.getFloat(where);
                // Small: the penalty bends sharply (at 1e-3 the difference crosses leaky ReLUs' kinks and is off by half).
                float eps = 1e-4f;
                w.set(at, original + eps);
                float up = penalty(gan, x0, x1, gamma);
                w.set(at, original - eps);
                float down = penalty(gan, x0, x1, gamma);
                w.set(at, original);
                double numeric = (up - down) / (2.0 * eps);
                assertThat(numeric).as("weight %d: autograd %g", i, gradient[i])
                        .isCloseTo(gradient[i], org.assertj.core.data.Offset.offset(0.05 * Math.abs(gradient[i]) + 1e-6));
            }
        }
    }
}
