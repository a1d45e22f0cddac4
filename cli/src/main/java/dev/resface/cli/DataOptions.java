package dev.resface.cli;

import dev.resface.training.DataConfig;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the images are and how they are cropped. */
final class DataOptions {
    @Option(names = "--data", required = true, description = "folder in aligned-CelebA layout (img_align_celeba/, list_attr_celeba.txt, ...)")
    Path data;

    @Option(names = "--crop", defaultValue = "paper", description = "paper (central 128x128) or celeba178 (central 178x178 from row 20, resized); default ${DEFAULT-VALUE}")
    String crop;

    @Option(names = "--flip", description = "random horizontal flips of training images")
    boolean flip;

    @Option(names = "--cache", description = "packed image cache file (default: DATA/.resface-cache/CROP-SIZE.bin)")
    Path cache;

    @Mixin
    SkipBadOption skipBad;

    DataConfig resolve() {
        return new DataConfig(data.toAbsolutePath().normalize().toString(), crop, flip,
                cache == null ? null : cache.toAbsolutePath().toString(), skipBad.enabled);
    }
}
