package dev.resface.experiment;

import dev.resface.losses.ResidualNorm;
import dev.resface.model.GeneratorDesign;
import dev.resface.model.ModelConfig;
import dev.resface.model.vaegan.VaeGanConfig;
import dev.resface.training.vaegan.VaeGanMethod;
import dev.resface.training.RunConfig;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One configuration an experiment compares: a change to the shared base run (same budget, size, width, batch and
 * seed for all), and a name.
 *
 * @param id the run folder's name and the key in results.json
 * @param label how tables and claims name it
 */
public record Configuration(String id, String label, UnaryOperator<RunConfig> apply) {
    public static final String PAPER = "resface";
    public static final String NO_RESIDUAL = "no-residual";
    public static final String NO_DUAL = "no-dual";
    public static final String L2_RESIDUAL = "l2-residual";
    public static final String NO_SPARSITY = "no-sparsity";
    public static final String TABLE1_D = "table1-d";
    public static final String TABLE1_G = "table1-g";
    public static final String VAE_GAN = "vae-gan";
    public static final String PLAIN_VAE = "vae";

    /**
     * The paper's configuration first, then its ablations, the other residual norms, Table 1's D and G (the CPU
     * preset's G has a full-resolution path Table 1 lacks; under the paper preset the two G runs are alike),
     * VAE-GAN and a plain VAE, the floor of VAE-GAN's reconstructions.
     */
    public static List<Configuration> standard() {
        return List.of(
                new Configuration(PAPER, "resface (the paper's method)", c -> c),
                new Configuration(NO_RESIDUAL, "without residual learning",
                        c -> c.withModel(c.model().withResidual(false))),
                new Configuration(NO_DUAL, "without dual learning", c -> c.withTrain(c.train().withDual(false))),
                new Configuration(L2_RESIDUAL, "L2 residual norm",
                        c -> c.withTrain(c.train().withResidualNorm(ResidualNorm.L2))),
                new Configuration(NO_SPARSITY, "no residual sparsity term",
                        c -> c.withTrain(c.train().withResidualNorm(ResidualNorm.NONE))),
                new Configuration(TABLE1_D, "Table 1's D (batch norm, ending on its 4x4 map)",
                        c -> c.withModel(c.model().withDiscriminatorBatchNorm(true).withDiscriminatorLayers(
                                ModelConfig.layersEndingOn4x4(c.model().imageSize())))),
                new Configuration(TABLE1_G, "Table 1's G (without the full-resolution path)",
                        c -> c.withModel(c.model().withGenerator(GeneratorDesign.TABLE1))),
                new Configuration(VAE_GAN, "VAE-GAN (Larsen et al.)", c -> c.withMethod(VaeGanMethod.ID)),
                new Configuration(PLAIN_VAE, "plain VAE (VAE-GAN's reconstruction floor)",
                        c -> VaeGanMethod.configure(c, VaeGanConfig.published().asPlainVae())));
    }

    /** The standard configurations named in {@code ids}, in the standard order; an unknown id is an error. */
    public static List<Configuration> chosen(List<String> ids) {
        List<Configuration> all = standard();
        for (String id : ids) {
            if (all.stream().noneMatch(c -> c.id().equals(id))) {
                throw new IllegalArgumentException("unknown configuration '" + id + "'; there are "
                        + all.stream().map(Configuration::id).toList());
            }
        }
        return all.stream().filter(c -> ids.contains(c.id())).toList();
    }
}
