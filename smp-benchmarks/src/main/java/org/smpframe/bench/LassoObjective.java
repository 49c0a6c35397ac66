package org.smpframe.bench;

import java.util.Arrays;
import org.smpframe.data.ColumnScaling;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * The SMPFrame Lasso objective of any coefficient vector, computed directly from the data (independently of the
 * solver's incrementally updated residuals), so that solutions of different libraries can be compared under one
 * objective:
 * <pre>
 *   F(β, b) = (1/2n) Σ_i (y_i − b − x_iᵀβ)²  +  λ Σ_j s_j |β_j|
 * </pre>
 * with β on the scale of the input columns and s_j the population standard deviation of column j when the
 * problem is standardized (λ then penalizes the coefficients of the standardized columns, β_j s_j), else 1.
 * The intercept is the optimal one for β: b = mean(y − Xβ).
 */
public final class LassoObjective {
    private final CsrMatrix x;
    private final double[] y;
    private final double[] penaltyWeights;
    private final double lambda;

    /** The objective of {@code data} at {@code lambda}, standardized or not. */
    public LassoObjective(LabeledDataset data, double lambda, boolean standardize) {
        this.x = data.features();
        this.y = data.labels();
        this.lambda = lambda;
        this.penaltyWeights = standardize ? ColumnScaling.unitVariance(x).scales() : ones(x.numCols);
    }

    /** F(β, b*) with the optimal intercept b* = mean(y − Xβ); β on the original column scale. */
    public double value(double[] beta) {
        int n = x.numRows;
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - x.rowDot(i, beta);
            mean += r[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = r[i] - mean;
            squares += d * d;
        }
        return squares / (2.0 * n) + lambda * weightedL1(beta);
    }

    /** Σ_j s_j |β_j|: the L1 norm of the standardized coefficients. */
    public double weightedL1(double[] beta) {
        double l1 = 0;
        for (int j = 0; j < beta.length; j++) {
            l1 += penaltyWeights[j] * Math.abs(beta[j]);
        }
        return l1;
    }

    private static double[] ones(int p) {
        double[] w = new double[p];
        Arrays.fill(w, 1.0);
        return w;
    }
}
