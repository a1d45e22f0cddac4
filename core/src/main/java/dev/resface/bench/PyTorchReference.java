package dev.resface.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resface.BadInputException;
import dev.resface.engine.Torch;
import dev.resface.losses.ResidualNorm;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.training.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * resface's training iteration as a plain PyTorch loop (pytorch_reference.py, shipped in the jar beside this class),
 * run under a Python that has torch, such as Debian's python3-torch. A benchmark baseline, never a dependency.
 */
public final class PyTorchReference {
    private static final String SCRIPT = "pytorch_reference.py";
    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");
    private final String python;
    private final String torchVersion;
    private final Path script;

    private PyTorchReference(String python, String torchVersion, Path script) {
        this.python = python;
        this.torchVersion = torchVersion;
        this.script = script;
    }

    /** The given Python, or the first of python3 on the PATH and /usr/bin/python3 that can import torch. */
    public static PyTorchReference find(String python) {
        List<String> tried = new ArrayList<>();
        for (String candidate : python != null ? List.of(python) : CANDIDATES) {
            try {
                JsonNode v = ChildProcess.run(candidate, List.of(candidate, "-c",
                        "import json, numpy, torch; print(json.dumps({'torch': torch.__version__}))"), Torch.childEnvironment());
                return new PyTorchReference(candidate, v.path("torch").asText(), extractScript());
            } catch (IllegalStateException e) {
                tried.add(e.getMessage());
            }
        }
        throw new BadInputException("--against-pytorch needs a Python that can import torch and numpy (Debian: apt"
                + " install python3-torch; or name one with --python); " + String.join("; ", tried));
    }

    public String torchVersion() {
        return torchVersion;
    }

    public String python() {
        return python;
    }

    /** Runs one command of the script ("check DIR", "train", "infer") and returns the JSON it printed. */
    JsonNode run(String what, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(arguments);
        return ChildProcess.run("PyTorch reference " + what, command, Torch.childEnvironment());
    }

    /** The script's options for this model and training configuration, the loss weights as resface uses them. */
    static List<String> options(ModelConfig model, TrainConfig train) {
        if (model.upsampling() != Upsampling.CONV_THEN_NEAREST || !model.residual() || model.zeroInitLastConv()
                || !train.dual() || train.discriminatorLearningRate() != train.learningRate()
                || train.lossWeights().residualNorm() != ResidualNorm.L1 || train.decayFrom() != null
                || model.regionDiscriminator() != null || model.discriminatorSpectralNorm()
                || train.lossWeights().r1() != null) {
            throw new IllegalArgumentException("the PyTorch reference has the default configuration only: " + model);
        }
        int size = model.imageSize();
        List<String> o = new ArrayList<>(List.of("--size", Integer.toString(size), "--width", num(model.width()),
                "--d-layers", Integer.toString(model.discriminatorLayers()), "--slope", num(model.leakySlope()),
                "--batch", Integer.toString(train.batchSize()), "--lr", num(train.learningRate()),
                "--beta1", num(train.adamBeta1()), "--beta2", num(train.adamBeta2()),
                "--alpha", num(train.lossWeights().pixelWeight(train.attribute(), size)),
                "--beta", num(train.lossWeights().effectiveBeta(train.attribute(), size)),
                "--threads", Integer.toString(Torch.intraOpThreads())));
        if (model.discriminatorBatchNorm()) {
            o.add("--batch-norm");
        }
        return o;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static Path extractScript() {
        try (InputStream in = PyTorchReference.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the jar");
            }
            Path file = Files.createTempFile("resface-pytorch-reference-", ".py");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
