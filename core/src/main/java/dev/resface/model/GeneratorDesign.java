package dev.resface.model;

import java.util.Locale;

/**
 * What G adds to Table 1, each measured against it on glasses removal (docs/demo.md). Table 1's G builds its
 * output from maps at a quarter of the resolution, so a one-pixel rim can only be cancelled approximately; these are
 * the anchors' ways around it.
 *
 * @param skip a full-resolution path: the decoder's last map, upsampled, is joined with the first layer's features
 *     and passes one more 3x3 conv at full size before the last conv (STGAN's shortcut layers, ERGAN's refinement)
 * @param masked G paints an image c and a mask m (SaGAN, GANimation): edited = m * c + (1 - m) * x, so where m is
 *     near 1 nothing of the input survives; the sparsity term then charges the mask, not the residual
 * @param emaDecay null: edits use the trained weights; d in (0, 1): edits use an exponential moving average of G's
 *     weights, updated after every step with decay d (HiSD, StarGAN v2), which smooths the usual GAN oscillation
 */
public record GeneratorDesign(boolean skip, boolean masked, Double emaDecay) {
    public static final GeneratorDesign TABLE1 = new GeneratorDesign(false, false, null);

    public GeneratorDesign {
        if (emaDecay != null && !(emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("the moving average's decay must lie in (0, 1), got " + emaDecay);
        }
    }

    /** table1, skip, masked or skip-masked, as {@code --generator} takes it. */
    public static GeneratorDesign parse(String name, Double emaDecay) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "table1" -> new GeneratorDesign(false, false, emaDecay);
            case "skip" -> new GeneratorDesign(true, false, emaDecay);
            case "masked" -> new GeneratorDesign(false, true, emaDecay);
            case "skip-masked" -> new GeneratorDesign(true, true, emaDecay);
            default -> throw new IllegalArgumentException(
                    "--generator must be table1, skip, masked or skip-masked, got '" + name + "'");
        };
    }

    /** The name {@link #parse} takes. */
    public String name() {
        return skip ? masked ? "skip-masked" : "skip" : masked ? "masked" : "table1";
    }

    public boolean averaged() {
        return emaDecay != null;
    }

    /** Output channels of G's last conv: the residual (or image), or the painted image and its mask. */
    int outputChannels() {
        return masked ? 4 : 3;
    }
}
