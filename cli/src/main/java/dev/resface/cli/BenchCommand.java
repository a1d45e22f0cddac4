package dev.resface.cli;

import dev.resface.BadInputException;
import dev.resface.data.real.DlibExampleFaces;
import dev.resface.data.synth.SynthFaces;
import dev.resface.engine.Torch;
import dev.resface.landmarks.LandmarkBenchmark;
import dev.resface.model.ModelConfig;
import dev.resface.bench.Benchmark;
import dev.resface.bench.PyTorchReference;
import dev.resface.bench.Race;
import dev.resface.bench.ReferenceCheck;
import dev.resface.bench.SideBySide;
import dev.resface.util.TempFolders;
import dev.resface.web.EditServer;
import dev.resface.web.RunCatalog;
import dev.resface.web.SamplePhotos;
import dev.resface.web.ServeBenchmark;
import dev.resface.web.ServeConfig;
import dev.resface.web.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time dlib's landmark model, then training iterations and generator inference for the paper's"
                + " configuration and the CPU preset; or, with --serve, the edit server's answers; or, with"
                + " --against-pytorch, race the same iteration in PyTorch.")
final class BenchCommand implements Callable<Integer> {
    /** Untimed calls before timing one face at a time, both sides alike: a server that has answered a thousand edits. */
    private static final int WARM_SERVER = 1000;
    /** Enough faces that batches of 64 are drawn from a pool, as in training; drawn in about 15 s. */
    private static final int DATA_FACES = 400;
    /** Draws of weights and images the race's fairness check is judged over. */
    private static final int CHECK_DRAWS = 3;

    @Option(names = "--timed", defaultValue = "5", description = "timed iterations per configuration (default ${DEFAULT-VALUE})")
    int timed;

    @Option(names = "--skip-batch64", description = "leave out the paper's batch 64 at 128px (about 30 s an iteration on 2 cores)")
    boolean skipBatch64;

    @Option(names = "--landmarks-only", description = "only time dlib's landmark model (load and one face)")
    boolean landmarksOnly;

    @Option(names = "--serve", description = "instead: start 'resface serve' on a free port and time POST /api/edit, one"
            + " request at a time, on a one-face photo and on a group photo (p50, p95): each first as a photo the server has"
            + " not seen, then again as the page's strength slider sends it")
    boolean serve;

    @Option(names = "--runs", description = "with --serve: the folder of runs to serve; the first one edits")
    Path runs;

    @Option(names = "--requests", defaultValue = "20", description = "with --serve: timed requests per photo (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--against-pytorch", description = "instead: race the PyTorch reference of the same iteration"
            + " (Debian's python3-torch), after checking that both compute the same losses; training at 128px batch 8"
            + " and 64 with and without batch norm in D, and G inference at 128px batch 1 and 32 and at 64px width 0.5 batch 1, in alternating rounds")
    boolean againstPytorch;

    @Option(names = "--python", description = "with --against-pytorch: the Python to run the reference with (default:"
            + " python3 on the PATH, then /usr/bin/python3)")
    String python;

    @Option(names = "--rounds", defaultValue = "3", description = "with --against-pytorch: rounds per race (default ${DEFAULT-VALUE})")
    int rounds;

    @Mixin
    FaceApiOption faceApi;

    @Mixin
    PredictorOption predictor;

    @Override
    public Integer call() throws IOException {
        if (serve) {
            return serve();
        }
        if (againstPytorch) {
            return againstPytorch();
        }
        LandmarkBenchmark.run(predictor.file, DlibExampleFaces.DEFAULT_FOLDER, 20, System.out);
        if (landmarksOnly) {
            return 0;
        }
        Torch.start();
        System.out.println(Torch.describe());
        Benchmark bench = new Benchmark(System.out);
        ModelConfig paper = ModelConfig.paper();
        ModelConfig cpu = Preset.CPU.model();
        Benchmark.TrainTiming paper8 = bench.training(paper, 8, 2, timed);
        bench.peakMemory();
        Benchmark.TrainTiming paper64 = skipBatch64 ? null : bench.training(paper, 64, 1, Math.max(1, timed / 2));
        Benchmark.TrainTiming cpu8 = bench.training(cpu, Preset.CPU.batchSize(), 2, timed);
        for (ModelConfig c : new ModelConfig[] {paper, cpu}) {
            bench.inference(c, 1, 20);
            bench.inference(c, 32, 5);
        }
        bench.peakMemory();
        // Last, so that drawing the faces cannot raise the peaks printed above.
        Path faces = drawFaces();
        bench.data(faces, paper.imageSize(), 8, 20, paper8.medianSeconds());
        if (paper64 != null) {
            bench.data(faces, paper.imageSize(), 64, 20, paper64.medianSeconds());
        }
        bench.data(faces, cpu.imageSize(), Preset.CPU.batchSize(), 20, cpu8.medianSeconds());
        return 0;
    }

