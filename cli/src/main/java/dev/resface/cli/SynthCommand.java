package dev.resface.cli;

import dev.resface.data.synth.SynthConfig;
import dev.resface.data.synth.SynthFaces;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write SynthFaces: drawn faces in CelebA's layout, with each face's true counterparts and masks.")
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--count", defaultValue = "2000", description = "number of faces (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed; the same seed writes identical files (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--eyeglasses-rate", defaultValue = "0.2", description = "share of faces with glasses (CelebA: 0.07; default ${DEFAULT-VALUE})")
    double eyeglassesRate;

    @Override
    public Integer call() throws Exception {
        SynthFaces.write(out, count, seed, SynthConfig.defaults().withEyeglassesRate(eyeglassesRate));
        System.err.printf("wrote %d faces to %s%n", count, out);
        return 0;
    }
}
