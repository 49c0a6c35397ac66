package org.smpframe.logreg;

import org.smpframe.data.ColumnScaling;
import org.smpframe.data.CscMatrix;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * A binary classification training set prepared for coordinate descent on
 * F(w) = (1/n) Σ_i log(1 + exp(−y_i x_i·w)) + λ Σ_{j penalized} |w_j|.
 *
 * <p>Labels are mapped to y ∈ {−1, +1} (files may say −1/+1 or 0/1). The optional bias is, as in liblinear, an
 * extra feature with value 1 in every row (the last parameter), but unpenalized. Keeping it a real column lets
 * the workers, the dependency filter and the model file treat it like any other coordinate.
 */
public final class LogRegProblem {
    final int n;
    /** Features of the data, without the bias column. */
    final int numFeatures;
    /** Parameters: the features, plus the bias when there is one (index numFeatures). */
    final int p;
    final boolean bias;
    final CsrMatrix rows;
    private CscMatrix columns; // made on first use: the feature layout's dense copy is made from the rows
    final double[] y;
    final double[] colSqNorm;
    /** Column means μ_j and ‖x_j − μ_j 1‖², for the dependency measure of a model with a bias. */
    final double[] colMean;
    final double[] centredColSqNorm;
    /** max_i |x_ij| of every column. */
    final double[] colMaxAbs;
    private final double[] lossGradientAtZero;
    final int positives;
    final int negatives;
    /** How the file wrote the classes: 1 and −1, or 1 and 0. Kept for the model file's label line. */
    final int positiveLabel;
    final int negativeLabel;
    /** Column scales of the features as solved (identity unless standardized). */
    final ColumnScaling scaling;

    private LogRegProblem(CsrMatrix x, double[] y, boolean bias, int positiveLabel, int negativeLabel,
                          ColumnScaling scaling) {
        this.scaling = scaling;
        this.n = x.numRows;
        this.numFeatures = x.numCols;
        this.bias = bias;
        this.rows = bias ? withBiasColumn(x) : x;
        this.p = rows.numCols;
        this.y = y;
        this.positiveLabel = positiveLabel;
        this.negativeLabel = negativeLabel;
        int pos = 0;
        for (double v : y) {
            pos += v > 0 ? 1 : 0;
        }
        this.positives = pos;
        this.negatives = n - pos;
        this.colSqNorm = new double[p];
        this.colMean = ColumnScaling.columnMeans(rows);
        this.centredColSqNorm = new double[p];
        this.colMaxAbs = new double[p];
        this.lossGradientAtZero = new double[p];
        double[] values = rows.values;
        int[] colIdx = rows.colIdx;
        for (int i = 0; i < n; i++) {
            double halfY = 0.5 * y[i];
            for (int e = rows.rowPtr[i], end = rows.rowPtr[i + 1]; e < end; e++) {
                int j = colIdx[e];
                double v = values[e];
                colSqNorm[j] += v * v;
                colMaxAbs[j] = Math.max(colMaxAbs[j], Math.abs(v));
                lossGradientAtZero[j] -= halfY * v;
            }
        }
        for (int j = 0; j < p; j++) {
            lossGradientAtZero[j] /= n;
            // Clamp the cancellation error of a constant column (the bias column itself) at 0.
            centredColSqNorm[j] = Math.max(0.0, colSqNorm[j] - n * colMean[j] * colMean[j]);
        }
    }

    /** The columns, compressed (made on first use, then kept). */
    synchronized CscMatrix columns() {
        if (columns == null) {
            columns = rows.toCsc();
        }
        return columns;
    }

    /** Stored entries of every column. */
    long[] columnNonzeros() {
        long[] nnz = new long[p];
        for (int j : rows.colIdx) {
            nnz[j]++;
        }
        return nnz;
    }

    /** Whether the data is best held as dense columns (nonzeros ≥ half the matrix). */
    boolean dense() {
        return org.smpframe.linear.ColumnBlock.prefersDense(rows.nnz(), n, p);
    }

