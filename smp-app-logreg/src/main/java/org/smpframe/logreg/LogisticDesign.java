package org.smpframe.logreg;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * Seeded synthetic classification data: sparse rows whose features come in correlated groups (a feature copies
 * its group's leader with probability {@code correlation}, as n-grams or one-hot encodings of related fields do),
 * labels drawn from a logistic model with a few nonzero weights. For tests and scaling benchmarks.
 *
 * @param rows        n
 * @param features    p
 * @param density     fraction of nonzero entries per row (before copies)
 * @param groupSize   features per correlated group
 * @param correlation probability that a feature copies its group leader's value
 * @param informative number of features with a nonzero true weight
 * @param seed        random seed
 */
public record LogisticDesign(int rows, int features, double density, int groupSize, double correlation,
                             int informative, long seed) {

    public LabeledDataset generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] trueW = new double[features];
        for (int k = 0; k < Math.min(informative, features); k++) {
            trueW[rnd.nextInt(features)] = rnd.nextDouble(-3, 3);
        }
        int[] rowPtr = new int[rows + 1];
        int[] colIdx = new int[Math.max(16, (int) (rows * (features * density * 2 + 1)))];
        double[] values = new double[colIdx.length];
        double[] y = new double[rows];
        double[] dense = new double[features];
        int e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features; j++) {
                int leader = j - j % groupSize;
                if (j != leader && dense[leader] != 0 && rnd.nextDouble() < correlation) {
                    dense[j] = dense[leader];
                } else {
                    dense[j] = rnd.nextDouble() < density ? (rnd.nextBoolean() ? 1.0 : rnd.nextDouble(0, 2)) : 0.0;
                }
            }
            double margin = -0.5;
            for (int j = 0; j < features; j++) {
                if (dense[j] != 0) {
                    if (e == colIdx.length) {
                        colIdx = Arrays.copyOf(colIdx, 2 * e);
                        values = Arrays.copyOf(values, 2 * e);
                    }
                    colIdx[e] = j;
                    values[e] = dense[j];
                    e++;
                    margin += trueW[j] * dense[j];
                }
            }
            rowPtr[i + 1] = e;
            y[i] = rnd.nextDouble() < 1.0 / (1.0 + Math.exp(-margin)) ? 1 : -1;
        }
        CsrMatrix x = new CsrMatrix(rows, features, rowPtr, Arrays.copyOf(colIdx, e),
                Arrays.copyOf(values, e));
        return new LabeledDataset("logistic-design-" + seed, x, y, null);
    }
}
