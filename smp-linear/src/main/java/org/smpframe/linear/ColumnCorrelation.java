package org.smpframe.linear;

import java.util.Arrays;
import org.smpframe.api.BlockFilter;
import org.smpframe.api.DependencyOracle;
import org.smpframe.data.CscMatrix;

/**
 * Dependency of two coordinates of a linear model: the absolute correlation of their (optionally centred)
 * columns, |x̃_jᵀx̃_k| / (‖x̃_j‖ ‖x̃_k‖) with x̃_jᵀx̃_k = x_jᵀx_k − n μ_j μ_k. Two coordinates with dependency
 * near 1 explain the same signal; updated in the same round from the same residual (Lasso) or margins
 * (logistic regression), both move and overshoot. A zero column depends on nothing. With all μ_j = 0 this is
 * the cosine of the raw columns, the right measure when the model has no implicit centring (the curvature
 * coupling of logistic regression is Σ_i D_ii x_ij x_ik over the raw columns).
 *
 * <p>The scheduler asks for hundreds of pairs a round, many of them new (the priority floor keeps drawing
 * random coordinates), so the cost of one pair matters as much as the coordinate updates themselves. For dense
 * data (the p ≫ n problems where scheduling matters most) the columns are copied once, centred and normalized,
 * into a column-major float array: a pair is then a straight dot product of n floats that the JIT vectorizes,
 * several times faster than merging two sparse columns. Float precision (~1e-7) is plenty for comparing with ρ.
 * Sparse data keeps the columns sparse. A pair's dot product is then a gather: one column is scattered into a
 * dense scratch array of n doubles, and the other's nonzeros are looked up in it, O(nonzeros of the other),
 * with no data-dependent branch (a sorted merge of the two columns mispredicts a branch on almost every step;
 * it was 40% of a logistic-regression run's time on a 2000 x 20000 sparse design). The scheduler's filter asks
 * one candidate against every parameter kept so far, so the column that repeats between consecutive calls is
 * the one kept scattered.
 *
 * <p>Few sparse columns with short rows (a9a: 124 features, 14 nonzeros a row) are the opposite case: there the
 * scheduler soon asks for nearly every pair, and a sparse dot per pair costs p · nnz over all pairs, where the
 * rows' outer products give every dot product at once in Σ_i nnz_i² multiply-adds (26x less on w8a). The first
 * question then computes that Gram matrix (inside the solver's time, as the pair dots would be), and every pair
 * after is a look-up. Its sums are added in row order rather than column by column, so a pair whose dependency
 * lies within rounding of ρ may be decided the other way than a pairwise dot would decide it; either is a valid
 * reading of the data.
 *
 * <p>The scratch makes an instance safe for one calling thread at a time (the scheduler's), as the runtimes use it.
 */
public final class ColumnCorrelation implements DependencyOracle {
    /** Denser than this, and small enough for {@link #MAX_DENSE_ENTRIES}, columns are copied dense. */
    public static final double DENSE_FRACTION = 0.25;
    /** 64 Mi floats = 256 MiB at most for the dense copy. */
    public static final long MAX_DENSE_ENTRIES = 64L << 20;
    /** Sparse data with at most this many columns may use the Gram matrix (8 MiB of doubles at most). */
    public static final int MAX_GRAM_COLUMNS = 1024;
    /** With at most this many columns every answer is remembered (6 MiB of doubles at most). */
    public static final int MAX_REMEMBERED_COLUMNS = 1254;

    private final CscMatrix columns;
    private final double[] colMean;
    private final double[] norm;
    private final int n;
    private final boolean isDense;
    // Dense data: column j at [j*n, (j+1)*n), centred, unit norm; made by prepare() (a scheduler without a
    // dependency filter never asks, and the copy is n·p floats), or at the first question of a caller that did not.
    // Volatile: the thread that builds it need not be the one that asks (one oracle serves every λ of a path).
    private volatile float[] dense;
    // Sparse data: column `scattered` (or none, -1) spread over `scatter`; `previousA/B` the last pair asked.
    private final double[] scatter;
    private int scattered = -1;
    private int previousA = -1;
    private int previousB = -1;
    // Sparse data worth it (see the class comment): x_jᵀx_k at [min * p + max], computed at the first question.
    private final boolean useGram;
    private volatile double[] gram;
    // Few columns: every pair's answer once computed, at DependencyOracle.pairSlot, −1 if not yet.
    // A scheduler remembers pairs only for its own run; a regularization path starts one per λ, and on tall data
    // each of them recomputing all p²/2 dot products over every row was most of a covariance-update path's time.
    // Doubles, so that a remembered answer is the very value a fresh one would be (a resumed run, whose memory
    // starts empty, must decide every pair as the uninterrupted run did). Written and read by one scheduler
    // thread at a time; a value another thread has not seen yet is recomputed, to the same value (plain double
    // writes, which the JLS lets a 32-bit JVM split but 64-bit HotSpot writes whole). Allocated when first asked (a
    // scheduler without a filter never asks). The limit matches the scheduler's own pair table at its default
    // cache size; with a scheduler table on top, a pair costs 12 bytes in all (9 MiB at most).
    private final boolean remembers;
    private volatile double[] remembered;

