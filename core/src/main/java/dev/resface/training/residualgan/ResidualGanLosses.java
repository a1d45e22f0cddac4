package dev.resface.training.residualgan;

import dev.resface.training.StepLosses;
import java.util.LinkedHashMap;
import java.util.Map;

/** The residual GAN's loss names, as metrics.jsonl and the progress bar show them. */
final class ResidualGanLosses {
    private ResidualGanLosses() {}

    /** One generator's loss of eq. 8 and its parts; dual is 0 without the dual term, undo null without the undo term. */
    record GeneratorLosses(float total, float adversarial, float dual, float pixel, float perceptual, Float undo) {}

    /** The residual GAN's losses: D's, then each generator's total and its parts. */
    static StepLosses of(float discriminator, GeneratorLosses g0, GeneratorLosses g1) {
        Map<String, Float> m = new LinkedHashMap<>();
        m.put("loss_D", discriminator);
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
    }

}
