package dev.resface.training;

import ai.djl.ndarray.NDManager;
import dev.resface.BadInputException;
import dev.resface.model.EditingModel;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The methods resface trains. They are listed in one place, {@code META-INF/services/dev.resface.training.TrainingMethod}
 * (Java's service loader, as DJL finds its engines), so that this package knows none of them by name: a method's
 * package depends on training, never the other way.
 */
public final class Methods {
    /** In the order of the list; the first is the default. */
    public static final List<TrainingMethod> ALL = ServiceLoader.load(TrainingMethod.class,
            TrainingMethod.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private Methods() {}

    public static TrainingMethod byDefault() {
        return ALL.get(0);
    }

    /** By id; the enum names of runs written before methods were plug-ins (RESIDUAL_GAN) are read too. */
    public static TrainingMethod byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return ALL.stream().filter(m -> m.id().equals(wanted)).findFirst().orElseThrow(() -> new BadInputException(
                "unknown method '" + id + "'; expected " + ALL.stream().map(TrainingMethod::id)
                        .collect(Collectors.joining(" or "))));
    }

    /** One line per method, for --method's help. */
    public static String help() {
        return ALL.stream().map(m -> m.id() + ": " + m.summary()).collect(Collectors.joining("; "));
    }

    /** Fresh networks and optimisers for training. */
    public static MethodTrainer trainer(RunConfig config, NDManager manager) {
        return byId(config.method()).trainer(config, manager);
    }

    /** A trained run's model, ready to edit. */
    public record Trained(EditingModel model, long iteration) {}

    public static Trained load(RunFolder folder, RunConfig config, NDManager manager) {
        TrainingMethod method = byId(config.method());
        EditingModel model = method.model(config, manager);
        try {
            long iteration = Checkpoint.loadModel(folder.checkpoint(), model);
            method.loaded(folder, model);
            model.freeze();
            return new Trained(model, iteration);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
