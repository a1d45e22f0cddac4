package dev.resface.training;

import dev.resface.model.EditingModel;
import java.util.Map;

/**
 * Scores the generators on held-out faces while a run trains, so that its report shows whether each direction was
 * still improving when training stopped. It must only run the networks in inference mode: scoring leaves the
 * training state, and so resume, untouched.
 */
@FunctionalInterface
public interface ProgressScorer {
    /** Named scores (e.g. remove_success), in the order they are to be plotted. */
    Map<String, Double> score(EditingModel gan);
}
