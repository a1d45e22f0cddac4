package dev.resface.training.residualgan;

import dev.resface.training.StepLosses;
import java.util.LinkedHashMap;
import java.util.Map;

/** The residual GAN's loss names, as metrics.jsonl and the progress bar show them. */
final class ResidualGanLosses {
    private ResidualGanLosses() {}

    /**
     * One generator's loss of eq. 8 and its parts; dual is 0 without the dual term, undo null without the undo term,
     * region (the region D's adversarial term) null without a region D.
     */
    record GeneratorLosses(float total, float adversarial, float dual, float pixel, float perceptual, Float undo,
            Float region) {}

    /**
     * D's loss of eq. 9, the region D's (null without one) and the R1 penalty (null without it), each as it is
     * charged.
     */
    record DiscriminatorLosses(float eq9, Float region, Float r1) {}

    /** The residual GAN's losses: D's, then each generator's total and its parts. */
    static StepLosses of(DiscriminatorLosses d, GeneratorLosses g0, GeneratorLosses g1) {
        Map<String, Float> m = new LinkedHashMap<>();
        m.put("loss_D", d.eq9());
        if (d.region() != null) {
            m.put("loss_D_region", d.region());
        }
        if (d.r1() != null) {
            m.put("D_r1", d.r1());
        }
        m.put("loss_G0", g0.total());
        m.put("loss_G1", g1.total());
        parts(m, "0", g0);
        parts(m, "1", g1);
        return new StepLosses(m);
    }

    private static void parts(Map<String, Float> m, String k, GeneratorLosses g) {
        m.put("loss_G" + k + "_adv", g.adversarial());
        m.put("loss_G" + k + "_dual", g.dual());
        m.put("G" + k + "_pix", g.pixel());
        m.put("G" + k + "_per", g.perceptual());
        if (g.undo() != null) {
            m.put("G" + k + "_undo", g.undo());
        }
        if (g.region() != null) {
            m.put("loss_G" + k + "_region", g.region());
        }
    }

}
