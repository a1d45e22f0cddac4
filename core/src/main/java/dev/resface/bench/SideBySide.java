package dev.resface.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * resface against the PyTorch reference on the same machine: each race is run in rounds, both sides in processes
 * of their own, the order swapped every round so that neither always runs on a warmer or cooler machine.
 */
public final class SideBySide {
    private final PyTorchReference reference;
    private final PrintStream out;
    private final int rounds;

    /** Per round: each side's median seconds per call and its process's peak RSS. */
    public record Result(Race race, double[] oursSeconds, double[] theirsSeconds, double[] oursPeak, double[] theirsPeak) {
        /** How many times faster resface is: the ratio of the medians of the rounds. */
        public double speedRatio() {
            return Timings.median(theirsSeconds) / Timings.median(oursSeconds);
        }

        /** How many times less memory resface peaks at. */
        public double memoryRatio() {
            return Timings.median(theirsPeak) / Timings.median(oursPeak);
        }
    }

    public SideBySide(PyTorchReference reference, PrintStream out, int rounds) {
        this.reference = reference;
        this.out = out;
        this.rounds = rounds;
    }

    public Result race(Race race) {
        double[][] seconds = new double[2][rounds];
        double[][] peaks = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int side = (r + k) % 2;
                JsonNode m = side == 0 ? resface(race) : reference.run(race.describe(), race.referenceArguments());
                seconds[side][r] = Timings.median(ChildProcess.doubles(m, "seconds"));
                peaks[side][r] = m.path("peak_rss_bytes").asDouble();
            }
            out.printf("round %d/%d %s: resface %s, %.2f GB; PyTorch %s, %.2f GB%n", r + 1, rounds, race.describe(),
                    perCall(race, seconds[0][r]), peaks[0][r] / 1e9, perCall(race, seconds[1][r]), peaks[1][r] / 1e9);
        }
        return new Result(race, seconds[0], seconds[1], peaks[0], peaks[1]);
    }

    /** The figures as a Markdown table: medians over the rounds, the rounds' range, and resface's lead. */
    public void table(List<Result> results) {
        out.printf("%n| %d rounds, medians (range) | resface | PyTorch %s | resface ahead by |%n", rounds,
                reference.torchVersion());
        out.println("|---|---|---|---|");
        for (Result r : results) {
            Race race = r.race();
            boolean train = race.kind() == Race.Kind.TRAIN;
            out.printf("| %s, %s | %s | %s | %.2fx |%n", race.describe(), train ? "iterations/s" : "images/s",
                    rate(race, r.oursSeconds()), rate(race, r.theirsSeconds()), r.speedRatio());
            if (train) {
                out.printf("| %s, peak RSS | %s | %s | %.2fx |%n", race.describe(), gigabytes(r.oursPeak()),
                        gigabytes(r.theirsPeak()), r.memoryRatio());
            }
        }
    }

    private JsonNode resface(Race race) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName()));
        command.addAll(race.workerArguments());
        return ChildProcess.run("resface " + race.describe(), command, Map.of());
    }

    private static String perCall(Race race, double seconds) {
        return race.kind() == Race.Kind.TRAIN ? String.format("%.3f s/iteration", seconds)
                : String.format("%.2f ms/image", seconds * 1000 / race.batch());
    }

    /** Iterations/s for training, images/s for inference. */
    private static String rate(Race race, double[] seconds) {
        double per = race.kind() == Race.Kind.TRAIN ? 1 : race.batch();
        double[] rates = new double[seconds.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = per / seconds[i];
        }
        String format = Timings.median(rates) < 10 ? "%.3f" : "%.1f";
        return String.format(format, Timings.median(rates)) + " (" + Timings.range(rates, 1, format) + ")";
    }

    private static String gigabytes(double[] bytes) {
        return String.format("%.2f GB (%s)", Timings.median(bytes) / 1e9, Timings.range(bytes, 1e-9, "%.2f"));
    }
}
