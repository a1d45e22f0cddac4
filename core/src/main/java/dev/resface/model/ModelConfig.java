package dev.resface.model;

/**
 * The shape of G0, G1 and D (docs/method.md, 2: Table 1).
 *
 * @param imageSize square input size, a multiple of 32 (D halves it five times)
 * @param width channel multiplier: 1 is the paper's 64..1024 channels, 0.5 halves every layer
 * @param upsampling how G's decoder doubles the map size
 * @param leakySlope negative slope of every leaky ReLU
 * @param residual true: G outputs the residual r and the edit is x + r; false (ablation): G outputs the image itself
 * @param zeroInitLastConv start G's last conv at zero, so training starts from the identity edit
 * @param discriminatorBatchNorm batch norm after D's hidden layers, as Table 1 prints it. Off by default. Measured
 *     here on SynthFaces: at 32px, where Table 1's D ends on a 1x1 map, neither direction learned in 2,000 iterations
 *     with it; at 64px (2x2 map, CPU preset, 1,000 iterations, seed 1) it learns, adding glasses better (+2.83 dB
 *     against +2.04) but removing them worse (+4.32 dB and 55% classifier success, against +5.92 dB and 100%); at
 *     the paper's 128px (4x4 map, 600 iterations) it learns too and still removes worse (+4.53 dB against +5.96).
 * @param discriminatorLayers D's stride-2 layers, 3 to 5; null is Table 1's five. At 128px five leave the 4x4 map the
 *     paper's last conv covers; at 32px they leave 1x1, where batch norm sees one value per channel and image, and 3
 *     layers give the paper's 4x4 again.
 * @param generator what G adds to Table 1; null (runs written before it existed) is Table 1's G
 * @param discriminatorPatches D's last conv is 1x1 and judges every position of its last map on its own (PatchGAN),
 *     instead of the whole map at once; null (runs written before it existed) is Table 1's whole-map conv
 * @param regionDiscriminator a second D, not the paper's, that judges only this box of the face (where the attribute
 *     lives) at full resolution, patch by patch, beside D; null: none (Table 1)
 * @param discriminatorSpectralNorm every conv of D (and of the region D) divided by its largest singular value
 *     ({@link SpectralConv2d}); null (runs written before it existed) is Table 1's plain convs
 */
