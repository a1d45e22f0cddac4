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

    /** conv3x3(up2(x)) with padding 1: (N,C,H,W) to (N,F,2H,2W). */
    NDArray threeByThree(NDArray x, NDArray weight, NDArray bias) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        // 2x2 kernels padded by 1 give H+1 rows; phase a starts at row a.
        NDArray all = conv(x, phaseKernels(weight, three, x.getManager()), bias, 1);
        return interleave(all, weight.getShape().get(0), (p, a, b) -> p.get(":, :, {}:{}, {}:{}", a, a + h, b, b + w));
    }

    /** The even-kernel "same" 4x4 conv of up2(x): (N,C,H,W) to (N,F,2H,2W). */
    NDArray evenFourByFour(NDArray x, NDArray weight, NDArray bias) {
        NDArray all = conv(x, phaseKernels(weight, four, x.getManager()), bias, 1);
        return interleave(all, weight.getShape().get(0), (p, a, b) -> p);
    }

    /**
     * (4F, C, k, k): the kernels of phases (0,0), (0,1), (1,0), (1,1), from the big kernel (F, C, K, K). DJL puts a
     * result in its first operand's manager, here the model's: each is moved to {@code into}, the caller's, so that
     * nothing of a pass outlives it. Each phase's left product is its own: shared by two phases, the weight's gradient
     * is summed in another order, and every trained figure moves by float rounding.
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
        return NDArrays.concat(kernels);
    }

    private static NDArray conv(NDArray x, NDArray kernels, NDArray bias, int pad) {
        NDArray biases = NDArrays.concat(new NDList(bias, bias, bias, bias));
        biases.attach(x.getManager());
        return x.getNDArrayInternal().convolution(x, kernels, biases, new Shape(1, 1), new Shape(pad, pad),
                new Shape(1, 1), 1).singletonOrThrow();
    }

    @FunctionalInterface
    private interface PhaseWindow {
        NDArray of(NDArray phase, int a, int b);
    }

    /**
     * y[2i+a, 2j+b] = phase (a,b)[i, j], built in NHWC order so that a channels-last input gives a channels-last
     * output without a reorder.
     */
    private static NDArray interleave(NDArray all, long filters, PhaseWindow window) {
        NDList rows = new NDList();
        for (int a = 0; a < 2; a++) {
            NDList cols = new NDList();
            for (int b = 0; b < 2; b++) {
                int phase = 2 * a + b;
                NDArray p = all.get(":, {}:{}", phase * filters, (phase + 1) * filters);
                cols.add(window.of(p, a, b).transpose(0, 2, 3, 1));
            }
            rows.add(NDArrays.stack(cols, 3));
        }
        NDArray y = NDArrays.stack(rows, 2);
        Shape s = y.getShape();
        return y.reshape(s.get(0), 2 * s.get(1), 2 * s.get(3), filters).transpose(0, 3, 1, 2);
    }
}
