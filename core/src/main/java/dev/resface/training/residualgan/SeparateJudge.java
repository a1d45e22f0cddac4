package dev.resface.training.residualgan;

import ai.djl.ndarray.NDArray;
import dev.resface.losses.DClass;
import dev.resface.losses.GanLosses;
import dev.resface.model.Direction;
import dev.resface.model.ResidualGan;
import dev.resface.model.ResidualGan.Judgement;

/**
 * The judge for a D without batch norm, which treats images one by one: the edit and its way back share one pass,
 * cheaper than two, and only phi of the input is computed besides.
 */
final class SeparateJudge implements Judge {
    private final ResidualGan gan;

    SeparateJudge(ResidualGan gan) {
        this.gan = gan;
    }

    @Override
    public Verdict judge(Direction direction, BatchGroups groups, NDArray back) {
        NDArray edited = groups.edited(direction);
        NDArray phiInput = gan.features(groups.input(direction), true);
        DClass target = DClass.realFaces(direction == Direction.ADD);
        if (back == null) {
            Judgement one = gan.judge(edited, true);
            return new Verdict(GanLosses.crossEntropy(one.logits(), target), null,
                    GanLosses.perceptual(phiInput, one.features()));
        }
        Judgement both = gan.judge(edited.concat(back), true);
        NDArray logitsEdited = BatchGroups.group(both.logits(), 0, 2);
        NDArray logitsBack = BatchGroups.group(both.logits(), 1, 2);
        NDArray phiEdited = BatchGroups.group(both.features(), 0, 2);
        NDArray adversarial = GanLosses.crossEntropy(logitsEdited, target);
        NDArray perceptual = GanLosses.perceptual(phiInput, phiEdited);
        NDArray dual = GanLosses.crossEntropy(logitsBack, DClass.realFaces(direction == Direction.REMOVE));
        return new Verdict(adversarial, dual, perceptual);
    }
}
