package dev.resface.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resface.data.FaceAttribute;
import dev.resface.data.synth.SynthFaces;
import dev.resface.engine.Torch;
import dev.resface.experiment.ExperimentRunner;
import dev.resface.experiment.RunResult;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.training.DataConfig;
import dev.resface.training.LossWeights;
import dev.resface.training.RunConfig;
import dev.resface.training.RunFolder;
import dev.resface.training.TrainConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryTest {
    /** A kill between two runs of a gallery. */
    static final class Killed extends RuntimeException {}

    private static RunConfig config(Path data, FaceAttribute attribute, double alpha) {
        ModelConfig model = new ModelConfig(32, 0.25, Upsampling.CONV_THEN_NEAREST, 0.2f, true, true, false);
        TrainConfig train = new TrainConfig(attribute, 3, 2, 2e-4, null, 0.5, 0.999,
                new LossWeights(alpha, null, false), true, null, 7, 3, 3, 1);
        return new RunConfig(model, train, new DataConfig(data.toString(), "paper", false, null, false));
    }

    @Test
    void threeAttributesTrainResumeAndReportTheirFigureChainAndBars(@TempDir Path dir) throws Exception {
        Torch.start();
        Path data = dir.resolve("synth");
        SynthFaces.write(data, 200, 1);
        Map<FaceAttribute, RunConfig> configs = new LinkedHashMap<>();
        configs.put(FaceAttribute.EYEGLASSES, config(data, FaceAttribute.EYEGLASSES, 3e-2));
        configs.put(FaceAttribute.SMILING, config(data, FaceAttribute.SMILING, 3e-2));
        configs.put(FaceAttribute.NO_BEARD, config(data, FaceAttribute.NO_BEARD, 1e-3));
        Gallery gallery = new Gallery(configs, 1);
        Path out = dir.resolve("gallery");
        ExperimentRunner.Options o = new ExperimentRunner.Options(configs.get(FaceAttribute.EYEGLASSES),
                gallery.configurations(), 1, null, 4, out);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        // Killed after the first attribute is scored: the rerun reads it back and trains only the others.
        List<String> scored = new ArrayList<>();
        try {
            ExperimentRunner.run(o, quiet, r -> {
                scored.add(r.configuration());
                throw new Killed();
            });
        } catch (Killed expected) {
            // the kill
        }
        assertThat(scored).containsExactly("Eyeglasses");
        Path glasses = ExperimentRunner.runFolder(out, "Eyeglasses", 1);
        FileTime trained = Files.getLastModifiedTime(new RunFolder(glasses).checkpoint());
        List<RunResult> results = ExperimentRunner.run(o, quiet, r -> scored.add(r.configuration()));
        assertThat(scored).containsExactly("Eyeglasses", "Smiling", "No_Beard");
        assertThat(Files.getLastModifiedTime(new RunFolder(glasses).checkpoint())).isEqualTo(trained);

        // Each run is its attribute's own configuration, with the runner's seed, not the preset's.
        RunConfig smiling = RunConfig.read(ExperimentRunner.runFolder(out, "Smiling", 1));
        assertThat(smiling.train().attribute()).isEqualTo(FaceAttribute.SMILING);
        assertThat(smiling.train().seed()).isEqualTo(1);
        assertThat(RunConfig.read(ExperimentRunner.runFolder(out, "No_Beard", 1)).train().lossWeights().alpha())
                .isEqualTo(1e-3);

        GalleryReport.write(out, gallery, results, 0.5);
        // The figure: three rows (one per attribute) of 3 faces x 5 cells at 32px, cells of 96 px (scale 3).
        BufferedImage figure = ImageIO.read(out.resolve(GalleryReport.FIGURE).toFile());
        assertThat(figure.getWidth()).isEqualTo(150 + 2 + 15 * (96 + 2) + 2 * 10);
        assertThat(figure.getHeight()).isEqualTo(22 + 2 + 3 * (96 + 2));
        // The chain: glasses, smile, beard on the same three faces: input and three steps.
        BufferedImage chain = ImageIO.read(out.resolve(GalleryReport.CHAIN).toFile());
        assertThat(chain.getWidth()).isEqualTo(150 + 2 + 4 * (96 + 2));
        assertThat(chain.getHeight()).isEqualTo(22 + 2 + 3 * (96 + 2));

        JsonNode json = new ObjectMapper().readTree(out.resolve(GalleryReport.RESULTS).toFile());
        assertThat(json.path("attributes")).hasSize(3);
        JsonNode beard = json.path("attributes").get(2);
        assertThat(beard.path("attribute").asText()).isEqualTo("No_Beard");
        assertThat(beard.path("alpha").asDouble()).isEqualTo(1e-3);
        assertThat(beard.path("remove").path("edit").asText()).isEqualTo("+beard");
        // No classifier: success was not measured, which is null (not "NaN") and a bar that is not met.
        JsonNode success = beard.path("add").path("metrics").path("success");
        assertThat(success.path("mean").isNull()).isTrue();
        assertThat(success.path("seeds").asInt()).isZero();
        assertThat(beard.path("add").path("shortOf").get(0).asText()).isEqualTo("success not measured");
        assertThat(beard.path("add").path("metrics").path("remnant").path("mean").asDouble())
                .isEqualTo(results.get(2).value("add", RunResult.Metric.REMNANT));
        String html = Files.readString(out.resolve(GalleryReport.HTML));
        assertThat(html).contains("No_Beard (local attribute): 3 iterations at 32px", "G1 +beard", "chain.png");
    }
}
