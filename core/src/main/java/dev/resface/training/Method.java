package dev.resface.training;

import java.util.Locale;

/** The attribute editing methods resface trains: the paper's residual GAN (and its ablations) and its VAE-GAN baseline. */
public enum Method {
    RESIDUAL_GAN, VAE_GAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Method parse(String s) {
        for (Method m : values()) {
            if (m.id().equalsIgnoreCase(s.trim()) || m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be residual-gan or vae-gan, got '" + s + "'");
    }
}
