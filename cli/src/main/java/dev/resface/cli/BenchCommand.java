package dev.resface.cli;

import dev.resface.data.real.DlibExampleFaces;
import dev.resface.engine.Torch;
import dev.resface.landmarks.LandmarkBenchmark;
import dev.resface.model.ModelConfig;
import dev.resface.training.Benchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time dlib's landmark model, then training iterations and generator inference for the paper's"
                + " configuration and the CPU preset.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--timed", defaultValue = "5", description = "timed iterations per configuration (default ${DEFAULT-VALUE})")
    int timed;

    @Option(names = "--skip-batch64", description = "leave out the paper's batch 64 at 128px (about 30 s an iteration on 2 cores)")
    boolean skipBatch64;

    @Option(names = "--landmarks-only", description = "only time dlib's landmark model (load and one face)")
    boolean landmarksOnly;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() {
        LandmarkBenchmark.run(predictor.file, DlibExampleFaces.DEFAULT_FOLDER, 20, System.out);
        if (landmarksOnly) {
            return 0;
        }
        Torch.start();
        System.out.println(Torch.describe());
        Benchmark bench = new Benchmark(System.out);
        ModelConfig paper = ModelConfig.paper();
        ModelConfig cpu = Preset.CPU.model();
        bench.training(paper, 8, 2, timed);
        bench.peakMemory();
        if (!skipBatch64) {
            bench.training(paper, 64, 1, Math.max(1, timed / 2));
        }
        bench.training(cpu, Preset.CPU.batchSize(), 2, timed);
        for (ModelConfig c : new ModelConfig[] {paper, cpu}) {
            bench.inference(c, 1, 20);
            bench.inference(c, 32, 5);
        }
        bench.peakMemory();
        return 0;
    }
}
