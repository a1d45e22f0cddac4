package dev.resface.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import dev.resface.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Starts libtorch the way this project measured it fast, and is the one place that decides on which device tensors
 * live: a GPU user swaps the native jar for a CUDA build and changes nothing else.
 */
public final class Torch {
    private static final String FLUSH_DENORMAL = "_ZN2at7Context16setFlushDenormalEb";
    private static boolean started;
    private static boolean flushDenormal;
    private static DeviceChoice choice = DeviceChoice.AUTO;

    private Torch() {}

    /** Idempotent. Must run before the first tensor op so that libtorch's worker threads inherit the FP mode. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        // Nothing is downloaded at run time, and without tracking opt-out DJL probes a cloud metadata address.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        int cores = Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", String.valueOf(cores)));
        System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        OpenMpWaits.apply();
        Engine engine = Engine.getEngine("PyTorch");
        // Denormals appear in Adam's second moments and leaky-ReLU tails after a few steps and make CPU kernels
        // 4-5x slower; libtorch's own switch sets FTZ/DAZ on this thread, and threads it spawns later inherit it.
        flushDenormal = setFlushDenormal(true);
        engine.setRandomSeed(0);
        started = true;
    }

    /**
     * Readies a thread other than the one that started libtorch to load and run models. Grad mode is per thread in
     * libtorch, on by default, and DJL turns it off only on the thread that starts the engine (elsewhere, loading
     * weights in place fails: "a leaf Variable that requires grad"); flush-to-zero is per thread too, and the threads
     * libtorch spawns from this one inherit it.
     */
    public static void startThread() {
        start();
        JniUtils.setGradMode(false);
        setFlushDenormal(true);
    }

    public static boolean flushesDenormals() {
        start();
        return flushDenormal;
    }

    /**
     * Chooses the device for the rest of the process. A GPU that libtorch cannot see is refused here, before anything
     * is written, with what to do about it.
     */
    public static synchronized void use(DeviceChoice c) {
        if (c == DeviceChoice.GPU && gpuCount() == 0) {
            throw new BadInputException("--device gpu: libtorch sees no usable GPU (it loaded " + libtorchBuild()
                    + "); put a CUDA build of libtorch 2.7.1 in place as the README's 'On a GPU' says, or use"
                    + " --device cpu");
        }
        choice = c;
    }

    public static synchronized DeviceChoice choice() {
        return choice;
    }

    /** The device every tensor of the project lives on: the one place that decides it. */
    public static Device device() {
        return switch (choice()) {
            case CPU -> Device.cpu();
            case GPU -> Device.gpu();
            case AUTO -> gpuCount() > 0 ? Device.gpu() : Device.cpu();
        };
    }

    private static int gpuCount() {
        start();
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    /**
     * Backward from a scalar, keeping its graph for a second backward when asked: DJL's gradient collector always
     * frees it. Gradients accumulate as the collector's do.
     */
    public static void backward(NDArray scalar, boolean keepGraph) {
        backward(scalar, keepGraph, false);
    }

    /**
     * As {@link #backward(NDArray, boolean)}; with {@code createGraph} the gradients it leaves carry their own graph,
     * so that a loss made of them can be differentiated again (DJL has no autograd.grad).
     */
    public static void backward(NDArray scalar, boolean keepGraph, boolean createGraph) {
        try (NDArray ones = scalar.onesLike()) {
            JniUtils.backward((PtNDArray) scalar, (PtNDArray) ones, keepGraph, createGraph);
        }
    }

    /** Sets a parameter's accumulated gradient to zero, graph or not. */
    public static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    public static NDManager newManager() {
        return NDManager.newBaseManager(device(), "PyTorch");
    }

    public static void seed(long seed) {
        start();
        Engine.getEngine("PyTorch").setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    public static String describe() {
        start();
        return "libtorch, denormals " + (flushDenormal ? "flushed to zero" : "NOT flushed (slow)") + "; "
                + Machine.current().line();
    }

    /**
     * The environment a child process running libtorch (the PyTorch reference) gets on top of this one's, so that
     * its OpenMP workers wait as this process's do: a setting made in this process is not in the environment Java
     * hands its children.
     */
    public static Map<String, String> childEnvironment() {
        return OpenMpWaits.forChildProcess();
    }

    public static int intraOpThreads() {
        start();
        return Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads"));
    }

    /** DJL's folder of the loaded build names it, e.g. 2.7.1-20250812-cpu-linux-x86_64. */
    static String libtorchBuild() {
        start();
        return loadedLibrary("libtorch_cpu.so").map(p -> p.getParent().getFileName().toString())
                .orElse(Engine.getEngine("PyTorch").getVersion());
    }

    private static boolean setFlushDenormal(boolean on) {
        Optional<Path> library = loadedLibrary("libtorch_cpu.so");
        if (library.isEmpty()) {
            return false;
        }
        Function f = NativeLibrary.getInstance(library.get().toString()).getFunction(FLUSH_DENORMAL);
        Object ok = f.invoke(Boolean.class, new Object[] {on});
        return Boolean.TRUE.equals(ok);
    }

    /** DJL loads libtorch from its own cache folder; the process map says where. */
    private static Optional<Path> loadedLibrary(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(p -> p.endsWith("/" + name))
                    .findFirst()
                    .map(Path::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
