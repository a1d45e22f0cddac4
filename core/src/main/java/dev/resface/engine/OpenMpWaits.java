package dev.resface.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Map;

/**
 * How long libtorch's OpenMP workers spin before they sleep. libgomp's default spins 300,000 times at every barrier:
 * when another program holds one of the cores, the worker that shares it waits for a time slice at every barrier
 * while its partner spins. Measured here (a 40-iteration 32px training as a whole process, 2 threads, beside a busy
 * loop at normal priority): default 48.6 s against 5.4-5.8 s quiet; 3,000 spins 10.9-11.1 s busy and 5.7-5.8 s quiet,
 * as fast as the default when quiet and near OMP_WAIT_POLICY=PASSIVE (9.6-9.9 s busy, but 7.7-7.8 s quiet). libgomp
 * reads its settings once, when libtorch loads it, so they are set here, before the engine starts; a user's own
 * OMP_WAIT_POLICY or GOMP_SPINCOUNT wins.
 */
final class OpenMpWaits {
    /** Spins before sleeping; see docs/design.md, "A busy machine", for what each choice measured. */
    static final String SPIN_COUNT = "3000";

    private OpenMpWaits() {}

    /** The setting in force, for {@link Machine}. */
    static String describe() {
        String policy = System.getenv("OMP_WAIT_POLICY");
        String spin = System.getenv("GOMP_SPINCOUNT");
        if (policy != null || spin != null) {
            return "OpenMP " + (policy != null ? "OMP_WAIT_POLICY=" + policy + " " : "")
                    + (spin != null ? "GOMP_SPINCOUNT=" + spin : "") + " (the user's)";
        }
        return "OpenMP spin count " + SPIN_COUNT;
    }

    /** What another libtorch process started from this one needs to wait as this one does. */
    static Map<String, String> forChildProcess() {
        boolean users = System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null;
        return users ? Map.of() : Map.of("GOMP_SPINCOUNT", SPIN_COUNT);
    }

    static void apply() {
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null) {
            return;
        }
        Function setenv = NativeLibrary.getInstance("c").getFunction("setenv");
        setenv.invoke(int.class, new Object[] {"GOMP_SPINCOUNT", SPIN_COUNT, 1});
    }
}
