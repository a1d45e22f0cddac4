package dev.resface.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** The loss values of one iteration, as logged to metrics.jsonl and shown on the progress bar. */
public record StepLosses(
        float discriminator,
        float g0Total, float g0Adversarial, float g0Dual, float g0Pixel, float g0Perceptual,
        float g1Total, float g1Adversarial, float g1Dual, float g1Pixel, float g1Perceptual) {

    public boolean allFinite() {
        return asMap().values().stream().allMatch(v -> Float.isFinite(v.floatValue()));
    }

    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("loss_D", discriminator);
        m.put("loss_G0", g0Total);
        m.put("loss_G0_adv", g0Adversarial);
        m.put("loss_G0_dual", g0Dual);
        m.put("G0_pix", g0Pixel);
        m.put("G0_per", g0Perceptual);
        m.put("loss_G1", g1Total);
        m.put("loss_G1_adv", g1Adversarial);
        m.put("loss_G1_dual", g1Dual);
        m.put("G1_pix", g1Pixel);
        m.put("G1_per", g1Perceptual);
        return m;
    }

    public String brief() {
        return String.format("D %.3f G0 %.3f G1 %.3f", discriminator, g0Total, g1Total);
    }
}
