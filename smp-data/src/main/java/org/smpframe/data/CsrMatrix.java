package org.smpframe.data;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row (CSR) form: the layout a row-oriented reader produces
 * and row-wise algorithms (prediction, SGD, row partitioning) want.
 *
 * <p>Row {@code i} holds the entries {@code k} in {@code rowPtr[i] <= k < rowPtr[i + 1]}, each at
 * column {@code colIdx[k]} (0-based, strictly increasing within the row) with value
 * {@code values[k]}. {@code rowPtr} has {@code numRows + 1} entries, starts at 0 and ends at
 * {@link #nnz()}, which is also the length of {@code colIdx} and {@code values}.
 *
 * <p>The arrays are public and final for hot loops without accessor calls, and are <em>immutable
 * by convention</em>: nobody writes to them after construction, which is what lets
 * {@link #withNumCols(int)} and {@link ColumnScaling#apply(CsrMatrix)} share them instead of
 * copying. The constructor checks only the O(1) shape facts; {@link #checkInvariants()} does the
 * full O(nnz) check when a caller built the arrays by hand.
 */
public final class CsrMatrix {

    public final int numRows;
    public final int numCols;
    public final int[] rowPtr;
    public final int[] colIdx;
    public final double[] values;

    /**
     * Wraps the arrays without copying them.
     *
     * @throws IllegalArgumentException if the shape is inconsistent (negative sizes, wrong
     *                                  {@code rowPtr} length or ends, index/value lengths differ)
     */
    public CsrMatrix(int numRows, int numCols, int[] rowPtr, int[] colIdx, double[] values) {
        if (numRows < 0 || numCols < 0) {
            throw new IllegalArgumentException("negative shape " + numRows + "x" + numCols);
        }
        if (rowPtr == null || colIdx == null || values == null) {
            throw new IllegalArgumentException("null array");
        }
        if (rowPtr.length != numRows + 1) {
            throw new IllegalArgumentException(
                    "rowPtr has length " + rowPtr.length + ", expected numRows + 1 = " + (numRows + 1));
        }
        if (colIdx.length != values.length) {
            throw new IllegalArgumentException(
                    "colIdx has length " + colIdx.length + " but values has length " + values.length);
        }
        if (rowPtr[0] != 0 || rowPtr[numRows] != colIdx.length) {
            throw new IllegalArgumentException("rowPtr must run from 0 to nnz = " + colIdx.length
                    + ", but runs from " + rowPtr[0] + " to " + rowPtr[numRows]);
        }
        this.numRows = numRows;
        this.numCols = numCols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    /**
     * XᵀX above and on the diagonal: entry (j, k), j ≤ k, at [j · numCols + k], the rest 0. Computed from the rows'
     * outer products in row order, Σ_i nnz_i² / 2 multiply-adds: few columns, or short rows, make that far cheaper
     * than a dot product per pair of columns.
     */
    public double[] gramUpperTriangle() {
        int p = numCols;
        if ((long) p * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + p + " x " + p + " Gram matrix does not fit in one array");
        }
        double[] g = new double[p * p];
        for (int i = 0; i < numRows; i++) {
            int end = rowPtr[i + 1];
            for (int a = rowPtr[i]; a < end; a++) {
                int base = colIdx[a] * p;
                double va = values[a];
                for (int b = a; b < end; b++) { // columns increase within a row: only j <= k is written
                    g[base + colIdx[b]] += va * values[b];
                }
            }
        }
        return g;
    }

    /** Number of stored entries. */
    public long nnz() {
        return rowPtr[numRows];
    }

    /** Number of stored entries in one row. */
    public int rowNnz(int row) {
        return rowPtr[row + 1] - rowPtr[row];
    }

    /**
     * Checks everything the constructor skips: {@code rowPtr} non-decreasing and every column
     * index in range and strictly increasing within its row. O(nnz).
     *
     * @throws IllegalStateException naming the first violation
     */
    public void checkInvariants() {
        for (int i = 0; i < numRows; i++) {
            int from = rowPtr[i];
            int to = rowPtr[i + 1];
            if (to < from) {
                throw new IllegalStateException("rowPtr decreases at row " + i);
            }
            int prev = -1;
            for (int k = from; k < to; k++) {
                int c = colIdx[k];
                if (c <= prev || c >= numCols) {
                    throw new IllegalStateException("row " + i + ": column " + c
                            + (c >= numCols ? " out of range [0, " + numCols + ")" : " not after " + prev));
                }
                prev = c;
            }
        }
    }

    /** Rows {@code [from, to)} as a new matrix with copied arrays and {@code rowPtr} rebased to 0. */
    public CsrMatrix rowSlice(int from, int to) {
        if (from < 0 || to > numRows || from > to) {
            throw new IndexOutOfBoundsException("row slice [" + from + ", " + to + ") of " + numRows + " rows");
        }
        int base = rowPtr[from];
        int end = rowPtr[to];
        int[] ptr = new int[to - from + 1];
        for (int i = 0; i < ptr.length; i++) {
            ptr[i] = rowPtr[from + i] - base;
        }
        return new CsrMatrix(to - from, numCols, ptr,
                Arrays.copyOfRange(colIdx, base, end), Arrays.copyOfRange(values, base, end));
    }

    /**
     * The same matrix in column-major form, by a counting transpose: one pass counts entries per
     * column, one scatters them. O(nnz + numCols), and row indices come out sorted because rows are
     * visited in order.
     */
    public CscMatrix toCsc() {
        int nnz = colIdx.length;
        int[] colPtr = new int[numCols + 1];
        for (int k = 0; k < nnz; k++) {
            colPtr[colIdx[k] + 1]++;
        }
        for (int j = 0; j < numCols; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = Arrays.copyOf(colPtr, numCols);
        int[] rowIdx = new int[nnz];
        double[] vals = new double[nnz];
        for (int i = 0; i < numRows; i++) {
            for (int k = rowPtr[i], end = rowPtr[i + 1]; k < end; k++) {
                int dst = next[colIdx[k]]++;
                rowIdx[dst] = i;
                vals[dst] = values[k];
            }
        }
        return new CscMatrix(numRows, numCols, colPtr, rowIdx, vals);
    }

    /**
     * The same entries with a wider column space, sharing the arrays: used to read a test set at
     * the training set's width, since LibSVM files only reveal the largest index they contain.
     */
    public CsrMatrix withNumCols(int n) {
        if (n < numCols) {
            throw new IllegalArgumentException("cannot narrow " + numCols + " columns to " + n);
        }
        return n == numCols ? this : new CsrMatrix(numRows, n, rowPtr, colIdx, values);
    }

    /** Sum over the row's entries of {@code value * w[column]}; {@code w} must cover the row's columns. */
    public double rowDot(int row, double[] w) {
        double s = 0.0;
        for (int k = rowPtr[row], end = rowPtr[row + 1]; k < end; k++) {
            s += values[k] * w[colIdx[k]];
        }
        return s;
    }

    /** Builds a matrix from dense rows of equal length, skipping zeros. Meant for tests and examples. */
    public static CsrMatrix fromDense(double[][] rows) {
        int numRows = rows.length;
        int numCols = numRows == 0 ? 0 : rows[0].length;
        int nnz = 0;
        for (double[] r : rows) {
            if (r.length != numCols) {
                throw new IllegalArgumentException("ragged rows: " + r.length + " vs " + numCols + " columns");
            }
            for (double v : r) {
                if (v != 0.0) {
                    nnz++;
                }
            }
        }
        int[] ptr = new int[numRows + 1];
        int[] idx = new int[nnz];
        double[] vals = new double[nnz];
        int k = 0;
        for (int i = 0; i < numRows; i++) {
            double[] r = rows[i];
            for (int j = 0; j < numCols; j++) {
                if (r[j] != 0.0) {
                    idx[k] = j;
                    vals[k] = r[j];
                    k++;
                }
            }
            ptr[i + 1] = k;
        }
        return new CsrMatrix(numRows, numCols, ptr, idx, vals);
    }

    /** A dense copy, {@code numRows x numCols}. Meant for tests and small matrices. */
    public double[][] toDense() {
        double[][] d = new double[numRows][numCols];
        for (int i = 0; i < numRows; i++) {
            double[] r = d[i];
            for (int k = rowPtr[i], end = rowPtr[i + 1]; k < end; k++) {
                r[colIdx[k]] = values[k];
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + numRows + "x" + numCols + ", nnz=" + nnz() + "]";
    }
}
