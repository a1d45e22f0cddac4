package dev.resface.training.vaegan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.resface.BadInputException;
import dev.resface.editing.Editor;
import dev.resface.engine.Torch;
import dev.resface.model.Direction;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.model.vaegan.VaeGan;
import dev.resface.model.vaegan.VaeGanConfig;
import dev.resface.training.Methods;
import dev.resface.training.ResumeTest;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainingData;
import dev.resface.training.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class VaeGanTrainingTest {
    static final ModelConfig SHAPE = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false);

    @Test
    void networksHaveThePublishedShapesAtEverySize() {
        Torch.start();
        for (int size : new int[] {32, 64}) {
            try (NDManager m = Torch.newManager(); VaeGan vae = new VaeGan(SHAPE.withImageSize(size),
                    VaeGanConfig.published(), m)) {
                NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, size, size));
                VaeGan.Posterior q = vae.encode(x, false);
                assertThat(q.mean().getShape()).isEqualTo(new Shape(2, 128));
                assertThat(q.logVariance().getShape()).isEqualTo(new Shape(2, 128));
                NDArray decoded = vae.decode(q.mean(), false);
                assertThat(decoded.getShape()).isEqualTo(new Shape(2, 3, size, size));
                assertThat(decoded.abs().max().getFloat()).isLessThanOrEqualTo(1f);
                assertThat(vae.similarityFeatures(x, false).getShape())
                        .isEqualTo(new Shape(2, SHAPE.channels(256), size / 8, size / 8));
                assertThat(vae.realLogit(x, false).getShape()).isEqualTo(new Shape(2, 1));
            }
        }
    }

    @Test
    void anExplodingLogVarianceIsClippedSoThePriorStaysFinite() {
        Torch.start();
        try (NDManager m = Torch.newManager(); VaeGan vae = new VaeGan(SHAPE, VaeGanConfig.published(), m)) {
            var params = vae.encoder().getParameters();
            params.valueAt(params.size() - 1).getArray().addi(1000f); // the bias of mu and log-variance
            VaeGan.Posterior q = vae.encode(m.randomUniform(-1, 1, new Shape(2, 3, 32, 32)), false);
            assertThat(q.logVariance().max().getFloat()).isEqualTo(20f);
            assertThat(dev.resface.losses.VaeGanLosses.prior(q.mean(), q.logVariance()).getFloat()).isFinite();
        }
    }

    /** Every face of one side is the same image: the mean encoding is that image's. */
    static class TwoImages extends ResumeTest.NoiseData {
        final float[] without;
        final float[] with;

        TwoImages(float[] without, float[] with) {
            super(32, 2);
            this.without = without;
            this.with = with;
        }

        @Override
        public int trainingFaceCount(boolean withAttribute) {
            return 70; // more than one batch of 64
        }

        @Override
        public float[] trainingFaces(boolean withAttribute, int from, int count) {
            float[] out = new float[count * without.length];
            for (int i = 0; i < count; i++) {
                System.arraycopy(withAttribute ? with : without, 0, out, i * without.length, without.length);
            }
            return out;
        }
    }

    @Test
    void theAttributeDirectionIsTheMeanEncodingOfFacesWithMinusWithout() {
        Torch.start();
        try (NDManager m = Torch.newManager(); VaeGan vae = new VaeGan(SHAPE, VaeGanConfig.published(), m)) {
            float[] a = m.randomUniform(-1, 1, new Shape(1, 3, 32, 32)).toFloatArray();
            float[] b = m.randomUniform(-1, 1, new Shape(1, 3, 32, 32)).toFloatArray();
            float[] muA = vae.encode(m.create(a, new Shape(1, 3, 32, 32)), false).mean().toFloatArray();
            float[] muB = vae.encode(m.create(b, new Shape(1, 3, 32, 32)), false).mean().toFloatArray();
            AttributeDirection d = AttributeDirection.compute(vae, new TwoImages(b, a), 1000);
            assertThat(d.positives()).isEqualTo(70);
            assertThat(d.negatives()).isEqualTo(70);
            for (int i = 0; i < muA.length; i++) {
                assertThat(d.vector()[i]).isCloseTo(muA[i] - muB[i], within(1e-5f));
            }
            assertThat(vectorNorm(d.vector())).isGreaterThan(1e-3);
            // The same faces on both sides: no direction at all.
            AttributeDirection none = AttributeDirection.compute(vae, new TwoImages(a, a), 1000);
            assertThat(vectorNorm(none.vector())).isLessThan(1e-6);
            // Capped: only the first 10 faces of each side.
            assertThat(AttributeDirection.compute(vae, new TwoImages(b, a), 10).positives()).isEqualTo(10);
        }
    }

    private static double vectorNorm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }

    @Test
    void theBalanceRulePausesTheClearWinner() {
        VaeGanConfig s = VaeGanConfig.published(); // equilibrium 0.68 +- 0.35: [0.33, 1.03]
        assertThat(VaeGanTrainer.balance(0.7, 0.7, s)).isEqualTo(new VaeGanTrainer.Updates(true, true));
        assertThat(VaeGanTrainer.balance(0.2, 0.7, s)).isEqualTo(new VaeGanTrainer.Updates(true, false));
        assertThat(VaeGanTrainer.balance(0.7, 1.2, s)).isEqualTo(new VaeGanTrainer.Updates(false, true));
        // D wins on real faces and loses on generated ones: both would pause, so both learn.
        assertThat(VaeGanTrainer.balance(0.2, 1.2, s)).isEqualTo(new VaeGanTrainer.Updates(true, true));
    }

    public static RunConfig vaeGan(long iterations) {
        return ResumeTest.config(iterations).withMethod(VaeGanMethod.ID);
    }

    @Test
    void resumesBitIdenticallyAndItsRunEditsThroughTheEditor(@TempDir Path dir) throws Exception {
        ResumeTest.NoiseData data = new ResumeTest.NoiseData(32, 2);
        RunFolder whole = new RunFolder(dir.resolve("whole"));
        new TrainingRun(vaeGan(6), whole, data, ResumeTest.quiet()).run(false);
        RunFolder halves = new RunFolder(dir.resolve("halves"));
        new TrainingRun(vaeGan(3), halves, data, ResumeTest.quiet()).run(false);
        new TrainingRun(vaeGan(6), halves, data, ResumeTest.quiet()).run(true);
        assertThat(Files.readAllBytes(halves.checkpoint())).isEqualTo(Files.readAllBytes(whole.checkpoint()));
        assertThat(Files.readAllBytes(AttributeDirection.in(halves))).isEqualTo(Files.readAllBytes(AttributeDirection.in(whole)));
        String metrics = Files.readString(whole.metrics());
        assertThat(metrics).contains("loss_prior", "loss_llike", "D_cost_real", "update_D");
        assertThat(Files.readAllLines(whole.metrics())).hasSize(6);
        assertThat(RunConfig.read(whole.root()).method()).isEqualTo(VaeGanMethod.ID);

        try (Editor editor = Editor.open(whole.root())) {
            float[] x = data.sampleNegatives(1);
            float[] atZero = editor.model().changes(Direction.ADD, x, 1, 0f);
            float[] added = editor.model().changes(Direction.ADD, x, 1, 1f);
            float[] removedBack = editor.model().changes(Direction.REMOVE, x, 1, -1f);
            assertThat(added).hasSize(3 * 32 * 32);
            // Unlike a residual, a latent edit at strength 0 is the reconstruction, not the input.
            assertThat(maxAbs(atZero)).isGreaterThan(0.1f);
            assertThat(added).isNotEqualTo(atZero);
            assertThat(removedBack).containsExactly(added, within(1e-6f));
        }
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    @Test
    void aRunWhoseTrainingDidNotFinishSaysSo(@TempDir Path dir) throws Exception {
        RunFolder run = new RunFolder(dir.resolve("run"));
        new TrainingRun(vaeGan(2), run, new ResumeTest.NoiseData(32, 2), ResumeTest.quiet()).run(false);
        Files.delete(AttributeDirection.in(run));
        assertThatThrownBy(() -> Editor.open(run.root()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(AttributeDirection.FILE).hasMessageContaining("not finished training");
    }

    /** Runs written when methods were an enum name their method RESIDUAL_GAN or VAE_GAN and its settings vaeGan. */
    @Test
    void configsWrittenBeforeMethodsWerePlugInsReadTheSame(@TempDir Path dir) throws Exception {
        RunConfig plain = VaeGanMethod.configure(ResumeTest.config(2), VaeGanConfig.published().asPlainVae());
        plain.write(dir);
        String written = Files.readString(dir.resolve(RunConfig.FILE));
        assertThat(written).contains("\"method\" : \"vae-gan\"", "\"settings\" : {");
        Files.writeString(dir.resolve(RunConfig.FILE), written.replace("\"vae-gan\"", "\"VAE_GAN\"")
                .replace("\"settings\"", "\"vaeGan\""));
        assertThat(RunConfig.read(dir)).isEqualTo(plain);
        RunConfig residual = ResumeTest.config(2);
        residual.write(dir);
        Files.writeString(dir.resolve(RunConfig.FILE), Files.readString(dir.resolve(RunConfig.FILE))
                .replace("\"residual-gan\"", "\"RESIDUAL_GAN\"").replace("\"settings\"", "\"vaeGan\""));
        assertThat(RunConfig.read(dir)).isEqualTo(residual);
        assertThat(residual.settings()).isNull();
        Files.writeString(dir.resolve(RunConfig.FILE), written.replace("\"vae-gan\"", "\"star-gan\""));
        assertThatThrownBy(() -> RunConfig.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(RunConfig.FILE).hasMessageContaining("unknown method 'star-gan'")
                .hasMessageContaining("residual-gan or vae-gan");
    }

    @Test
    void aPlainVaeTrainsEncoderAndDecoderOnPixelsAndNoD(@TempDir Path dir) throws Exception {
        ResumeTest.NoiseData data = new ResumeTest.NoiseData(32, 2);
        RunFolder plain = new RunFolder(dir.resolve("plain"));
        RunConfig config = VaeGanMethod.configure(ResumeTest.config(2), VaeGanConfig.published().asPlainVae());
        new TrainingRun(config, plain, data, ResumeTest.quiet()).run(false);
        RunFolder full = new RunFolder(dir.resolve("full"));
        new TrainingRun(vaeGan(2), full, data, ResumeTest.quiet()).run(false);
        assertThat(VaeGanMethod.settingsOf(RunConfig.read(plain.root())).plainVae()).isTrue();
        // Only the encoder's and decoder's losses.
        List<String> lines = Files.readAllLines(plain.metrics());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("loss_prior", "loss_llike").doesNotContain("loss_D", "update_D");
        try (NDManager m = Torch.newManager()) {
            VaeGan a = (VaeGan) Methods.load(plain, config, m).model();
            VaeGan b = (VaeGan) Methods.load(full, vaeGan(2), m).model();
            Torch.seed(config.train().seed()); // as TrainingRun does before it builds the networks
            VaeGan start = new VaeGan(config.model(), VaeGanMethod.settingsOf(config), m);
            assertThat(sameWeights(a.discriminator(), start.discriminator())).as("plain VAE's D").isTrue();
            assertThat(sameWeights(b.discriminator(), start.discriminator())).as("VAE-GAN's D").isFalse();
            assertThat(sameWeights(a.encoder(), start.encoder())).isFalse();
            assertThat(sameWeights(a.decoder(), start.decoder())).isFalse();
        }
    }

    private static boolean sameWeights(ai.djl.nn.Block a, ai.djl.nn.Block b) {
        var pa = a.getParameters();
        var pb = b.getParameters();
        for (int i = 0; i < pa.size(); i++) {
            if (!Arrays.equals(pa.valueAt(i).getArray().toFloatArray(), pb.valueAt(i).getArray().toFloatArray())) {
                return false;
            }
        }
        return true;
    }
}
