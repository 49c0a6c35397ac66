package org.smpframe.linear;

import org.smpframe.api.SplitMix64;
import org.smpframe.data.CsrMatrix;

/**
 * A cheap sketch of every centred column: a CountSketch of its n entries into {@code dims} buckets (each row
 * hashed to one bucket with a random sign), scaled to unit length. One pass over the nonzeros builds it, and the
 * dot product of two sketches estimates the correlation of the two columns: unbiased before the scaling, with a
 * standard deviation of about √(2/dims) for unit columns, so it tells strongly correlated columns from the rest
 * at a cost of {@code dims} instead of n per pair. The signs of a sketch's buckets are also random-hyperplane
 * bits of the column (SimHash), which {@link ColumnPlacement} bands into buckets of likely-correlated columns.
 */
public final class ColumnSketch {
    private final int dims;
    private final int numColumns;
    private final float[] sketch; // column j at [j·dims, (j + 1)·dims)
    private final long[] signs;   // bit t of column j: bucket t (< 64) is negative

    private ColumnSketch(int dims, int numColumns, float[] sketch) {
        this.dims = dims;
        this.numColumns = numColumns;
        this.sketch = sketch;
        this.signs = new long[numColumns];
        int bits = Math.min(64, dims);
        for (int j = 0; j < numColumns; j++) {
            long s = 0;
            for (int t = 0; t < bits; t++) {
                if (sketch[j * dims + t] < 0) {
                    s |= 1L << t;
                }
            }
            signs[j] = s;
        }
    }

    /**
     * The sketch of the columns of {@code x} (given by rows: one pass over them) centred by {@code colMean}
     * (zeros: uncentred), seeded.
     */
    public static ColumnSketch of(CsrMatrix x, double[] colMean, int dims, long seed) {
        if (dims < 1) {
            throw new IllegalArgumentException("a sketch needs at least one dimension, got " + dims);
        }
        int n = x.numRows;
        int p = x.numCols;
        int[] bucket = new int[n];
        double[] sign = new double[n];
        double[] signSum = new double[dims]; // Σ σ(i) over the rows of each bucket: the centring term
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < n; i++) {
            long r = random.nextLong();
            bucket[i] = (int) Long.remainderUnsigned(r >>> 1, dims);
            sign[i] = (r & 1) == 0 ? 1.0 : -1.0;
            signSum[bucket[i]] += sign[i];
        }
        if ((long) p * dims > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(p + " columns x " + dims + " sketch dimensions do not fit one array");
        }
        float[] out = new float[p * dims];
        // Accumulated in the output itself (floats: a sketch needs no more), then centred and scaled per column.
        for (int i = 0; i < n; i++) {
            int b = bucket[i];
            double sg = sign[i];
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                out[x.colIdx[e] * dims + b] += (float) (sg * x.values[e]);
            }
        }
        double[] s = new double[dims];
        for (int j = 0; j < p; j++) {
            for (int b = 0; b < dims; b++) {
                s[b] = out[j * dims + b];
            }
            double mu = colMean[j];
            double norm = 0;
            for (int b = 0; b < dims; b++) {
                s[b] -= mu * signSum[b];
                norm += s[b] * s[b];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int b = 0; b < dims; b++) {
                out[j * dims + b] = (float) (s[b] * scale);
            }
        }
        return new ColumnSketch(dims, p, out);
    }

    public int dims() {
        return dims;
    }

    public int numColumns() {
        return numColumns;
    }

    /** The estimated correlation of columns a and b, in [-1, 1] (0 for a constant column). */
    public double correlation(int a, int b) {
        double s = 0;
        int oa = a * dims;
        int ob = b * dims;
        for (int t = 0; t < dims; t++) {
            s += sketch[oa + t] * sketch[ob + t];
        }
        return s;
    }

    /**
     * The sign bits of buckets [first, first + bits) of column j as an integer, the same for a column and its
     * negation (a negated column interferes as much): the smaller of the key of the column (bit set where a bucket
     * is negative) and of its negation (where one is positive), so that empty buckets, zero either way, agree too.
     */
    public int signKey(int j, int first, int bits) {
        int negative = 0;
        int positive = 0;
        int o = j * dims + first;
        for (int t = 0; t < bits; t++) {
            float v = sketch[o + t];
            negative = (negative << 1) | (v < 0 ? 1 : 0);
            positive = (positive << 1) | (v > 0 ? 1 : 0);
        }
        return Math.min(negative, positive);
    }

    /**
     * In how many of the first min(64, dims) buckets columns a and b have opposite signs, or equal ones, whichever
     * is fewer (a negated column is as dependent): about min(64, dims)·θ/π for columns at angle θ, so a cheap test
     * before {@link #correlation}.
     */
    public int signDistance(int a, int b) {
        int bits = Math.min(64, dims);
        int differ = Long.bitCount(signs[a] ^ signs[b]);
        return Math.min(differ, bits - differ);
    }

    /**
     * The sign distance above which two columns are taken to be below {@code rho} without computing their estimate:
     * the expected distance at correlation rho plus 1.5 of its standard deviations (a correlated pair is missed
     * rarely, and then only lands on another worker, which the scheduler and the step guard deal with).
     */
    public int maxSignDistance(double rho) {
        int bits = Math.min(64, dims);
        double q = Math.acos(Math.min(1, Math.max(0, rho))) / Math.PI;
        return (int) Math.ceil(bits * q + 1.5 * Math.sqrt(bits * q * (1 - q)));
    }

    /** Bytes the sketch holds. */
    public long bytes() {
        return 4L * sketch.length + 8L * signs.length;
    }
}
