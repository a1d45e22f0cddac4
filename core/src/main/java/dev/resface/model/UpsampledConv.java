package dev.resface.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A conv applied to a 2x nearest-upsampled map, computed on the map before upsampling: each of the four output
 * phases (even or odd row, even or odd column) sees the small map through a kernel made by summing the big kernel's
 * taps that land on the same small pixel. Same function (zero padding included) and same parameters, fewer
 * multiply-adds: a 3x3 conv falls to 2x2 kernels (0.47x at 32 to 64 px), a 4x4 one to 3x3 (0.56x).
 */
final class UpsampledConv {
    /** Rows of the big 3x3 kernel summed onto the small map's rows i-1+a and i+a, for output row 2i+a. */
    private static final float[][] THREE = {{1, 0, 0, 0, 1, 1}, {1, 1, 0, 0, 0, 1}};
    /**
     * Rows of the big 4x4 kernel summed onto the small map's rows i-1, i, i+1, for output row 2i+a of the conv
     * padded by 2 whose first row and column are dropped (see {@link Layers#evenKernelSameConv}).
     */
    private static final float[][] FOUR = {{1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1}};

    /** The summing matrices of each phase, made once: they are constants, and made per call they piled up. */
    private final NDArray[] three;
    private final NDArray[] four;

    /** @param m the model's manager: the matrices live as long as the model */
    UpsampledConv(NDManager m) {
        three = summing(m, THREE, 2, 3);
        four = summing(m, FOUR, 3, 4);
    }

    private static NDArray[] summing(NDManager m, float[][] rows, int k, int big) {
        return new NDArray[] {m.create(rows[0], new Shape(k, big)), m.create(rows[1], new Shape(k, big))};
    }

    /**
     * The four phases' kernels (4F, C, k, k) and biases (4F) of one big kernel: what a pass convolves the small map
     * with. Made per training pass (the weights move), or once for a model that only edits.
     */
    record Phases(NDArray kernels, NDArray biases, boolean threeByThree) {}

    /** The phases of a 3x3 conv (F, C, 3, 3) of the upsampled map, attached to {@code into}. */
    Phases threeByThree(NDArray weight, NDArray bias, NDManager into) {
        return new Phases(phaseKernels(weight, three, into), fourTimes(bias, into), true);
    }

    /** The phases of the even-kernel "same" 4x4 conv (F, C, 4, 4) of the upsampled map, attached to {@code into}. */
    Phases evenFourByFour(NDArray weight, NDArray bias, NDManager into) {
        return new Phases(phaseKernels(weight, four, into), fourTimes(bias, into), false);
    }

    /** conv(up2(x)): (N,C,H,W) to (N,F,2H,2W), the conv's padding included. */
    static NDArray apply(NDArray x, Phases phases) {
        NDArray all = x.getNDArrayInternal().convolution(x, phases.kernels(), phases.biases(), new Shape(1, 1),
                new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        long filters = all.getShape().get(1) / 4;
        // NHWC order from here on, so that a channels-last input gives a channels-last output without a reorder.
        NDArray byPixel = all.transpose(0, 2, 3, 1);
        if (phases.threeByThree()) {
            // 2x2 kernels padded by 1 give H+1 rows and columns; phase (a,b) starts at row a, column b.
            NDList windows = new NDList();
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    int phase = 2 * a + b;
                    windows.add(byPixel.get(":, {}:{}, {}:{}, {}:{}", a, a + h, b, b + w, phase * filters,
                            (phase + 1) * filters));
                }
            }
            byPixel = NDArrays.stack(windows, 3);
        }
        // y[2i+a, 2j+b] = phase (a,b)[i, j]: the phase index splits into (a, b), which move beside i and j.
        return byPixel.reshape(x.getShape().get(0), h, w, 2, 2, filters)
                .transpose(0, 1, 3, 2, 4, 5)
                .reshape(x.getShape().get(0), 2 * h, 2 * w, filters)
                .transpose(0, 3, 1, 2);
    }

    /**
     * (4F, C, k, k): the kernels of phases (0,0), (0,1), (1,0), (1,1), from the big kernel (F, C, K, K). DJL puts a
     * result in its first operand's manager, here the model's: each is moved to {@code into}, so that nothing of a
     * pass outlives it. Each phase's left product is its own: shared by two phases, the weight's gradient is summed
     * in another order, and every trained figure moves by float rounding.
     */
    private static NDArray phaseKernels(NDArray weight, NDArray[] rows, NDManager into) {
        NDList kernels = new NDList();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                NDArray left = rows[a].matMul(weight);
                left.attach(into);
                NDArray right = rows[b].transpose();
                right.attach(into);
                kernels.add(left.matMul(right));
            }
        }
        NDArray all = NDArrays.concat(kernels);
        all.attach(into);
        return all;
    }

    private static NDArray fourTimes(NDArray bias, NDManager into) {
        NDArray biases = NDArrays.concat(new NDList(bias, bias, bias, bias));
        biases.attach(into);
        return biases;
    }
}
