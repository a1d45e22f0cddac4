package dev.resface.training.residualgan;

import ai.djl.ndarray.NDArray;
import dev.resface.model.Direction;

/**
 * D's part of one generator's loss (eq. 8) during that generator's update: how it classifies the edit and the way
 * back, and how far the edit's features moved. D itself is frozen then; the gradients flow into the generator.
 */
interface Judge {
    /**
     * @param groups x0, x1 and both edits, the updated generator's with its graph
     * @param back x^, the other generator's edit of this one's edit; null without the dual term
     */
    Verdict judge(Direction direction, BatchGroups groups, NDArray back);

    /**
     * @param adversarial -log p_target(x~), the class of real faces the edit should look like (eq. 6)
     * @param dual -log p_source(x^): the way back should look like the input's class (eq. 7); null without the dual term
     * @param perceptual ||phi(x) - phi(x~)||_1 (eq. 5)
     */
    record Verdict(NDArray adversarial, NDArray dual, NDArray perceptual) {}
}
