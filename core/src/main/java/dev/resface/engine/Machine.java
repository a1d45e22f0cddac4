package dev.resface.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a figure came from. libtorch picks its kernels per CPU, so trained figures and timings are reproducible
 * bit for bit only on the same CPU model, thread count and libtorch build; every run, report and benchmark names
 * them.
 *
 * @param cpu the model name /proc/cpuinfo gives
 * @param openMp how libtorch's OpenMP workers wait (see OpenMpWaits)
 * @param kernels the vector instruction set libtorch's CPU kernels dispatch to on this CPU
 * @param libtorch the native build DJL loaded (version, date, flavour, platform)
 * @param device where the tensors lived, and how it was chosen (e.g. "cpu() (--device auto)")
 */
public record Machine(String cpu, int cores, int intraOpThreads, String openMp, String kernels, String libtorch,
        String java, String device) {

    /** This machine, with the thread count libtorch was started with. */
    public static Machine current() {
        Torch.start();
        List<String> cpuinfo = cpuinfo();
        return new Machine(field(cpuinfo, "model name"), Runtime.getRuntime().availableProcessors(),
                Torch.intraOpThreads(), OpenMpWaits.describe(), kernels(field(cpuinfo, "flags")), Torch.libtorchBuild(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Torch.device() + " (--device " + Torch.choice().id() + ")");
    }

    /** One line for logs and report headers. */
    public String line() {
        return "on " + device + ": " + cpu + " (" + kernels + " kernels), " + cores + " cores, " + intraOpThreads
                + " intra-op threads, " + openMp + "; libtorch " + libtorch + "; " + java;
    }

    /** ATen's own choice, which ATEN_CPU_CAPABILITY can lower: AVX512 needs F, BW, VL and DQ, AVX2 needs FMA too. */
    static String kernels(String flags) {
        String forced = System.getenv("ATEN_CPU_CAPABILITY");
        if (forced != null && !forced.isBlank()) {
            return forced.toUpperCase(Locale.ROOT) + " (ATEN_CPU_CAPABILITY)";
        }
        Set<String> f = Set.of(flags.split("\\s+"));
        if (f.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
            return "AVX512";
        }
        return f.containsAll(Set.of("avx2", "fma")) ? "AVX2" : "DEFAULT";
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String field(List<String> cpuinfo, String name) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim().replaceAll("\\s+", " ");
            }
        }
        return "unknown";
    }
}