    /** SynthFaces for the data timings, drawn once into a temporary folder that is gone when the JVM exits. */
    private static Path drawFaces() throws IOException {
        Path dir = TempFolders.deletedOnExit("resface-bench-");
        SynthFaces.write(dir, DATA_FACES, 1);
        return dir;
    }

    /**
     * The race against PyTorch: first the proof that both sides compute the same losses from the same weights and
     * images, then each configuration in alternating rounds, then the table docs/benchmarks.md shows.
     */
    private int againstPytorch() {
        if (rounds < 1 || timed < 1) {
            throw new BadInputException("--rounds and --timed must be positive, got " + rounds + " and " + timed);
        }
        Torch.start();
        if (Torch.device().isGpu()) {
            throw new BadInputException("--against-pytorch races on the CPU; add --device cpu");
        }
        System.out.println(Torch.describe());
        PyTorchReference reference = PyTorchReference.find(python);
        System.out.println("PyTorch reference: torch " + reference.torchVersion() + " under " + reference.python());
        ModelConfig paper = ModelConfig.paper();
        for (boolean bn : new boolean[] {false, true}) {
            ReferenceCheck.Outcome check = ReferenceCheck.judge(ReferenceCheck.run(reference,
                    paper.withDiscriminatorBatchNorm(bn), 2, 2, CHECK_DRAWS));
            System.out.printf("same losses, D %s batch norm, worst relative distance to PyTorch in float64 over %d"
                    + " draws: %s%n", bn ? "with" : "without", CHECK_DRAWS, check.describe());
            if (!check.passes()) {
                throw new BadInputException("resface and the PyTorch reference compute different losses, so a race"
                        + " would not be fair (D " + (bn ? "with" : "without") + " batch norm; " + check.describe()
                        + "; allowed: " + ReferenceCheck.SPREAD_FACTOR + " times PyTorch's own float32, or "
                        + ReferenceCheck.FLOOR + ")");
            }
        }
        List<Race> races = new ArrayList<>();
        for (int batch : skipBatch64 ? new int[] {8} : new int[] {8, 64}) {
            for (boolean bn : new boolean[] {false, true}) {
                races.add(batch == 8 ? new Race(Race.Kind.TRAIN, 128, 1, 8, bn, 2, timed)
                        : new Race(Race.Kind.TRAIN, 128, 1, 64, bn, 1, Math.max(1, timed / 2)));
            }
        }
        // The JVM compiles its side of a call over the first hundreds of calls: at 64px, batch 1, calls 11-60 took
        // 4.9-5.7 ms (median), calls 1001 on 1.6-1.8 ms, PyTorch's 1.7-1.9 ms from its tenth call on.
        races.add(new Race(Race.Kind.INFER, 128, 1, 1, false, WARM_SERVER, 30));
        races.add(new Race(Race.Kind.INFER, 128, 1, 32, false, 3, timed));
        races.add(new Race(Race.Kind.INFER, 64, 0.5, 1, false, WARM_SERVER, 100)); // the CPU preset's size
        SideBySide side = new SideBySide(reference, System.out, rounds);
        List<SideBySide.Result> results = new ArrayList<>();
        for (Race r : races) {
            results.add(side.race(r));
        }
        side.table(results);
        return 0;
    }

    /** The server's log is kept from the terminal unless a request fails, when it says why. */
    private int serve() {
        if (runs == null) {
            throw new BadInputException("--serve needs --runs DIR, the folder of runs to serve");
        }
        if (requests < 1) {
            throw new BadInputException("--requests must be positive, got " + requests);
        }
        Torch.start();
        RunCatalog catalog = RunCatalog.scan(runs, new ServerLog(System.err));
        Path dir = faceApi.resolved();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (EditServer server = EditServer.start(ServeConfig.defaults().withPort(0), catalog, SamplePhotos.load(dir),
                dir, predictor.file, new ServerLog(new PrintStream(log, true, StandardCharsets.UTF_8)))) {
            new ServeBenchmark(server.uri(), catalog.runs().get(0).id()).run(requests, System.out);
        } catch (RuntimeException e) {
            System.err.print(log.toString(StandardCharsets.UTF_8));
            throw e;
        }
        return 0;
    }
}
