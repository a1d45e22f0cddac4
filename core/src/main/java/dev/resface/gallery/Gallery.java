package dev.resface.gallery;

import dev.resface.data.FaceAttribute;
import dev.resface.experiment.Configuration;
import dev.resface.training.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a gallery trains: one run per attribute and seed, each from its attribute's own configuration (the preset
 * resolved for that attribute: its alpha, its budget). The experiment runner trains and scores them, so a gallery
 * resumes as an experiment does.
 */
public record Gallery(Map<FaceAttribute, RunConfig> configs, int seeds) {
    public Gallery {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("a gallery needs at least one attribute");
        }
        configs = new LinkedHashMap<>(configs);
    }

    public List<FaceAttribute> attributes() {
        return List.copyOf(configs.keySet());
    }

    public RunConfig config(FaceAttribute attribute) {
        return configs.get(attribute);
    }

    /** One configuration per attribute, named by its CelebA column; the runner's seed replaces the preset's. */
    public List<Configuration> configurations() {
        List<Configuration> out = new ArrayList<>();
        configs.forEach((a, config) -> out.add(new Configuration(a.celebaName(), a.celebaName(),
                base -> config.withTrain(config.train().withSeed(base.train().seed())))));
        return out;
    }
}
