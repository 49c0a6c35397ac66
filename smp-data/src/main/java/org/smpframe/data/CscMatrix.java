package org.smpframe.data;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse column (CSC) form: the layout coordinate-descent style
 * algorithms (Lasso, where each update touches one feature's column) want.
 *
 * <p>Column {@code j} holds the entries {@code k} in {@code colPtr[j] <= k < colPtr[j + 1]}, each
 * at row {@code rowIdx[k]} (0-based, strictly increasing within the column) with value
 * {@code values[k]}. Arrays are public, final and immutable by convention, as in
 * {@link CsrMatrix}; usually built with {@link CsrMatrix#toCsc()}.
 */
public final class CscMatrix {

    public final int numRows;
    public final int numCols;
    public final int[] colPtr;
    public final int[] rowIdx;
    public final double[] values;

    /**
     * Wraps the arrays without copying them; checks only the O(1) shape facts.
     *
     * @throws IllegalArgumentException if the shape is inconsistent
     */
    public CscMatrix(int numRows, int numCols, int[] colPtr, int[] rowIdx, double[] values) {
        if (numRows < 0 || numCols < 0) {
            throw new IllegalArgumentException("negative shape " + numRows + "x" + numCols);
        }
        if (colPtr == null || rowIdx == null || values == null) {
            throw new IllegalArgumentException("null array");
        }
        if (colPtr.length != numCols + 1) {
            throw new IllegalArgumentException(
                    "colPtr has length " + colPtr.length + ", expected numCols + 1 = " + (numCols + 1));
        }
        if (rowIdx.length != values.length) {
            throw new IllegalArgumentException(
                    "rowIdx has length " + rowIdx.length + " but values has length " + values.length);
        }
        if (colPtr[0] != 0 || colPtr[numCols] != rowIdx.length) {
            throw new IllegalArgumentException("colPtr must run from 0 to nnz = " + rowIdx.length
                    + ", but runs from " + colPtr[0] + " to " + colPtr[numCols]);
        }
        this.numRows = numRows;
        this.numCols = numCols;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.values = values;
    }

    /** Number of stored entries. */
    public long nnz() {
        return colPtr[numCols];
    }

    /** Number of stored entries in one column. */
    public int colNnz(int col) {
        return colPtr[col + 1] - colPtr[col];
    }

    /**
     * Checks {@code colPtr} non-decreasing and row indices in range and strictly increasing
     * within each column. O(nnz).
     *
     * @throws IllegalStateException naming the first violation
     */
    public void checkInvariants() {
        for (int j = 0; j < numCols; j++) {
            int from = colPtr[j];
            int to = colPtr[j + 1];
            if (to < from) {
                throw new IllegalStateException("colPtr decreases at column " + j);
            }
            int prev = -1;
            for (int k = from; k < to; k++) {
                int r = rowIdx[k];
                if (r <= prev || r >= numRows) {
                    throw new IllegalStateException("column " + j + ": row " + r
                            + (r >= numRows ? " out of range [0, " + numRows + ")" : " not after " + prev));
                }
                prev = r;
            }
        }
    }

    /** Sum over the column's entries of {@code value * v[row]}; {@code v} is indexed by row. */
    public double columnDot(int col, double[] v) {
        double s = 0.0;
        for (int k = colPtr[col], end = colPtr[col + 1]; k < end; k++) {
            s += values[k] * v[rowIdx[k]];
        }
        return s;
    }

    /** Sum of squares of the column's entries. */
    public double columnSquaredNorm(int col) {
        double s = 0.0;
        for (int k = colPtr[col], end = colPtr[col + 1]; k < end; k++) {
            double x = values[k];
            s += x * x;
        }
        return s;
    }

    /** Sum of the column's entries. */
    public double columnSum(int col) {
        double s = 0.0;
        for (int k = colPtr[col], end = colPtr[col + 1]; k < end; k++) {
            s += values[k];
        }
        return s;
    }

    /**
     * Dot product of columns {@code a} and {@code b}, by merging their sorted row lists: the
     * feature correlation a dependency-aware scheduler needs, in O(nnz(a) + nnz(b)) without a
     * dense scratch vector.
     */
    public double columnsDot(int a, int b) {
        int p = colPtr[a];
        int pEnd = colPtr[a + 1];
        int q = colPtr[b];
        int qEnd = colPtr[b + 1];
        double s = 0.0;
        while (p < pEnd && q < qEnd) {
            int rp = rowIdx[p];
            int rq = rowIdx[q];
            if (rp == rq) {
                s += values[p++] * values[q++];
            } else if (rp < rq) {
                p++;
            } else {
                q++;
            }
        }
        return s;
    }

    /** The same matrix in row-major form, by the same counting transpose as {@link CsrMatrix#toCsc()}. */
    public CsrMatrix toCsr() {
        int nnz = rowIdx.length;
        int[] rowPtr = new int[numRows + 1];
        for (int k = 0; k < nnz; k++) {
            rowPtr[rowIdx[k] + 1]++;
        }
        for (int i = 0; i < numRows; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        int[] next = Arrays.copyOf(rowPtr, numRows);
        int[] colIdx = new int[nnz];
        double[] vals = new double[nnz];
        for (int j = 0; j < numCols; j++) {
            for (int k = colPtr[j], end = colPtr[j + 1]; k < end; k++) {
                int dst = next[rowIdx[k]]++;
                colIdx[dst] = j;
                vals[dst] = values[k];
            }
        }
        return new CsrMatrix(numRows, numCols, rowPtr, colIdx, vals);
    }

    @Override
    public String toString() {
        return "CscMatrix[" + numRows + "x" + numCols + ", nnz=" + nnz() + "]";
    }
}
