package org.smpframe.lasso;

import java.util.SplittableRandom;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * Seeded generator of Lasso problems with strongly correlated feature blocks, the setting where scheduling
 * matters (the reference system's p ≫ n genomics problem has this structure).
 *
 * <p>Features come in blocks of {@code blockWidth} columns; within a block
 * x_ij = √c · z_{i,b} + √(1 − c) · e_ij with z, e standard normal, so two columns of a block have correlation c
 * and columns of different blocks are independent. The true β has {@code nonzeros} entries of random sign and
 * magnitude in [1, 2] on random columns; y = Xβ + σ ε.
 *
 * @param rows        n
 * @param features    p
 * @param blockWidth  columns per correlated block
 * @param correlation c, in [0, 1)
 * @param nonzeros    nonzeros of the true β
 * @param noise       σ
 * @param seed        seed; equal parameters and seed give the same data
 */
public record CorrelatedDesign(int rows, int features, int blockWidth, double correlation, int nonzeros,
                               double noise, long seed) {
    public CorrelatedDesign {
        if (rows <= 0 || features <= 0 || blockWidth <= 0 || nonzeros < 0 || nonzeros > features) {
            throw new IllegalArgumentException("bad shape: rows=" + rows + " features=" + features
                    + " blockWidth=" + blockWidth + " nonzeros=" + nonzeros);
        }
        if (!(correlation >= 0 && correlation < 1)) {
            throw new IllegalArgumentException("correlation must be in [0, 1), got " + correlation);
        }
    }

    public LabeledDataset generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        double a = Math.sqrt(correlation);
        double b = Math.sqrt(1 - correlation);
        int[] rowPtr = new int[rows + 1];
        int[] colIdx = new int[rows * features];
        double[] values = new double[rows * features];
        int blocks = (features + blockWidth - 1) / blockWidth;
        double[] shared = new double[blocks];
        int e = 0;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < blocks; k++) {
                shared[k] = gaussian(rnd);
            }
            for (int j = 0; j < features; j++) {
                colIdx[e] = j;
                values[e] = a * shared[j / blockWidth] + b * gaussian(rnd);
                e++;
            }
            rowPtr[i + 1] = e;
        }
        double[] truth = trueCoefficients();
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                s += values[k] * truth[colIdx[k]];
            }
            y[i] = s + noise * gaussian(rnd);
        }
        CsrMatrix x = new CsrMatrix(rows, features, rowPtr, colIdx, values);
        return new LabeledDataset(toString(), x, y, null);
    }

    /** The β the targets were generated from. */
    public double[] trueCoefficients() {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[] beta = new double[features];
        int placed = 0;
        while (placed < nonzeros) {
            int j = rnd.nextInt(features);
            if (beta[j] == 0) {
                beta[j] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextDouble());
                placed++;
            }
        }
        return beta;
    }

    // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public String toString() {
        return "correlated-design(n=" + rows + ",p=" + features + ",block=" + blockWidth + ",c=" + correlation
                + ",k=" + nonzeros + ",noise=" + noise + ",seed=" + seed + ")";
    }
}
