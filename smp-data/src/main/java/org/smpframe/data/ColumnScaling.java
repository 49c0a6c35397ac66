package org.smpframe.data;

import java.util.Arrays;

/**
 * Per-column scale factors for "normalize the columns, but keep the scale": a model is fit on
 * {@code x_ij / scale_j}, and {@link #toOriginal(double[])} turns its coefficients back into
 * coefficients on the original columns ({@code coef_j / scale_j}), so reported models and
 * predictions on raw data need no scaled copy.
 *
 * <p>Only scaling, never centering: subtracting a mean would turn every implicit zero of a sparse
 * matrix into a stored entry. A column whose scale would be 0 (all zeros, or constant for
 * {@link #unitVariance}) gets scale 1, so it is left as is rather than divided by zero.
 */
public final class ColumnScaling {

    private final double[] scales;

    private ColumnScaling(double[] scales) {
        this.scales = scales;
    }

    /**
     * Scales from explicit factors, copied.
     *
     * @throws IllegalArgumentException if a factor is not finite and positive
     */
    public static ColumnScaling of(double[] scales) {
        for (int j = 0; j < scales.length; j++) {
            if (!(scales[j] > 0.0 && scales[j] <= Double.MAX_VALUE)) {
                throw new IllegalArgumentException("scale of column " + j + " must be finite and > 0, got " + scales[j]);
            }
        }
        return new ColumnScaling(scales.clone());
    }

    /** All scales 1: the "no normalization" choice, so callers need no special case. */
    public static ColumnScaling identity(int numCols) {
        double[] s = new double[numCols];
        Arrays.fill(s, 1.0);
        return new ColumnScaling(s);
    }

    /**
     * Scale = population standard deviation of each column, implicit zeros included.
     *
     * <p>One pass over the nonzeros: Welford's update gives count, mean and sum of squared
     * deviations of each column's stored entries, and Chan's pairwise formula then merges in the
     * {@code n - count} implicit zeros. Unlike {@code E[x^2] - E[x]^2} this does not lose all
     * precision when a column's mean is large relative to its spread.
     */
    public static ColumnScaling unitVariance(CsrMatrix x) {
        int d = x.numCols;
        int[] count = new int[d];
        double[] mean = new double[d];
        double[] m2 = new double[d];
        int[] colIdx = x.colIdx;
        double[] values = x.values;
        for (int k = 0; k < colIdx.length; k++) {
            int j = colIdx[k];
            double v = values[k];
            int c = ++count[j];
            double delta = v - mean[j];
            mean[j] += delta / c;
            m2[j] += delta * (v - mean[j]);
        }
        double n = x.numRows;
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            double zeros = n - count[j];
            double total = m2[j] + mean[j] * mean[j] * count[j] * zeros / n;
            double std = n > 0 ? Math.sqrt(total / n) : 0.0;
            s[j] = std > 0.0 && std <= Double.MAX_VALUE ? std : 1.0;
        }
        return new ColumnScaling(s);
    }

    /** Scale = Euclidean norm of each column, so every scaled column has unit norm. */
    public static ColumnScaling unitNorm(CsrMatrix x) {
        int d = x.numCols;
        double[] sq = new double[d];
        int[] colIdx = x.colIdx;
        double[] values = x.values;
        for (int k = 0; k < colIdx.length; k++) {
            double v = values[k];
            sq[colIdx[k]] += v * v;
        }
        for (int j = 0; j < d; j++) {
            double norm = Math.sqrt(sq[j]);
            sq[j] = norm > 0.0 && norm <= Double.MAX_VALUE ? norm : 1.0;
        }
        return new ColumnScaling(sq);
    }

    /** Mean of each column with implicit zeros included; all zeros for a matrix without rows. */
    public static double[] columnMeans(CsrMatrix x) {
        double[] sum = new double[x.numCols];
        int[] colIdx = x.colIdx;
        double[] values = x.values;
        for (int k = 0; k < colIdx.length; k++) {
            sum[colIdx[k]] += values[k];
        }
        if (x.numRows > 0) {
            double n = x.numRows;
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= n;
            }
        }
        return sum;
    }

    /** A copy of the scale factors, one per column. */
    public double[] scales() {
        return scales.clone();
    }

    /** The scale of column {@code j}; 1 beyond the known columns. */
    public double scale(int j) {
        return j < scales.length ? scales[j] : 1.0;
    }

    public int numCols() {
        return scales.length;
    }

    /**
     * A new matrix with each value divided by its column's scale; columns beyond
     * {@code scales().length} are unchanged. Shares {@code rowPtr} and {@code colIdx} with
     * {@code x}, since only values change.
     */
    public CsrMatrix apply(CsrMatrix x) {
        int[] colIdx = x.colIdx;
        double[] in = x.values;
        double[] out = new double[in.length];
        double[] s = scales;
        int known = s.length;
        for (int k = 0; k < in.length; k++) {
            int j = colIdx[k];
            out[k] = j < known ? in[k] / s[j] : in[k];
        }
        return new CsrMatrix(x.numRows, x.numCols, x.rowPtr, colIdx, out);
    }

    /**
     * Coefficients on the original columns for a linear model fit on the scaled ones: since
     * {@code w'_j * (x_j / s_j) = (w'_j / s_j) * x_j}, the original coefficient is
     * {@code w'_j / s_j}. Entries beyond {@code scales().length} are copied unchanged.
     */
    public double[] toOriginal(double[] coefScaled) {
        double[] out = coefScaled.clone();
        int n = Math.min(out.length, scales.length);
        for (int j = 0; j < n; j++) {
            out[j] /= scales[j];
        }
        return out;
    }
}