public record ModelConfig(
        int imageSize, double width, Upsampling upsampling, float leakySlope, boolean residual, boolean zeroInitLastConv,
        boolean discriminatorBatchNorm, Integer discriminatorLayers, GeneratorDesign generator,
        Boolean discriminatorPatches, ImageRegion regionDiscriminator, Boolean discriminatorSpectralNorm) {
    public static final int TABLE1_D_LAYERS = 5;
    /** phi, the perceptual features, is the output of D's third layer. */
    private static final int MIN_D_LAYERS = 3;

    public ModelConfig {
        if (discriminatorLayers == null) {
            discriminatorLayers = TABLE1_D_LAYERS;
        }
        if (generator == null) {
            generator = GeneratorDesign.TABLE1;
        }
        if (discriminatorPatches == null) {
            discriminatorPatches = false;
        }
        if (discriminatorSpectralNorm == null) {
            discriminatorSpectralNorm = false;
        }
        if (generator.masked() && !residual) {
            throw new IllegalArgumentException("a masked G blends its painted image into the input; the no-residual"
                    + " ablation has no input to blend into");
        }
        if (discriminatorLayers < MIN_D_LAYERS || discriminatorLayers > TABLE1_D_LAYERS) {
            throw new IllegalArgumentException("D has 3 to 5 stride-2 layers (phi is the third), got " + discriminatorLayers);
        }
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("image size must be a multiple of 32 (G and D halve it up to five times), got "
                    + imageSize);
        }
        if (!(width > 0 && width <= 4)) {
            throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + width);
        }
        if (regionDiscriminator != null) {
            regionDiscriminator.pixels(imageSize);
        }
    }

    public ModelConfig(int imageSize, double width, Upsampling upsampling, float leakySlope, boolean residual,
            boolean zeroInitLastConv, boolean discriminatorBatchNorm, Integer discriminatorLayers, GeneratorDesign generator,
            Boolean discriminatorPatches) {
        this(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv, discriminatorBatchNorm,
                discriminatorLayers, generator, discriminatorPatches, null, null);
    }

    public ModelConfig(int imageSize, double width, Upsampling upsampling, float leakySlope, boolean residual,
            boolean zeroInitLastConv, boolean discriminatorBatchNorm) {
        this(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv, discriminatorBatchNorm, null, null,
                null);
    }

    public ModelConfig(int imageSize, double width, Upsampling upsampling, float leakySlope, boolean residual,
            boolean zeroInitLastConv, boolean discriminatorBatchNorm, Integer discriminatorLayers) {
        this(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv, discriminatorBatchNorm,
                discriminatorLayers, null, null);
    }

    public static ModelConfig paper() {
        return new ModelConfig(128, 1.0, Upsampling.CONV_THEN_NEAREST, 0.2f, true, false, false);
    }

    public ModelConfig withImageSize(int size) {
        return new ModelConfig(size, width, upsampling, leakySlope, residual, zeroInitLastConv, discriminatorBatchNorm,
                discriminatorLayers, generator, discriminatorPatches, regionDiscriminator,
                discriminatorSpectralNorm);
    }

    public ModelConfig withWidth(double w) {
        return new ModelConfig(imageSize, w, upsampling, leakySlope, residual, zeroInitLastConv, discriminatorBatchNorm,
                discriminatorLayers, generator, discriminatorPatches, regionDiscriminator,
                discriminatorSpectralNorm);
    }

    public ModelConfig withResidual(boolean on) {
        return new ModelConfig(imageSize, width, upsampling, leakySlope, on, zeroInitLastConv, discriminatorBatchNorm,
                discriminatorLayers, generator, discriminatorPatches, regionDiscriminator,
                discriminatorSpectralNorm);
    }

    public ModelConfig withDiscriminatorBatchNorm(boolean on) {
        return new ModelConfig(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv, on, discriminatorLayers,
                generator, discriminatorPatches, regionDiscriminator,
                discriminatorSpectralNorm);
    }

    public ModelConfig withDiscriminatorLayers(int layers) {
        return new ModelConfig(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv,
                discriminatorBatchNorm, layers, generator, discriminatorPatches, regionDiscriminator,
                discriminatorSpectralNorm);
    }

    /**
     * D's stride-2 layers that leave Table 1's 4x4 map at this size (five at 128px, four at 64, three at 32), within
     * the 3 to 5 D can have.
     */
    public static int layersEndingOn4x4(int imageSize) {
        int layers = Integer.numberOfTrailingZeros(Math.max(1, imageSize / 4));
        return Math.max(MIN_D_LAYERS, Math.min(TABLE1_D_LAYERS, layers));
    }

    public ModelConfig withGenerator(GeneratorDesign g) {
        return new ModelConfig(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv, discriminatorBatchNorm,
                discriminatorLayers, g, discriminatorPatches, regionDiscriminator,
                discriminatorSpectralNorm);
    }

    public ModelConfig withRegionDiscriminator(ImageRegion region) {
        return new ModelConfig(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv,
                discriminatorBatchNorm, discriminatorLayers, generator, discriminatorPatches, region,
                discriminatorSpectralNorm);
    }

    public ModelConfig withDiscriminatorSpectralNorm(boolean on) {
        return new ModelConfig(imageSize, width, upsampling, leakySlope, residual, zeroInitLastConv,
                discriminatorBatchNorm, discriminatorLayers, generator, discriminatorPatches, regionDiscriminator, on);
    }

    /** Table 1's channel count scaled by the width multiplier. */
    public int channels(int paperChannels) {
        return Math.max(1, (int) Math.round(paperChannels * width));
    }

    /** The filters of D's stride-2 layers, Table 1's 64..1024 scaled by the width, as many as it has layers. */
    public int[] discriminatorChannels() {
        int[] paper = {64, 128, 256, 512, 1024};
        int[] out = new int[discriminatorLayers];
        for (int i = 0; i < out.length; i++) {
            out[i] = channels(paper[i]);
        }
        return out;
    }

    /** Side of D's last feature map, which D's final conv covers whole. */
    public int discriminatorMapSize() {
        return imageSize >> discriminatorLayers;
    }
}
