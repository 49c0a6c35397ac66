package org.smpframe.mf;

import java.util.SplittableRandom;

/**
 * Starting points: H uniform in [0, initScale) for both methods (biases 0); W = 0 for CCD++, whose first
 * half-step solves W exactly, and uniform like H for SGD, which cannot move H while W is 0 (the gradient of hⱼ
 * is a multiple of wᵢ).
 */
final class InitialFactors {
    private InitialFactors() {
    }

    /**
     * Row-major initial H, drawn item by item from one seeded stream, so the start does not depend on the number
     * of workers or blocks: runs with different P differ only by the order of floating-point sums.
     */
    static double[] items(int numItems, FactorColumns columns, double initScale, long seed) {
        return draw(numItems, columns, initScale, new SplittableRandom(seed), false);
    }

    /** Row-major random W for SGD, from a stream independent of H's, user by user. */
    static double[] users(int numUsers, FactorColumns columns, double initScale, long seed) {
        return draw(numUsers, columns, initScale, new SplittableRandom(seed).split(), true);
    }

    private static double[] draw(int rows, FactorColumns columns, double initScale, SplittableRandom rng,
                                 boolean userSide) {
        int cols = columns.count();
        double[] f = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                if (!(userSide ? columns.learnedInW(c) : columns.learnedInH(c))) {
                    f[i * cols + c] = 1.0;
                } else if (c >= columns.firstFactor()) {
                    f[i * cols + c] = rng.nextDouble() * initScale;
                }
            }
        }
        return f;
    }
}