    /** Every column as a dense array, from the rows. */
    double[][] denseColumns() {
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int e = rows.rowPtr[i], end = rows.rowPtr[i + 1]; e < end; e++) {
                cols[rows.colIdx[e]][i] = rows.values[e];
            }
        }
        return cols;
    }

    /** Prepares {@code data} without standardizing: {@link #of(LabeledDataset, boolean, boolean)}. */
    public static LogRegProblem of(LabeledDataset data, boolean bias) {
        return of(data, bias, false);
    }

    /**
     * Prepares {@code data}, whose labels must be −1/+1 or 0/1 (both classes present).
     *
     * @param bias        add an unpenalized bias term
     * @param standardize divide every feature by its standard deviation first (no centring: sparse stays
     *                    sparse), so that λ penalizes every feature on the same scale; weights are reported on
     *                    the original scale
     */
    public static LogRegProblem of(LabeledDataset data, boolean bias, boolean standardize) {
        double[] y = checkFittable(data, bias);
        boolean zeroOne = false;
        for (double l : data.labels()) {
            zeroOne |= l == 0;
        }
        CsrMatrix x = data.features();
        ColumnScaling scaling = standardize ? ColumnScaling.unitVariance(x) : ColumnScaling.identity(x.numCols);
        return new LogRegProblem(standardize ? scaling.apply(x) : x, y, bias, 1, zeroOne ? 0 : -1, scaling);
    }

    /**
     * Checks that {@code data} can be fitted (rows, labels −1/+1 or 0/1 not mixed, both classes, at least one
     * parameter) and returns the labels as ±1; the error names the file and what is wrong.
     */
    public static double[] checkFittable(LabeledDataset data, boolean bias) {
        if (data.numRows() == 0) {
            throw new IllegalArgumentException(data.source() + ": no rows");
        }
        if (data.numFeatures() == 0 && !bias) {
            throw new IllegalArgumentException(data.source() + ": no features, and no bias: nothing to fit");
        }
        double[] labels = data.labels();
        boolean sawZero = false;
        boolean sawMinusOne = false;
        double[] y = new double[labels.length];
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            double l = labels[i];
            if (l == 1) {
                y[i] = 1;
                positives++;
            } else if (l == -1 || l == 0) {
                y[i] = -1;
                sawZero |= l == 0;
                sawMinusOne |= l == -1;
            } else {
                throw new IllegalArgumentException(data.source() + ": row " + (i + 1) + " has label " + l
                        + "; binary classification needs -1/+1 or 0/1");
            }
        }
        if (sawZero && sawMinusOne) {
            throw new IllegalArgumentException(data.source() + ": labels mix 0 and -1; write the negative class "
                    + "one way (-1/+1 or 0/1)");
        }
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException(data.source() + ": all " + labels.length + " rows are class "
                    + (positives == 0 ? (sawZero ? "0" : "-1") : "+1") + "; a classifier needs both classes");
        }
        return y;
    }

    private static CsrMatrix withBiasColumn(CsrMatrix x) {
        int n = x.numRows;
        int[] rowPtr = new int[n + 1];
        int[] colIdx = new int[Math.toIntExact(x.nnz() + n)];
        double[] values = new double[colIdx.length];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int k = x.rowPtr[i]; k < x.rowPtr[i + 1]; k++) {
                colIdx[e] = x.colIdx[k];
                values[e] = x.values[k];
                e++;
            }
            colIdx[e] = x.numCols;
            values[e] = 1.0;
            e++;
            rowPtr[i + 1] = e;
        }
        return new CsrMatrix(n, x.numCols + 1, rowPtr, colIdx, values);
    }

    /** Feature weights of the problem as solved, on the scale of the input columns. */
    double[] toOriginalScale(double[] featureWeights) {
        return scaling.toOriginal(featureWeights);
    }

    public int numRows() {
        return n;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public boolean hasBias() {
        return bias;
    }

    int positives() {
        return positives;
    }

    int negatives() {
        return negatives;
    }

    /** Whether parameter j carries the L1 penalty (everything but the bias). */
    boolean penalized(int j) {
        return !bias || j != numFeatures;
    }

    /**
     * The smallest λ for which w = 0 (with the bias at its own optimum log(n₊/n₋)) is optimal:
     * max over penalized j of |∂F/∂w_j| there.
     */
    public double lambdaMax() {
        // At that point σ(−y_i b) is n₋/n for positive rows and n₊/n for negative rows (½ without a bias).
        double sPos = bias ? negatives / (double) n : 0.5;
        double sNeg = bias ? positives / (double) n : 0.5;
        double[] g = new double[p];
        for (int i = 0; i < n; i++) {
            double weight = y[i] > 0 ? -sPos : sNeg;
            for (int e = rows.rowPtr[i], end = rows.rowPtr[i + 1]; e < end; e++) {
                g[rows.colIdx[e]] += weight * rows.values[e];
            }
        }
        double max = 0;
        for (int j = 0; j < numFeatures; j++) {
            max = Math.max(max, Math.abs(g[j]) / n);
        }
        return max;
    }

    /** The gradient of the loss part at w = 0: (1/n) Σ_i −y_i x_ij / 2. */
    double[] lossGradientAtZero() {
        return lossGradientAtZero.clone();
    }
}