    /**
     * Bytes the correlation of an n × p design with {@code nnz} nonzeros holds: the column norms and, for sparse
     * data, a scatter array; and when a scheduler asks it ({@code asked}), the normalized dense copy for dense
     * enough (and small enough) data, else the sparse block filter's row index or the Gram matrix, and for few
     * columns the answers it remembers.
     */
    public static long estimateBytes(int n, int p, long nnz, boolean asked) {
        long entries = (long) n * p;
        boolean isDense = entries <= MAX_DENSE_ENTRIES && nnz >= DENSE_FRACTION * entries;
        long always = 8L * p + (isDense ? 0 : 8L * n);
        if (!asked) {
            return always;
        }
        always += p <= MAX_REMEMBERED_COLUMNS ? 4L * p * (p - 1) : 0; // every pair's answer, 8 bytes each
        // If used; the row layout it is computed from is garbage at once (and smaller than the column-major copy).
        long gram = p <= MAX_GRAM_COLUMNS ? 8L * p * p : 0;
        return always + (isDense ? 4 * entries : 4L * n + gram);
    }

    /**
     * @param columns   the design, column-major
     * @param colMean   μ_j of the implicit centring (all zeros for raw columns); kept, not copied
     * @param colSqNorm ‖x̃_j‖², the squared norms of the centred columns
     */
    public ColumnCorrelation(CscMatrix columns, double[] colMean, double[] colSqNorm) {
        this.columns = columns;
        this.colMean = colMean;
        this.n = columns.numRows;
        this.norm = new double[columns.numCols];
        for (int j = 0; j < norm.length; j++) {
            norm[j] = Math.sqrt(colSqNorm[j]);
        }
        long entries = (long) n * norm.length;
        this.isDense = entries <= MAX_DENSE_ENTRIES && columns.nnz() >= DENSE_FRACTION * entries;
        this.scatter = isDense ? null : new double[n];
        this.useGram = !isDense && gramIsCheaper(columns);
        this.remembers = norm.length <= MAX_REMEMBERED_COLUMNS && norm.length >= 2;
    }

    /** Whether the rows' outer products (Σ_i nnz_i²) cost a quarter or less of a dot per pair (p · nnz). */
    private static boolean gramIsCheaper(CscMatrix columns) {
        int p = columns.numCols;
        if (p > MAX_GRAM_COLUMNS || p < 2) {
            return false;
        }
        long[] rowNnz = new long[columns.numRows];
        for (int e = 0; e < columns.colPtr[p]; e++) {
            rowNnz[columns.rowIdx[e]]++;
        }
        long squares = 0;
        for (long c : rowNnz) {
            squares += c * c;
        }
        return 4 * squares <= (long) p * columns.nnz();
    }

    /** x_jᵀx_k for j ≤ k, from the rows (the columns laid out by row once, then each row adds its products). */
    private double[] rawGram() {
        return columns.toCsr().gramUpperTriangle();
    }

    private float[] normalizedDenseColumns() {
        int p = norm.length;
        float[] d = new float[n * p];
        for (int j = 0; j < p; j++) {
            if (norm[j] == 0) {
                continue; // stays all zero: depends on nothing
            }
            int base = j * n;
            double inv = 1.0 / norm[j];
            float shifted = (float) (-colMean[j] * inv);
            for (int i = 0; i < n; i++) {
                d[base + i] = shifted;
            }
            for (int e = columns.colPtr[j]; e < columns.colPtr[j + 1]; e++) {
                d[base + columns.rowIdx[e]] = (float) ((columns.values[e] - colMean[j]) * inv);
            }
        }
        return d;
    }

