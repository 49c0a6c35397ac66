package org.smpframe.lasso;

import java.util.SplittableRandom;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/** Small seeded problems for the tests. */
final class LassoTestData {
    private LassoTestData() {
    }

    /** A sparse random design (about {@code density} of entries nonzero) with a sparse true β plus noise. */
    static LabeledDataset sparse(int n, int p, double density, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (rnd.nextDouble() < density) {
                    x[i][j] = rnd.nextDouble(-2, 2);
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 3.0 + 2.0 * x[i][0] - 1.5 * x[i][1 % p] + 0.5 * x[i][2 % p] + 0.3 * rnd.nextDouble(-1, 1);
        }
        return new LabeledDataset("sparse-test", CsrMatrix.fromDense(x), y, null);
    }

    static LabeledDataset correlated(int n, int p, double c, long seed) {
        return new CorrelatedDesign(n, p, 5, c, 4, 0.1, seed).generate();
    }
}
