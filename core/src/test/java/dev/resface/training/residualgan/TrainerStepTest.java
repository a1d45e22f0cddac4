package dev.resface.training.residualgan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.model.Direction;
import dev.resface.model.GeneratorDesign;
import dev.resface.model.ImageRegion;
import dev.resface.model.ModelConfig;
import dev.resface.model.ResidualGan;
import dev.resface.model.Trainability;
import dev.resface.model.Upsampling;
import dev.resface.training.LossWeights;
import dev.resface.training.StepLosses;
import dev.resface.training.TrainConfig;
import dev.resface.training.residualgan.ResidualGanTrainer.Phase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which learnable parameters each of the three updates of an iteration changes, and which it leaves alone. */
class TrainerStepTest {
    static TrainConfig config() {
        return new TrainConfig(FaceAttribute.EYEGLASSES, 10, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(null, null, true), true, null, 1, 100, 100, 1);
    }

    @Test
    void eachStepUpdatesOnlyItsOwnNetwork() {
        Torch.start();
        try (NDManager m = Torch.newManager();
                ResidualGan gan = new ResidualGan(new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false), m)) {
            ResidualGanTrainer trainer = new ResidualGanTrainer(gan, config());
            NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray x1 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            Observed observed = observe(trainer, gan, x0, x1);
            Map<Phase, Map<Block, Integer>> changes = observed.changes();
            assertThat(changes.get(Phase.D)).containsEntry(gan.d(), count(gan.d())).containsEntry(gan.g0(), 0).containsEntry(gan.g1(), 0);
            assertThat(changes.get(Phase.G0)).containsEntry(gan.g0(), count(gan.g0())).containsEntry(gan.g1(), 0).containsEntry(gan.d(), 0);
            assertThat(changes.get(Phase.G1)).containsEntry(gan.g1(), count(gan.g1())).containsEntry(gan.g0(), 0).containsEntry(gan.d(), 0);
        }
    }

    /**
     * The removal candidates together (full-resolution path, masked blend, moving average, undo term), with and
     * without batch norm in D: each update still changes only its own network, the averages move only after both
     * generators have, no array is left behind, and the undo term is logged for both generators.
     */
    @Test
    void theRemovalCandidatesKeepEachUpdateToItsOwnNetwork() {
        Torch.start();
        for (boolean batchNorm : new boolean[] {false, true}) {
            // Not zero-initialised: a zero last conv passes no gradient to the layers before it in the first step.
            ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, batchNorm,
                    null, GeneratorDesign.parse("skip-masked", 0.9), true);
            TrainConfig train = new TrainConfig(FaceAttribute.EYEGLASSES, 10, 2, 2e-4, null, 0.5, 0.999,
                    new LossWeights(null, null, true, null, 4.0), true, null, 1, 100, 100, 1);
            try (NDManager m = Torch.newManager(); ResidualGan gan = new ResidualGan(model, m);
                    NDManager step = m.newSubManager()) {
                ResidualGanTrainer trainer = new ResidualGanTrainer(gan, train);
                NDArray x0 = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                NDArray x1 = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                Block avg0 = gan.editing(Direction.ADD);
                Block avg1 = gan.editing(Direction.REMOVE);
                Observed observed = observe(trainer, gan, x0, x1);
                Map<Phase, Map<Block, Integer>> changes = observed.changes();
                StepLosses losses = observed.losses();
                assertThat(changes.get(Phase.D)).containsEntry(gan.d(), count(gan.d())).containsEntry(gan.g0(), 0)
                        .containsEntry(gan.g1(), 0).containsEntry(avg0, 0);
                assertThat(changes.get(Phase.G0)).containsEntry(gan.g0(), count(gan.g0())).containsEntry(gan.g1(), 0)
                        .containsEntry(gan.d(), 0).containsEntry(avg0, 0);
                assertThat(changes.get(Phase.G1)).containsEntry(gan.g1(), count(gan.g1())).containsEntry(gan.g0(), 0)
                        .containsEntry(gan.d(), 0).containsEntry(avg1, 0);
                assertThat(changed(observed.after().get(avg0), avg0)).isEqualTo(count(avg0));
                assertThat(changed(observed.after().get(avg1), avg1)).isEqualTo(count(avg1));
                assertThat(losses.values()).containsKeys("G0_undo", "G1_undo");
                assertThat(losses.values().get("G1_undo")).isPositive();
                assertThat(losses.allFinite()).isTrue();
                int arrays = step.getManagedArrays().size();
                trainer.step(x0, x1);
                assertThat(step.getManagedArrays()).hasSize(arrays);
            }
        }
    }

    /**
     * The region D learns with D and only then; each generator's loss gains its verdict. Its weights start near zero,
     * so every patch's logits are near 0 and each cross-entropy near ln 3: D's region loss (eq. 9's four terms) near
     * 4 ln 3 and each generator's region term near ln 3.
     */
    @Test
    void theRegionDLearnsWithDAndJudgesEachGeneratorsEdit() {
        Torch.start();
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false)
                .withRegionDiscriminator(new ImageRegion(0.1, 0.25, 0.9, 0.75));
        try (NDManager m = Torch.newManager(); ResidualGan gan = new ResidualGan(model, m)) {
            ResidualGanTrainer trainer = new ResidualGanTrainer(gan, config());
            assertThat(trainer.optimizers()).hasSize(4);
            NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray x1 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            Observed observed = observe(trainer, gan, x0, x1);
            Map<Phase, Map<Block, Integer>> changes = observed.changes();
            StepLosses losses = observed.losses();
            Block region = gan.regionD();
            assertThat(changes.get(Phase.D)).containsEntry(region, count(region)).containsEntry(gan.d(), count(gan.d()))
                    .containsEntry(gan.g0(), 0);
            assertThat(changes.get(Phase.G0)).containsEntry(region, 0).containsEntry(gan.g0(), count(gan.g0()));
            assertThat(changes.get(Phase.G1)).containsEntry(region, 0).containsEntry(gan.g1(), count(gan.g1()));
            double ln3 = Math.log(3);
            assertThat(losses.values().get("loss_D_region")).isCloseTo((float) (4 * ln3), within(0.02f));
            assertThat(losses.values().get("loss_G0_region")).isCloseTo((float) ln3, within(0.01f));
            assertThat(losses.values().get("loss_G1_region")).isCloseTo((float) ln3, within(0.01f));
            // G's total is eq. 8 plus the region term
            for (String k : new String[] {"0", "1"}) {
                Map<String, Float> v = losses.values();
                LossWeights w = config().lossWeights();
                double expected = v.get("loss_G" + k + "_adv") + v.get("loss_G" + k + "_dual")
                        + w.pixelWeight(FaceAttribute.EYEGLASSES, 32) * v.get("G" + k + "_pix")
                        + w.effectiveBeta(FaceAttribute.EYEGLASSES, 32) * v.get("G" + k + "_per")
                        + v.get("loss_G" + k + "_region");
                assertThat(v.get("loss_G" + k)).as(k).isCloseTo((float) expected, within(1e-4f));
            }
        }
    }

    /**
     * R1 and spectral norm on D: D's update still changes D alone, the generators' theirs alone, the penalty is
     * logged, and the spectral norm's vectors (running statistics, not learnt) move with D's passes.
     */
    @Test
    void r1AndSpectralNormKeepEachUpdateToItsOwnNetwork() {
        Torch.start();
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false, 3)
                .withDiscriminatorSpectralNorm(true);
        TrainConfig train = config().withLossWeights(new LossWeights(null, null, true, null, null, 1.0));
        try (NDManager m = Torch.newManager(); ResidualGan gan = new ResidualGan(model, m);
                NDManager step = m.newSubManager()) {
            ResidualGanTrainer trainer = new ResidualGanTrainer(gan, train);
            NDArray x0 = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray x1 = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            float[] u = gan.d().getParameters().valueAt(2).getArray().toFloatArray();
            assertThat(gan.d().getParameters().valueAt(2).getName()).isEqualTo("u");
            Observed observed = observe(trainer, gan, x0, x1);
            Map<Phase, Map<Block, Integer>> changes = observed.changes();
            StepLosses losses = observed.losses();
            assertThat(changes.get(Phase.D)).containsEntry(gan.d(), count(gan.d())).containsEntry(gan.g0(), 0)
                    .containsEntry(gan.g1(), 0);
            assertThat(changes.get(Phase.G0)).containsEntry(gan.g0(), count(gan.g0())).containsEntry(gan.d(), 0);
            assertThat(changes.get(Phase.G1)).containsEntry(gan.g1(), count(gan.g1())).containsEntry(gan.d(), 0);
            assertThat(losses.values().get("D_r1")).isPositive();
            assertThat(losses.allFinite()).isTrue();
            assertThat(gan.d().getParameters().valueAt(2).getArray().toFloatArray()).isNotEqualTo(u);
            int arrays = step.getManagedArrays().size();
            int modelArrays = gan.manager().getManagedArrays().size();
            trainer.step(x0, x1);
            assertThat(step.getManagedArrays()).hasSize(arrays);
            // nothing a pass makes from D's weights stays in the model's manager
            assertThat(gan.manager().getManagedArrays()).hasSize(modelArrays);
        }
    }

    /** Every array an iteration makes, the inputs' channels-last copies included, is closed by its end. */
    @Test
    void anIterationLeavesNoArrayInTheCallersManager() {
        Torch.start();
        try (NDManager m = Torch.newManager();
                ResidualGan gan = new ResidualGan(new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, true), m);
                NDManager step = m.newSubManager()) {
            ResidualGanTrainer trainer = new ResidualGanTrainer(gan, config());
            NDArray x0 = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            NDArray x1 = step.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
            trainer.step(x0, x1);
            int arrays = step.getManagedArrays().size();
            StepLosses losses = trainer.step(x0, x1);
            assertThat(step.getManagedArrays()).hasSize(arrays).hasSize(2);
            assertThat(losses.allFinite()).isTrue();
        }
    }

    /** The dual term must reach G0 through G1: with dual learning G0's update differs from the no-dual one. */
    @Test
    void dualTermFlowsThroughTheFrozenOtherGenerator() {
        Torch.start();
        float[][] firstConv = new float[2][];
        for (int run = 0; run < 2; run++) {
            Torch.seed(7);
            try (NDManager m = Torch.newManager();
                    ResidualGan gan = new ResidualGan(new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false), m)) {
                TrainConfig c = config();
                c = new TrainConfig(c.attribute(), c.iterations(), c.batchSize(), c.learningRate(), c.discriminatorLearningRate(), c.adamBeta1(),
                        c.adamBeta2(), c.lossWeights(), run == 0, c.decayFrom(), c.seed(), c.sampleEvery(), c.checkpointEvery(), c.logEvery());
                ResidualGanTrainer trainer = new ResidualGanTrainer(gan, c);
                NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                NDArray x1 = m.randomUniform(-1, 1, new Shape(2, 3, 32, 32));
                // Adam's first update is lr * sign(gradient); the second one shows gradient magnitudes.
                trainer.step(x0, x1);
                trainer.step(x0, x1);
                firstConv[run] = gan.g0().getParameters().valueAt(0).getArray().toFloatArray();
            }
        }
        assertThat(firstConv[0]).isNotEqualTo(firstConv[1]);
    }

    /** What each phase of one step changed, the step's losses, and every block's parameters after its last phase. */
    record Observed(Map<Phase, Map<Block, Integer>> changes, StepLosses losses, Map<Block, List<float[]>> after) {}

    static Observed observe(ResidualGanTrainer trainer, ResidualGan gan, NDArray x0, NDArray x1) {
        Map<Block, List<float[]>> before = new HashMap<>();
        gan.blocks().forEach(b -> before.put(b, snapshot(b)));
        Map<Phase, Map<Block, Integer>> changes = new EnumMap<>(Phase.class);
        StepLosses losses = trainer.step(x0, x1, phase -> {
            Map<Block, Integer> changed = new HashMap<>();
            for (Block b : gan.blocks()) {
                changed.put(b, changed(before.get(b), b));
                before.put(b, snapshot(b));
            }
            changes.put(phase, changed);
        });
        return new Observed(changes, losses, before);
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