    /**
     * Sparse columns: a filter that checks one candidate against the whole block in one pass (see there); none
     * when every pair is a look-up anyway (dense copy, Gram matrix).
     */
    @Override
    public BlockFilter blockFilter(double rho) {
        return isDense || useGram ? null : new SparseBlockFilter(columns, colMean, norm, rho);
    }

    /** Builds the dense copy, for dense data (the Gram matrix of few sparse columns stays in the solver's time). */
    @Override
    public void prepare() {
        if (isDense) {
            buildCopy();
        }
    }

    /** The dense copy for dense data, the Gram matrix for sparse data that uses one (the two never go together). */
    private synchronized void buildCopy() {
        if (isDense && dense == null) {
            dense = normalizedDenseColumns();
        } else if (useGram && gram == null) {
            gram = rawGram();
        }
    }

    @Override
    public double dependency(int a, int b) {
        if (!remembers || a == b) {
            return compute(a, b);
        }
        double[] memory = remembered;
        if (memory == null) {
            memory = memory();
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int slot = (int) DependencyOracle.pairSlot(lo, hi, norm.length);
        double known = memory[slot];
        if (known >= 0) {
            return known;
        }
        double d = compute(lo, hi);
        if (d >= 0) { // not NaN
            memory[slot] = d;
        }
        return d;
    }

    private synchronized double[] memory() {
        if (remembered == null) {
            int p = norm.length;
            double[] m = new double[p * (p - 1) / 2];
            Arrays.fill(m, -1.0);
            remembered = m;
        }
        return remembered;
    }

    private double compute(int a, int b) {
        if (isDense) {
            float[] d = dense;
            if (d == null) {
                buildCopy();
                d = dense;
            }
            return Math.min(1.0, Math.abs(denseDot(d, a * n, b * n)));
        }
        double denom = norm[a] * norm[b];
        if (denom == 0) {
            return 0.0;
        }
        double raw;
        if (useGram) {
            double[] g = gram;
            if (g == null) {
                buildCopy();
                g = gram;
            }
            raw = g[Math.min(a, b) * norm.length + Math.max(a, b)];
        } else {
            raw = sparseDot(a, b);
        }
        double dot = raw - n * colMean[a] * colMean[b];
        return Math.min(1.0, Math.abs(dot) / denom);
    }

    private double sparseDot(int a, int b) {
        if (b == scattered) {
            int t = a;
            a = b;
            b = t;
        } else if (a != scattered) {
            // Scatter the column that was also in the previous pair: the filter's current candidate.
            boolean keepB = b == previousA || b == previousB;
            scatterColumn(keepB ? b : a);
            if (keepB) {
                int t = a;
                a = b;
                b = t;
            }
        }
        previousA = a;
        previousB = b;
        // a is scattered: gather b.
        int[] rowIdx = columns.rowIdx;
        double[] values = columns.values;
        double[] s = scatter;
        double dot = 0;
        for (int e = columns.colPtr[b], end = columns.colPtr[b + 1]; e < end; e++) {
            dot += values[e] * s[rowIdx[e]];
        }
        return dot;
    }

    private void scatterColumn(int j) {
        int[] colPtr = columns.colPtr;
        int[] rowIdx = columns.rowIdx;
        double[] values = columns.values;
        if (scattered >= 0) {
            for (int e = colPtr[scattered], end = colPtr[scattered + 1]; e < end; e++) {
                scatter[rowIdx[e]] = 0.0;
            }
        }
        for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
            scatter[rowIdx[e]] = values[e];
        }
        scattered = j;
    }

    // Eight independent partial sums: Java may not reorder a float reduction, so a single accumulator runs at
    // one add per FP latency; eight keep the pipeline full (about 4x faster for n in the hundreds).
    private double denseDot(float[] d, int a, int b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s0 += d[a + i] * d[b + i];
            s1 += d[a + i + 1] * d[b + i + 1];
            s2 += d[a + i + 2] * d[b + i + 2];
            s3 += d[a + i + 3] * d[b + i + 3];
            s4 += d[a + i + 4] * d[b + i + 4];
            s5 += d[a + i + 5] * d[b + i + 5];
            s6 += d[a + i + 6] * d[b + i + 6];
            s7 += d[a + i + 7] * d[b + i + 7];
        }
        for (; i < n; i++) {
            s0 += d[a + i] * d[b + i];
        }
        return (double) ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
