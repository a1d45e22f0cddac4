package dev.resface.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.model.Trainability;
import dev.resface.model.Upsampling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which learnable parameters each of the three updates of an iteration changes, and which it leaves alone. */
class TrainerStepTest {
    static TrainConfig config() {
        return new TrainConfig(FaceAttribute.EYEGLASSES, 10, 2, 2e-4, 0.5, 0.999,
                new LossWeights(null, null, true), true, 1, 100, 100, 1);
    }

    @Test
    void eachStepUpdatesOnlyItsOwnNetwork() {
        Torch.start();
        try (NDManager m = Torch.newManager();
                ResidualGan gan = new ResidualGan(new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false), m)) {
            ResidualGanTrainer trainer = new ResidualGanTrainer(gan, config());
            NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray x1 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));

            List<float[]> g0 = snapshot(gan.g0());
            List<float[]> g1 = snapshot(gan.g1());
            List<float[]> d = snapshot(gan.d());
            try (NDManager scratch = m.newSubManager()) {
                trainer.stepDiscriminator(x0, x1, scratch);
            }
            assertThat(changed(d, gan.d())).isEqualTo(count(gan.d()));
            assertThat(changed(g0, gan.g0())).isZero();
            assertThat(changed(g1, gan.g1())).isZero();

            d = snapshot(gan.d());
            try (NDManager scratch = m.newSubManager()) {
                trainer.stepGenerator(gan.g0(), gan.g1(), trainer.optimizers()[0], x0,
                        dev.resface.losses.DClass.REAL_POSITIVE, dev.resface.losses.DClass.REAL_NEGATIVE, scratch);
            }
            assertThat(changed(g0, gan.g0())).isEqualTo(count(gan.g0()));
            assertThat(changed(g1, gan.g1())).isZero();
            assertThat(changed(d, gan.d())).isZero();

            g0 = snapshot(gan.g0());
            try (NDManager scratch = m.newSubManager()) {
                trainer.stepGenerator(gan.g1(), gan.g0(), trainer.optimizers()[1], x1,
                        dev.resface.losses.DClass.REAL_NEGATIVE, dev.resface.losses.DClass.REAL_POSITIVE, scratch);
            }
            assertThat(changed(g1, gan.g1())).isEqualTo(count(gan.g1()));
            assertThat(changed(g0, gan.g0())).isZero();
            assertThat(changed(d, gan.d())).isZero();
        }
    }

    /** The dual term must reach G0 through G1: with dual learning G0's gradient differs from the no-dual one. */
    @Test
    void dualTermFlowsThroughTheFrozenOtherGenerator() {
        Torch.start();
        float[][] firstConv = new float[2][];
        for (int run = 0; run < 2; run++) {
            Torch.seed(7);
            try (NDManager m = Torch.newManager();
                    ResidualGan gan = new ResidualGan(new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false), m)) {
                TrainConfig c = config();
                c = new TrainConfig(c.attribute(), c.iterations(), c.batchSize(), c.learningRate(), c.adamBeta1(),
                        c.adamBeta2(), c.lossWeights(), run == 0, c.seed(), c.sampleEvery(), c.checkpointEvery(), c.logEvery());
                ResidualGanTrainer trainer = new ResidualGanTrainer(gan, c);
                NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                // Adam's first update is lr * sign(gradient); the second one shows gradient magnitudes.
                for (int step = 0; step < 2; step++) {
                    try (NDManager scratch = m.newSubManager()) {
                        trainer.stepGenerator(gan.g0(), gan.g1(), trainer.optimizers()[0], x0,
                                dev.resface.losses.DClass.REAL_POSITIVE, dev.resface.losses.DClass.REAL_NEGATIVE, scratch);
                    }
                }
                firstConv[run] = gan.g0().getParameters().valueAt(0).getArray().toFloatArray();
            }
        }
        assertThat(firstConv[0]).isNotEqualTo(firstConv[1]);
    }

    static List<float[]> snapshot(Block b) {
        List<float[]> out = new ArrayList<>();
        for (var e : b.getParameters()) {
            if (Trainability.isLearnable(e.getValue())) {
                out.add(e.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    static int count(Block b) {
        return snapshot(b).size();
    }

    /** How many learnable tensors differ from the snapshot. */
    static int changed(List<float[]> before, Block b) {
        List<float[]> now = snapshot(b);
        int n = 0;
        for (int i = 0; i < now.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), now.get(i))) {
                n++;
            }
        }
        return n;
    }

}
