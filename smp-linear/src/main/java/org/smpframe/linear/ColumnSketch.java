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
    private final long[] signs;     // bit t of column j: bucket t (< 64) is negative
    private final long[] positives; // bit t of column j: bucket t (< 64) is positive

    private ColumnSketch(int dims, int numColumns, float[] sketch) {
        this.dims = dims;
        this.numColumns = numColumns;
        this.sketch = sketch;
        this.signs = new long[numColumns];
        this.positives = new long[numColumns];
        int bits = Math.min(64, dims);
        for (int j = 0; j < numColumns; j++) {
            long neg = 0;
            long pos = 0;
            for (int t = 0; t < bits; t++) {
                float v = sketch[j * dims + t];
                if (v < 0) {
                    neg |= 1L << t;
                } else if (v > 0) {
                    pos |= 1L << t;
                }
            }
            signs[j] = neg;
            positives[j] = pos;
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
        SplittableBuckets.fill(seed, dims, bucket, sign);
        for (int i = 0; i < n; i++) {
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

    /**
     * The same sketch from dense columns ({@code columns[j]} is column j, centred already, length n): one pass down
     * each column, the fast order for dense data. Equal to {@link #of(CsrMatrix, double[], int, long)} on the same
     * data up to rounding.
     */
    public static ColumnSketch ofDense(double[][] columns, int dims, long seed) {
        if (dims < 1) {
            throw new IllegalArgumentException("a sketch needs at least one dimension, got " + dims);
        }
        int p = columns.length;
        int n = p == 0 ? 0 : columns[0].length;
        int[] bucket = new int[n];
        double[] sign = new double[n];
        SplittableBuckets.fill(seed, dims, bucket, sign);
        if ((long) p * dims > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(p + " columns x " + dims + " sketch dimensions do not fit one array");
        }
        float[] out = new float[p * dims];
        double[] s = new double[dims];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(s, 0.0);
            double[] col = columns[j];
            for (int i = 0; i < n; i++) {
                s[bucket[i]] += sign[i] * col[i];
            }
            double norm = 0;
            for (int b = 0; b < dims; b++) {
                norm += s[b] * s[b];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int b = 0; b < dims; b++) {
                out[j * dims + b] = (float) (s[b] * scale);
            }
        }
        return new ColumnSketch(dims, p, out);
    }

    /** Each row's bucket and sign, from the seed: the same for both builders. */
    private static final class SplittableBuckets {
        static void fill(long seed, int dims, int[] bucket, double[] sign) {
            SplitMix64 random = new SplitMix64(seed);
            for (int i = 0; i < bucket.length; i++) {
                long r = random.nextLong();
                bucket[i] = (int) Long.remainderUnsigned(r >>> 1, dims);
                sign[i] = (r & 1) == 0 ? 1.0 : -1.0;
            }
        }
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
     * The sign bits of buckets [first, first + bits) of column j (first + bits ≤ 64) as an integer, the same for a
     * column and its negation (a negated column interferes as much): the smaller of the key of the column (bit set
     * where a bucket is negative) and of its negation (where one is positive), so that empty buckets, zero either
     * way, agree too.
     */
    public int signKey(int j, int first, int bits) {
        long mask = (1L << bits) - 1;
        return (int) Math.min((signs[j] >>> first) & mask, (positives[j] >>> first) & mask);
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
     * the expected distance at correlation rho. Pairs exactly at rho pass half the time, more strongly correlated
     * ones nearly always (at 0.9 the expected distance is 9 of 64 bits), unrelated ones rarely (32 expected) even
     * when they share a band; a pair missed only lands on two workers, which the scheduler's filter and the
     * aggregator's line search deal with.
     */
    public int maxSignDistance(double rho) {
        int bits = Math.min(64, dims);
        double q = Math.acos(Math.min(1, Math.max(0, rho))) / Math.PI;
        return (int) Math.round(bits * q);
    }

    /** Bytes the sketch holds. */
    public long bytes() {
        return 4L * sketch.length + 16L * signs.length;
    }
}
