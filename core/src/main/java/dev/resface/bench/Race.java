package dev.resface.bench;

import dev.resface.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One configuration both sides of {@code bench --against-pytorch} time: training iterations, or G1's inference, at
 * the paper's networks scaled to a size and width.
 */
public record Race(Kind kind, int size, double width, int batch, boolean batchNorm, int warmup, int timed) {
    public enum Kind { TRAIN, INFER }

    public ModelConfig model() {
        return ModelConfig.paper().withImageSize(size).withWidth(width).withDiscriminatorBatchNorm(batchNorm);
    }

    public String describe() {
        String what = String.format(Locale.ROOT, "%dpx%s batch %d", size, width == 1 ? "" : " width " + width, batch);
        return kind == Kind.TRAIN
                ? "train " + what + ", D " + (batchNorm ? "with" : "without") + " batch norm"
                : "G inference " + what;
    }

    /** The arguments {@link BenchWorker} reads back. */
    List<String> workerArguments() {
        return List.of(kind.name(), Integer.toString(size), Double.toString(width), Integer.toString(batch),
                Boolean.toString(batchNorm), Integer.toString(warmup), Integer.toString(timed));
    }

    static Race parse(String[] a) {
        return new Race(Kind.valueOf(a[0]), Integer.parseInt(a[1]), Double.parseDouble(a[2]), Integer.parseInt(a[3]),
                Boolean.parseBoolean(a[4]), Integer.parseInt(a[5]), Integer.parseInt(a[6]));
    }

    /** The PyTorch reference's arguments for the same measurement. */
    List<String> referenceArguments() {
        List<String> a = new ArrayList<>(List.of(kind.name().toLowerCase(Locale.ROOT)));
        a.addAll(PyTorchReference.options(model(), Benchmark.trainConfig(batch, warmup + timed)));
        a.addAll(List.of("--warmup", Integer.toString(warmup), "--timed", Integer.toString(timed)));
        return a;
    }
}
