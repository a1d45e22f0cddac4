package dev.resface.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.SynthFaces;
import dev.resface.engine.Torch;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.training.DataConfig;
import dev.resface.training.LossWeights;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    /** A kill between two runs of an experiment. */
    static final class Killed extends RuntimeException {}

    @Test
    void twoConfigurationsEndToEndResumingAfterTheFirstFinishedRun(@TempDir Path dir) throws Exception {
        Torch.start();
        Path data = dir.resolve("synth");
        SynthFaces.write(data, 200, 1);
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false);
        TrainConfig train = new TrainConfig(FaceAttribute.EYEGLASSES, 3, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(3e-2, null, false), true, null, 1, 3, 3, 1);
        RunConfig base = new RunConfig(model, train, new DataConfig(data.toString(), "paper", false, null, false));
        Path out = dir.resolve("experiment");
        ExperimentRunner.Options o = new ExperimentRunner.Options(base,
                Configuration.chosen(List.of(Configuration.VAE_GAN, Configuration.PAPER)), 1, null, 4, out);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        List<String> scored = new ArrayList<>();
        assertThatThrownBy(() -> ExperimentRunner.run(o, quiet, r -> {
            scored.add(r.configuration());
            throw new Killed();
        })).isInstanceOf(Killed.class);
        // The paper's configuration comes first whatever order it was asked in.
        assertThat(scored).containsExactly(Configuration.PAPER);
        Path first = ExperimentRunner.runFolder(out, Configuration.PAPER, 1);
        FileTime trained = Files.getLastModifiedTime(new RunFolder(first).checkpoint());

        List<RunResult> results = ExperimentRunner.run(o, quiet, r -> scored.add(r.configuration()));
        assertThat(scored).containsExactly(Configuration.PAPER, Configuration.VAE_GAN);
        assertThat(Files.getLastModifiedTime(new RunFolder(first).checkpoint())).isEqualTo(trained);
        assertThat(results).extracting(RunResult::configuration).containsExactly(Configuration.PAPER, Configuration.VAE_GAN);
        RunResult paper = results.get(0);
        assertThat(paper.iterations()).isEqualTo(3);
        // SynthFaces has pairs and masks: ground truth, region and hair are measured; no classifier: no success.
        assertThat(paper.value("add", RunResult.Metric.TRUTH_GAIN)).isFinite();
        assertThat(paper.value("remove", RunResult.Metric.MAE_OUTSIDE)).isFinite();
        assertThat(paper.value("add", RunResult.Metric.HAIR_CHANGE)).isFinite();
        assertThat(paper.value("add", RunResult.Metric.SUCCESS)).isNaN();
        // A 3-iteration resface barely moves a face; VAE-GAN re-draws all of it.
        assertThat(results.get(1).value("add", RunResult.Metric.MAE_OUTSIDE))
                .isGreaterThan(paper.value("add", RunResult.Metric.MAE_OUTSIDE));
        // Only a latent model has a reconstruction to score: a 3-iteration one, far from its input.
        assertThat(paper.value("add", RunResult.Metric.RECONSTRUCTION_PSNR)).isNaN();
        assertThat(results.get(1).value("add", RunResult.Metric.RECONSTRUCTION_PSNR)).isBetween(3.0, 20.0);

        // The same folder with another budget is refused, not read back as this one.
        ExperimentRunner.Options longer = new ExperimentRunner.Options(base.withIterations(4), o.configurations(), 1,
                null, 4, out);
        assertThatThrownBy(() -> ExperimentRunner.run(longer, quiet, r -> {}))
                .isInstanceOf(dev.resface.BadInputException.class).hasMessageContaining("other settings");

        // A damaged result is the user's to see, by name, not a crash.
        Path result = ExperimentRunner.runFolder(out, Configuration.VAE_GAN, 1).resolve(RunResult.FILE);
        String kept = Files.readString(result);
        Files.writeString(result, "{\"configuration\": ");
        assertThatThrownBy(() -> ExperimentRunner.run(o, quiet, r -> {}))
                .isInstanceOf(dev.resface.BadInputException.class).hasMessageContaining(result.toString());
        Files.writeString(result, kept);

        ExperimentReport.write(out, o, results);
        JsonNode json = new ObjectMapper().readTree(out.resolve(ExperimentReport.RESULTS).toFile());
        assertThat(json.path("configurations")).hasSize(2);
        assertThat(json.path("configurations").get(0).path("id").asText()).isEqualTo(Configuration.PAPER);
        JsonNode vaeClaim = null;
        for (JsonNode c : json.path("claims").path("paper")) {
            if (c.path("statement").asText().startsWith("resface changes less outside the attribute region than VAE")) {
                vaeClaim = c;
            }
        }
        assertThat(vaeClaim).isNotNull();
        // Without a classifier, nothing says the two edit alike: a 3-iteration resface wins by barely editing.
        assertThat(vaeClaim.path("verdict").asText()).startsWith("not comparable: success not measured");
        assertThat(vaeClaim.path("evidence").asText()).contains("vae-gan");
        assertThat(json.path("claims").path("project")).hasSize(5);
        // Scores that were not measured are null, never "NaN".
        assertThat(Files.readString(out.resolve(ExperimentReport.RESULTS))).doesNotContain("NaN");
        String html = Files.readString(out.resolve(ExperimentReport.HTML));
        assertThat(html).contains("resface (the paper&#39;s method)", "VAE-GAN (Larsen et al.)", "figure-add.png");
        assertThat(out.resolve("figure-remove.png")).exists();
    }
}
