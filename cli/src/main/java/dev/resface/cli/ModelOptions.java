package dev.resface.cli;

import dev.resface.data.CropRecipe;
import dev.resface.data.FaceAttribute;
import dev.resface.evaluation.AttributeRegion;
import dev.resface.model.GeneratorDesign;
import dev.resface.model.ModelConfig;
import dev.resface.model.Upsampling;
import dev.resface.training.DataConfig;
import dev.resface.training.RunConfig;
import picocli.CommandLine.Option;

/** Flags that shape the networks; unset ones come from the preset. */
final class ModelOptions {
    @Option(names = "--size", description = "image size, a multiple of 32 (paper: 128)")
    Integer size;

    @Option(names = "--width", description = "channel multiplier (paper: 1)")
    Double width;

    @Option(names = "--upsampling", description = "CONV_THEN_NEAREST (paper), NEAREST_THEN_CONV or TRANSPOSED")
    Upsampling upsampling;

    @Option(names = "--leaky-slope", description = "leaky ReLU slope (default 0.2)")
    Float leakySlope;

    @Option(names = "--no-residual", description = "ablation: G outputs the image itself, not a residual")
    boolean noResidual;

    @Option(names = "--zero-init-last", negatable = true, description = "start G's last conv at zero (identity edit)")
    Boolean zeroInitLast;

    @Option(names = "--d-batchnorm", negatable = true,
            description = "batch norm in D's hidden layers as Table 1 prints it (off by default: at 32px it stalled"
                    + " learning, at 64 and 128px it removed worse; see docs/design.md)")
    Boolean discriminatorBatchNorm;

    @Option(names = "--d-layers", description = "D's stride-2 layers, 3 to 5 (Table 1: 5, which ends on a 4x4 map at"
            + " 128px; 4 does at 64px, 3 at 32px)")
    Integer discriminatorLayers;

    @Option(names = "--d-patches", negatable = true, description = "D judges every position of its last map on its"
            + " own (PatchGAN) instead of the whole map (Table 1)")
    Boolean discriminatorPatches;

    @Option(names = "--generator", description = "table1 (Table 1's G), skip (a full-resolution path before the last"
            + " conv), masked (G paints an image and a mask it is blended through) or skip-masked (default: the"
            + " preset's)")
    String generator;

    @Option(names = "--ema", description = "edit with a moving average of G's weights, of this decay (e.g. 0.999);"
            + " 0: the trained weights (default: the preset's)")
    Double ema;

    @Option(names = "--region-d", negatable = true, description = "a second D, not the paper's, that judges the"
            + " attribute's box of the face (the eyes band for Eyeglasses, the mouth for Smiling...) at full resolution,"
            + " patch by patch, beside D (default: the preset's, off)")
    Boolean regionDiscriminator;

    @Option(names = "--d-spectral-norm", negatable = true, description = "divide every conv kernel of D by its largest"
            + " singular value (spectral norm, not the paper's; default: the preset's, off)")
    Boolean discriminatorSpectralNorm;

    /** A new run's configuration: these networks, {@code train}'s options, on {@code data}. */
    RunConfig runConfig(Preset preset, TrainOptions train, FaceAttribute attribute, DataConfig data) {
        return new RunConfig(resolve(preset, attribute, data), train.resolve(preset, attribute), data);
    }

    /** @param attribute and {@code data}'s crop place the region D's box, where there is one */
    ModelConfig resolve(Preset preset, FaceAttribute attribute, DataConfig data) {
        ModelConfig p = preset.model();
        GeneratorDesign g = p.generator();
        Double decay = ema == null ? g.emaDecay() : ema == 0 ? null : ema;
        GeneratorDesign design = generator == null ? new GeneratorDesign(g.skip(), g.masked(), decay)
                : GeneratorDesign.parse(generator, decay);
        return new ModelConfig(
                size != null ? size : p.imageSize(),
                width != null ? width : p.width(),
                upsampling != null ? upsampling : p.upsampling(),
                leakySlope != null ? leakySlope : p.leakySlope(),
                !noResidual,
                zeroInitLast != null ? zeroInitLast : p.zeroInitLastConv(),
                discriminatorBatchNorm != null ? discriminatorBatchNorm : p.discriminatorBatchNorm(),
                discriminatorLayers != null ? discriminatorLayers : p.discriminatorLayers(),
                design,
                discriminatorPatches != null ? discriminatorPatches : p.discriminatorPatches(),
                regionDiscriminator != null ? (regionDiscriminator
                        ? AttributeRegion.band(attribute, CropRecipe.parse(data.crop())) : null)
                        : p.regionDiscriminator(),
                discriminatorSpectralNorm != null ? discriminatorSpectralNorm : p.discriminatorSpectralNorm());
    }
}
