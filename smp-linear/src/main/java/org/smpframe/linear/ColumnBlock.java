package org.smpframe.linear;

import org.smpframe.data.CscMatrix;
import org.smpframe.linear.kernel.DenseKernels;

/**
 * The columns of the data one worker holds in the feature-sharded layout, with every row of each: dense columns
 * as one array per column, centred once (so coordinate descent is a dense dot and axpy per update, nothing
 * else), sparse ones as compressed columns whose centring stays implicit (centring would make them dense).
 *
 * <p>Residual vectors come in two parts, {@code raw} and a scalar {@code offset}, the residual being
 * raw[i] + offset: a sparse column's centred update x̃_k = x_k − μ_k·1 then touches its nonzeros of raw and the
 * offset, never all n rows. For dense columns μ is 0 (they are stored centred) and the offset never moves.
 * Local column k is global column {@link #globalId(int) globalIds[k]}.
 */
public final class ColumnBlock {
    private final int numRows;
    private final int[] globalIds;
    private final double[][] dense; // null for sparse storage
    private final int[] colPtr;
    private final int[] rowIdx;
    private final double[] values;
    private final double[] mean;    // μ_k of the sparse columns; 0 for dense ones (stored centred)
    private final double[] sum;     // Σ_i of the stored column (uncentred if sparse; centred, so about 0, if dense)
    private final double[] sqNorm;  // ‖x̃_k‖², the centred column's
    private final long nnz;

    private ColumnBlock(int numRows, int[] globalIds, double[][] dense, int[] colPtr, int[] rowIdx, double[] values,
                        double[] mean, double[] sum, double[] sqNorm, long nnz) {
        this.numRows = numRows;
        this.globalIds = globalIds;
        this.dense = dense;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.values = values;
        this.mean = mean;
        this.sum = sum;
        this.sqNorm = sqNorm;
        this.nnz = nnz;
    }

    /**
     * Dense columns: {@code centered[j]} is x̃_j (length n, centred already, or uncentred without an intercept), and
     * the block holds columns {@code columns} (global ids, in the order the worker indexes them) by reference: no
     * copy of the data.
     */
    public static ColumnBlock ofDense(double[][] centered, int[] columns, double[] colSqNorm) {
        int m = columns.length;
        int n = m == 0 ? 0 : centered[columns[0]].length;
        double[][] dense = new double[m][];
        double[] sqNorm = new double[m];
        double[] sum = new double[m];
        for (int k = 0; k < m; k++) {
            int j = columns[k];
            dense[k] = centered[j];
            sqNorm[k] = colSqNorm[j];
            sum[k] = DenseKernels.sum(centered[j], centered[j].length);
        }
        if (m == 0 && centered.length > 0) {
            n = centered[0].length;
        }
        return new ColumnBlock(n, columns.clone(), dense, null, null, null, new double[m], sum, sqNorm, (long) n * m);
    }

    /**
     * Sparse columns {@code columns} (global ids, in the order the worker indexes them) of {@code x}, whose
     * centring by {@code colMean} (zeros without an intercept) stays implicit; {@code colSqNorm} are the centred
     * columns' squared norms. All of x's columns in order are held by reference, any other set is copied.
     */
    public static ColumnBlock ofSparse(CscMatrix x, int[] columns, double[] colMean, double[] colSqNorm) {
        int n = x.numRows;
        int m = columns.length;
        double[] sqNorm = new double[m];
        double[] mean = new double[m];
        double[] sum = new double[m];
        boolean all = m == x.numCols;
        for (int k = 0; all && k < m; k++) {
            all = columns[k] == k;
        }
        int[] ptr;
        int[] rows;
        double[] vals;
        if (all) {
            ptr = x.colPtr;
            rows = x.rowIdx;
            vals = x.values;
        } else {
            ptr = new int[m + 1];
            for (int k = 0; k < m; k++) {
                ptr[k + 1] = ptr[k] + x.colNnz(columns[k]);
            }
            rows = new int[ptr[m]];
            vals = new double[ptr[m]];
            for (int k = 0; k < m; k++) {
                int j = columns[k];
                int from = x.colPtr[j];
                int len = x.colPtr[j + 1] - from;
                System.arraycopy(x.rowIdx, from, rows, ptr[k], len);
                System.arraycopy(x.values, from, vals, ptr[k], len);
            }
        }
        for (int k = 0; k < m; k++) {
            int j = columns[k];
            mean[k] = colMean[j];
            sqNorm[k] = colSqNorm[j];
            double s = 0;
            for (int e = ptr[k]; e < ptr[k + 1]; e++) {
                s += vals[e];
            }
            sum[k] = s;
        }
        return new ColumnBlock(n, columns.clone(), null, ptr, rows, vals, mean, sum, sqNorm, ptr[m]);
    }

