package dev.resface.model.vaegan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.Trainability;
import dev.resface.model.Upsampling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where resface's VAE-GAN follows its authors' code (celeba_aegan.py, deeppy), each point checked by hand. */
class VaeGanRecipeTest {
    static final ModelConfig SHAPE = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false);

    @Test
    void startWeightsAreUniformWithinOneOverSqrtThreeFanIn() {
        Torch.seed(5);
        try (NDManager m = Torch.newManager()) {
            // a 5x5 conv from 3 channels: fan_in 75, bound 1/15; a dense layer from 1024 inputs: 1/sqrt(3072)
            for (Shape shape : new Shape[] {new Shape(64, 3, 5, 5), new Shape(256, 1024)}) {
                double bound = shape.dimension() == 4 ? 1 / 15.0 : 1 / Math.sqrt(3072);
                assertThat(AutoFiller.scale(shape)).isCloseTo(bound, within(1e-12));
                float[] w = new AutoFiller().initialize(m, shape, DataType.FLOAT32).toFloatArray();
                double sumSquares = 0;
                for (float v : w) {
                    assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
                    sumSquares += v * (double) v;
                }
                // a uniform's standard deviation is its bound over sqrt(3)
                assertThat(Math.sqrt(sumSquares / w.length)).isCloseTo(bound / Math.sqrt(3), within(0.03 * bound));
            }
        }
    }

    @Test
    void everyNetworkStartsFromTheCodesWeights() {
        Torch.seed(5);
        try (NDManager m = Torch.newManager(); VaeGan vae = new VaeGan(SHAPE, VaeGanConfig.published(), m)) {
            int weights = 0;
            for (var block : vae.blocks()) {
                for (var p : block.getParameters()) {
                    if (p.getValue().getType() != Parameter.Type.WEIGHT) {
                        continue;
                    }
                    NDArray w = p.getValue().getArray();
                    double bound = AutoFiller.scale(w.getShape());
                    assertThat(w.abs().max().getFloat()).as(p.getKey()).isLessThanOrEqualTo((float) bound)
                            .isGreaterThan((float) (0.9 * bound));
                    weights++;
                }
            }
            // encoder 3 convs + 2 dense, decoder 1 dense + 4 convs, D 4 convs + 2 dense
            assertThat(weights).isEqualTo(16);
        }
    }

    @Test
    void gammaIsScaledToDisLsSize() {
        Torch.start();
        try (NDManager m = Torch.newManager()) {
            // the code's 64px networks: Dis_l 256 x 8 x 8, gamma as configured
            try (VaeGan full = new VaeGan(SHAPE.withImageSize(64).withWidth(1.0), VaeGanConfig.published(), m)) {
                assertThat(full.reconstructionWeight()).isCloseTo(1e-6, within(1e-18));
            }
            // 32px at width 0.25: Dis_l 64 x 4 x 4 = 1,024 values, 16x fewer, so 16x the weight
            try (VaeGan narrow = new VaeGan(SHAPE, VaeGanConfig.published(), m)) {
                assertThat(narrow.reconstructionWeight()).isCloseTo(16e-6, within(1e-18));
            }
        }
    }

    @Test
    void keptStatisticsComeBackAfterAPassForD() {
        Torch.seed(5);
        try (NDManager m = Torch.newManager(); VaeGan vae = new VaeGan(SHAPE, VaeGanConfig.published(), m)) {
            List<float[]> before = runningStatistics(vae);
            VaeGan.KeptStatistics kept = vae.keepDecoderStatistics(m);
            vae.decode(m.randomNormal(new Shape(4, 128)), true);
            List<float[]> moved = runningStatistics(vae);
            assertThat(moved.get(0)).isNotEqualTo(before.get(0));
            kept.restore();
            List<float[]> after = runningStatistics(vae);
            assertThat(after).hasSize(8); // mean and variance of the dense layer's and three convs' batch norms
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).containsExactly(before.get(i));
            }
        }
    }

    @Test
    void theMuAndLogVarianceHeadIsTheEncodersLastLayer() {
        Torch.start();
        try (NDManager m = Torch.newManager(); VaeGan vae = new VaeGan(SHAPE, VaeGanConfig.published(), m)) {
            var head = vae.posteriorHead();
            assertThat(head).hasSize(2);
            for (Parameter p : head) {
                // 2 x 128 outputs: mu and log-variance
                assertThat(p.getArray().getShape().get(0)).isEqualTo(256);
            }
        }
    }

    private static List<float[]> runningStatistics(VaeGan vae) {
        List<float[]> out = new ArrayList<>();
        for (var p : vae.decoder().getParameters()) {
            if (!Trainability.isLearnable(p.getValue())) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }
}
