package dev.resface.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * How long libtorch's OpenMP workers spin before they sleep. libgomp's default spins about 300,000 times at every
 * barrier: on a quiet machine that is the fastest, but when another program holds one of the cores, the worker
 * that shares it waits for a time slice at every barrier while its partner spins (measured: a 40-iteration training,
 * 19 s quiet, over 200 s beside one busy loop). libgomp reads its settings once, when libtorch loads it, so they are
 * set here, before the engine starts; a user's own OMP_WAIT_POLICY or GOMP_SPINCOUNT wins.
 */
final class OpenMpWaits {
    /** Spins before sleeping; see README "A busy machine" for what each choice measured. */
    static final String SPIN_COUNT = "10000";

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

    static void apply() {
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null) {
            return;
        }
        Function setenv = NativeLibrary.getInstance("c").getFunction("setenv");
        setenv.invoke(int.class, new Object[] {"GOMP_SPINCOUNT", SPIN_COUNT, 1});
    }
}