    /** Whether a matrix with this share of nonzeros is best held dense: then a dense column costs no more. */
    public static boolean prefersDense(long nnz, long rows, long cols) {
        return rows * cols > 0 && nnz >= 0.5 * rows * cols;
    }

    public int numRows() {
        return numRows;
    }

    public int size() {
        return globalIds.length;
    }

    public int globalId(int k) {
        return globalIds[k];
    }

    public int[] globalIds() {
        return globalIds.clone();
    }

    public boolean isDense() {
        return dense != null;
    }

    /** ‖x̃_k‖². */
    public double squaredNorm(int k) {
        return sqNorm[k];
    }

    /** μ_k: 0 for dense storage (centred already). */
    public double mean(int k) {
        return mean[k];
    }

    /** Nonzeros stored (n per column when dense). */
    public long nnz() {
        return nnz;
    }

    /** Bytes the block adds beyond the data it refers to (its own copy of sparse columns, unless it holds all). */
    public long bytes() {
        long perColumn = 4 + 8 + 3 * 8;
        return dense != null ? perColumn * size() : 12 * nnz + (4 + perColumn) * size();
    }

    /**
     * x̃_kᵀr for the residual r = raw + offset·1 whose raw part sums to {@code rawSum}:
     * x_kᵀraw + offset·Σx_k − μ_k(rawSum + n·offset).
     */
    public double dotResidual(int k, double[] raw, double offset, double rawSum) {
        if (dense != null) {
            return DenseKernels.dot(dense[k], raw, numRows) + offset * sum[k];
        }
        return sparseDot(k, raw) + offset * sum[k] - mean[k] * (rawSum + numRows * offset);
    }

    /**
     * Both x̃_kᵀr (r as {@link #dotResidual}) and x̃_kᵀv for a plain vector v summing to {@code vSum}, in one pass
     * over the column; into {@code out[0]}, {@code out[1]}.
     */
    public void dotResidualAnd(int k, double[] raw, double offset, double rawSum, double[] v, double vSum,
                               double[] out) {
        if (dense != null) {
            DenseKernels.dot2(dense[k], raw, v, numRows, out);
            out[0] += offset * sum[k];
            return;
        }
        sparseDot2(k, raw, v, out);
        out[0] += offset * sum[k] - mean[k] * (rawSum + numRows * offset);
        out[1] -= mean[k] * vSum;
    }

    /**
     * r ← r − d·x̃_k on the residual's raw part: raw −= d·x_k; returns the change of Σ raw. The caller moves the
     * offset by +d·μ_k ({@link #mean}).
     */
    public double subtractFromRaw(int k, double d, double[] raw) {
        if (dense != null) {
            DenseKernels.axpy(-d, dense[k], raw, numRows);
            return -d * sum[k];
        }
        for (int e = colPtr[k], end = colPtr[k + 1]; e < end; e++) {
            raw[rowIdx[e]] -= d * values[e];
        }
        return -d * sum[k];
    }

    /** raw += b·x_k (the stored column: centred if dense, uncentred if sparse). */
    public void addToRaw(int k, double b, double[] raw) {
        if (dense != null) {
            DenseKernels.axpy(b, dense[k], raw, numRows);
            return;
        }
        for (int e = colPtr[k], end = colPtr[k + 1]; e < end; e++) {
            raw[rowIdx[e]] += b * values[e];
        }
    }

