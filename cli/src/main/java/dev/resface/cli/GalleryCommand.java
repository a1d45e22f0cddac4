package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.FaceAttribute;
import dev.resface.engine.Torch;
import dev.resface.experiment.ExperimentRunner;
import dev.resface.experiment.RunResult;
import dev.resface.gallery.Gallery;
import dev.resface.gallery.GalleryReport;
import dev.resface.training.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gallery", mixinStandardHelpOptions = true,
        description = "The paper's six attributes on the demo's SynthFaces: trains each with the CPU preset at its own"
                + " alpha, for each seed; scores every run against the truth; writes OUT/report.html (the figure of every"
                + " attribute both ways, chained edits, a table per attribute) and OUT/results.json. Resumable: rerun"
                + " the same command to continue.")
final class GalleryCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "runs/gallery", description = "gallery folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--attributes", split = ",", description = "which attributes, comma-separated (default: all six)")
    List<String> attributes;

    @Option(names = "--seeds", defaultValue = "1", description = "seeds 1..N for every attribute (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--faces", defaultValue = "2000", description = "SynthFaces to draw into OUT/synth (default ${DEFAULT-VALUE})")
    int faces;

    @Option(names = "--iterations", description = "training iterations of every attribute (default: the CPU preset's)")
    Long iterations;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (seeds < 1) {
            throw new BadInputException("--seeds must be at least 1, got " + seeds);
        }
        List<FaceAttribute> chosen = attributes == null ? Arrays.asList(FaceAttribute.values())
                : attributes.stream().map(FaceAttribute::parse).distinct().toList();
        Path data = out.resolve("synth");
        // Resolved first, so that a bad option is refused before anything is drawn.
        Gallery gallery = new Gallery(configs(chosen, data), seeds);
        Torch.start();
        DemoData.faces(out, faces, 1);
        Path classifier = DemoData.classifier(out, data, 1);
        ExperimentRunner.Options o = new ExperimentRunner.Options(gallery.config(chosen.get(0)),
                gallery.configurations(), seeds, classifier, 0, out);
        List<RunResult> results = ExperimentRunner.run(o, System.err, r -> {});
        double minutes = (System.nanoTime() - started) / 60e9;
        GalleryReport.write(out, gallery, results, minutes);
        System.out.printf("gallery: %d runs; %s and %s (%.1f minutes)%n", results.size(),
                out.resolve(GalleryReport.HTML), out.resolve(GalleryReport.RESULTS), minutes);
        return 0;
    }

    /** Each attribute as `train --preset CPU --attribute A --data DATA` would configure it. */
    private Map<FaceAttribute, RunConfig> configs(List<FaceAttribute> chosen, Path data) {
        List<String> args = new ArrayList<>();
        if (iterations != null) {
            args.addAll(List.of("--iterations", String.valueOf(iterations)));
        }
        TrainOptions train = CommandLine.populateCommand(new TrainOptions(), args.toArray(String[]::new));
        DataOptions d = CommandLine.populateCommand(new DataOptions(), "--data", data.toString());
        ModelOptions model = CommandLine.populateCommand(new ModelOptions());
        Map<FaceAttribute, RunConfig> configs = new LinkedHashMap<>();
        for (FaceAttribute a : chosen) {
            configs.put(a, OptionValues.checked(() -> model.runConfig(Preset.CPU, train, a, d.resolve())));
        }
        return configs;
    }
}
