package dev.resface.cli;

import dev.resface.classifier.ClassifierConfig;
import dev.resface.classifier.ClassifierTraining;
import dev.resface.data.FaceAttribute;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a small CNN with one sigmoid output per attribute; prints and stores its held-out accuracy.")
final class ClassifierTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "folder in aligned-CelebA layout")
    Path data;

    @Option(names = "--out", required = true, description = "folder for classifier.bin, classifier.json, accuracy.json")
    Path out;

    @Option(names = "--attributes", split = ",", description = "comma-separated (default: the six of the paper)")
    List<String> attributes;

    @Option(names = "--crop", defaultValue = "paper", description = "crop recipe (default ${DEFAULT-VALUE})")
    String crop;

    @Mixin
    SkipBadOption skipBad;

    @Option(names = "--size", defaultValue = "64", description = "image size, a multiple of 16 (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--width", defaultValue = "1", description = "channel multiplier (default ${DEFAULT-VALUE})")
    double width;

    @Option(names = "--iterations", defaultValue = "3000", description = "training steps (default ${DEFAULT-VALUE})")
    long iterations;

    @Option(names = "--batch", defaultValue = "32", description = "images per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--test-per-class", defaultValue = "500",
            description = "balanced held-out faces per class and attribute, 0 = all (default ${DEFAULT-VALUE})")
    int testPerClass;

    @Option(names = "--seed", defaultValue = "1", description = "default ${DEFAULT-VALUE}")
    long seed;

    @Override
    public Integer call() throws Exception {
        List<FaceAttribute> chosen = attributes == null ? List.of(FaceAttribute.values())
                : attributes.stream().map(FaceAttribute::parse).toList();
        ClassifierConfig config = OptionValues.checked(() -> new ClassifierConfig(data.toAbsolutePath().toString(),
                chosen, crop, skipBad.enabled, size, width, iterations, batch, learningRate, testPerClass, seed));
        List<ClassifierTraining.Accuracy> accuracies = ClassifierTraining.run(config, out);
        System.out.print(ClassifierTraining.table(accuracies));
        System.err.println("wrote " + out);
        return 0;
    }
}
