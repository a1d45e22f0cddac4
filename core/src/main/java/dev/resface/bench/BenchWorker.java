package dev.resface.bench;

import dev.resface.engine.Torch;
import dev.resface.util.PeakMemory;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * resface's side of one race, in a process of its own so that its peak memory is the measurement's alone. Prints
 * {"seconds": [...], "peak_rss_bytes": n} as the PyTorch reference does.
 */
public final class BenchWorker {
    private BenchWorker() {}

    public static void main(String[] args) {
        Race race = Race.parse(args);
        Torch.start();
        double[] seconds = race.kind() == Race.Kind.TRAIN
                ? Benchmark.trainingSeconds(race.model(), race.batch(), race.warmup(), race.timed())
                : Benchmark.inferenceSeconds(race.model(), race.batch(), race.warmup(), race.timed());
        String list = Arrays.stream(seconds).mapToObj(s -> String.format(Locale.ROOT, "%.6f", s))
                .collect(Collectors.joining(", "));
        System.out.println("{\"seconds\": [" + list + "], \"peak_rss_bytes\": " + PeakMemory.peakRssBytes() + "}");
    }
}
