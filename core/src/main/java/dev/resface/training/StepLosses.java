package dev.resface.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named loss values of one iteration, as logged to metrics.jsonl (charted by name prefix) and shown on the
 * progress bar. Each method names its own; the first three are the bar's.
 */
public record StepLosses(Map<String, Float> values) {
    public StepLosses {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The residual GAN's losses: D's, then each generator's total and its parts. */
    public static StepLosses residualGan(float discriminator, float[] g0, float[] g1) {
        Map<String, Float> m = new LinkedHashMap<>();
        m.put("loss_D", discriminator);
        m.put("loss_G0", g0[0]);
        m.put("loss_G1", g1[0]);
        parts(m, "0", g0);
        parts(m, "1", g1);
        return new StepLosses(m);
    }

    private static void parts(Map<String, Float> m, String k, float[] g) {
        m.put("loss_G" + k + "_adv", g[1]);
        m.put("loss_G" + k + "_dual", g[2]);
        m.put("G" + k + "_pix", g[3]);
        m.put("G" + k + "_per", g[4]);
        if (g.length > 5) {
            m.put("G" + k + "_undo", g[5]);
        }
    }

    public boolean allFinite() {
        return values.values().stream().allMatch(Float::isFinite);
    }

    public Map<String, Number> asMap() {
        return new LinkedHashMap<>(values);
    }

    public String brief() {
        StringBuilder s = new StringBuilder();
        values.entrySet().stream().limit(3).forEach(e -> s.append(s.length() == 0 ? "" : " ")
                .append(e.getKey().replace("loss_", "")).append(String.format(" %.3f", e.getValue())));
        return s.toString();
    }
}