    /** x_kᵀv of the stored column and a plain vector (no centring: for apps that do not centre, as logistic regression). */
    public double dot(int k, double[] v) {
        if (dense != null) {
            return DenseKernels.dot(dense[k], v, numRows);
        }
        return sparseDot(k, v);
    }

    /**
     * Σ_e values[e]·v[rowIdx[e]] over column k's entries, in four accumulators: with one, every gather waits for
     * the previous add (a9a's columns of thousands of entries: a fit 25% faster with four).
     */
    private double sparseDot(int k, double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int e = colPtr[k];
        int end = colPtr[k + 1];
        for (; e + 3 < end; e += 4) {
            s0 += values[e] * v[rowIdx[e]];
            s1 += values[e + 1] * v[rowIdx[e + 1]];
            s2 += values[e + 2] * v[rowIdx[e + 2]];
            s3 += values[e + 3] * v[rowIdx[e + 3]];
        }
        for (; e < end; e++) {
            s0 += values[e] * v[rowIdx[e]];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Column k's entries dotted with a and with b, two accumulators each, into out[0] and out[1]. */
    private void sparseDot2(int k, double[] a, double[] b, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double t0 = 0;
        double t1 = 0;
        int e = colPtr[k];
        int end = colPtr[k + 1];
        for (; e + 1 < end; e += 2) {
            double x0 = values[e];
            double x1 = values[e + 1];
            int i0 = rowIdx[e];
            int i1 = rowIdx[e + 1];
            s0 += x0 * a[i0];
            s1 += x1 * a[i1];
            t0 += x0 * b[i0];
            t1 += x1 * b[i1];
        }
        if (e < end) {
            s0 += values[e] * a[rowIdx[e]];
            t0 += values[e] * b[rowIdx[e]];
        }
        out[0] = s0 + s1;
        out[1] = t0 + t1;
    }

    /** Both x_kᵀa and x_kᵀb of the stored column, in one pass, into {@code out[0]} and {@code out[1]}. */
    public void dot2(int k, double[] a, double[] b, double[] out) {
        if (dense != null) {
            DenseKernels.dot2(dense[k], a, b, numRows, out);
            return;
        }
        sparseDot2(k, a, b, out);
    }

    /** Σ_i w_i x_ik² of the stored column. */
    public double weightedSquaredNorm(int k, double[] w) {
        if (dense != null) {
            return DenseKernels.weightedSquaredNorm(dense[k], w, numRows);
        }
        double s0 = 0;
        double s1 = 0;
        int e = colPtr[k];
        int end = colPtr[k + 1];
        for (; e + 1 < end; e += 2) {
            double x0 = values[e];
            double x1 = values[e + 1];
            s0 += w[rowIdx[e]] * x0 * x0;
            s1 += w[rowIdx[e + 1]] * x1 * x1;
        }
        if (e < end) {
            s0 += w[rowIdx[e]] * values[e] * values[e];
        }
        return s0 + s1;
    }

    /** y += s·(w ∘ x_k) for the stored column. */
    public void addWeighted(int k, double s, double[] w, double[] y) {
        if (dense != null) {
            DenseKernels.axpyProduct(s, dense[k], w, y, numRows);
            return;
        }
        for (int e = colPtr[k], end = colPtr[k + 1]; e < end; e++) {
            int i = rowIdx[e];
            y[i] += s * values[e] * w[i];
        }
    }

    /** max_i |x_ik| of the stored column (0 for an empty one). */
    public double maxAbs(int k) {
        double m = 0;
        if (dense != null) {
            for (double v : dense[k]) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
        for (int e = colPtr[k], end = colPtr[k + 1]; e < end; e++) {
            m = Math.max(m, Math.abs(values[e]));
        }
        return m;
    }

    /** Σ_i of the stored column (uncentred if sparse; centred, so about 0, if dense). */
    public double storedSum(int k) {
        return sum[k];
    }
}
