package org.smpframe.lasso;

import org.smpframe.data.ColumnScaling;
import org.smpframe.data.CscMatrix;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * A Lasso training set prepared for coordinate descent: optionally normalized columns, the implicit centring
 * (column means μ_j and target mean ȳ, zero without an intercept) and the squared norms d_j = ‖x̃_j‖² of the
 * centred columns, computed once. The column-major copies a solver reads (compressed columns for the rows
 * layout and the dependency oracle, dense centred columns for the feature layout on dense data) are made on first
 * use and shared by every worker, which reads them without copying.
 */
public final class LassoProblem {
    final int n;
    final int p;
    final CsrMatrix rows;
    private CscMatrix columns;          // on first use
    private double[][] denseColumns;    // on first use: x̃_j, centred
    final double[] centeredY;
    final double yMean;
    final double[] colMean;
    final double[] colSqNorm;
    final ColumnScaling scaling;
    final boolean intercept;

    private LassoProblem(CsrMatrix x, double[] y, boolean intercept, ColumnScaling scaling) {
        this.n = x.numRows;
        this.p = x.numCols;
        this.rows = x;
        this.intercept = intercept;
        this.scaling = scaling;
        double mean = 0;
        if (intercept) {
            for (double v : y) {
                mean += v;
            }
            mean /= n;
        }
        this.yMean = mean;
        this.centeredY = new double[n];
        for (int i = 0; i < n; i++) {
            centeredY[i] = y[i] - mean;
        }
        this.colMean = intercept ? ColumnScaling.columnMeans(x) : new double[p];
        this.colSqNorm = new double[p];
        for (int e = 0; e < x.colIdx.length; e++) {
            colSqNorm[x.colIdx[e]] += x.values[e] * x.values[e];
        }
        for (int j = 0; j < p; j++) {
            // ‖x_j − μ_j 1‖² = ‖x_j‖² − n μ_j²; clamp the cancellation error of a constant column at 0.
            colSqNorm[j] = Math.max(0.0, colSqNorm[j] - n * colMean[j] * colMean[j]);
        }
    }

    /** The columns, compressed (made on first call, then shared). */
    public synchronized CscMatrix columns() {
        if (columns == null) {
            columns = rows.toCsc();
        }
        return columns;
    }

    /** Whether the data is best held as dense columns: half its entries or more are nonzero. */
    public boolean dense() {
        return org.smpframe.linear.ColumnBlock.prefersDense(rows.nnz(), n, p);
    }

    /** The centred columns x̃_j = x_j − μ_j as dense arrays, one per column (made on first call, then shared). */
    public synchronized double[][] centeredDenseColumns() {
        if (denseColumns == null) {
            double[][] cols = new double[p][];
            for (int j = 0; j < p; j++) {
                cols[j] = new double[n];
                if (colMean[j] != 0) {
                    java.util.Arrays.fill(cols[j], -colMean[j]);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int e = rows.rowPtr[i]; e < rows.rowPtr[i + 1]; e++) {
                    int j = rows.colIdx[e];
                    cols[j][i] = rows.values[e] - colMean[j];
                }
            }
            denseColumns = cols;
        }
        return denseColumns;
    }

    /** Nonzeros of every column. */
    long[] columnNonzeros() {
        long[] nnz = new long[p];
        for (int j : rows.colIdx) {
            nnz[j]++;
        }
        return nnz;
    }

    /**
     * Prepares {@code data}. With {@code standardize}, columns are divided by their standard deviation first
     * and the scale is kept to report coefficients on the original scale.
     */
    public static LassoProblem of(LabeledDataset data, boolean intercept, boolean standardize) {
        if (data.numRows() == 0) {
            throw new IllegalArgumentException(data.source() + ": no rows");
        }
        CsrMatrix x = data.features();
        ColumnScaling scaling = standardize ? ColumnScaling.unitVariance(x) : ColumnScaling.identity(x.numCols);
        return new LassoProblem(standardize ? scaling.apply(x) : x, data.labels(), intercept, scaling);
    }

    public int numRows() {
        return n;
    }

    public int numFeatures() {
        return p;
    }

    /** The smallest λ for which β = 0 is optimal: max_j |x̃_jᵀỹ| / n. */
    public double lambdaMax() {
        double[] g = new double[p]; // x̃_jᵀỹ = x_jᵀỹ since Σ ỹ = 0
        for (int i = 0; i < n; i++) {
            double yi = centeredY[i];
            for (int e = rows.rowPtr[i]; e < rows.rowPtr[i + 1]; e++) {
                g[rows.colIdx[e]] += rows.values[e] * yi;
            }
        }
        double max = 0;
        for (double v : g) {
            max = Math.max(max, Math.abs(v));
        }
        return max / n;
    }

    /** Coefficients of the normalized problem back on the scale of the input columns. */
    double[] toOriginalScale(double[] beta) {
        return scaling.toOriginal(beta);
    }

    /** b = ȳ − Σ_j μ_j β_j (μ of the columns as solved, β on that scale); 0 without an intercept. */
    double interceptFor(double[] beta) {
        if (!intercept) {
            return 0.0;
        }
        double b = yMean;
        for (int j = 0; j < p; j++) {
            b -= colMean[j] * beta[j];
        }
        return b;
    }
}
