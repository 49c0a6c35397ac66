package org.smpframe.lasso;

import java.util.Arrays;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CscMatrix;
import org.smpframe.data.CsrMatrix;

/**
 * A shard's worker with covariance updates (glmnet's {@code type.gaussian = "covariance"}): the shard's Gram matrix
 * G = XᵀX and c = Xᵀỹ are computed once, and a coordinate's partial x̃_jᵀr costs O(1) instead of a pass over the
 * shard's rows, a commit O(p) per moved coordinate instead of O(its nonzeros). For tall data (n ≫ p) that turns a
 * round's milliseconds of streaming rows into microseconds.
 *
 * <p>With r = ỹ − X̃β = ỹ − Xβ + s·1 (implicit centring, s = μᵀβ), on the shard's rows
 * <pre>
 *     x̃_jᵀr = c_j − (Gβ)_j + s·Σ_i x_ij − μ_j (Σ_i ỹ_i − Σ_k (Σ_i x_ik) β_k + n_s s),
 * </pre>
 * and Gβ, Σ_k colSum_k β_k and s are kept up to date as commits arrive. Evaluations are left to a
 * {@link LassoWorker} over the same rows (kept at the committed β, its residual rebuilt from the data at every
 * evaluation as always), so objective and duality gap are computed exactly as without covariance updates; right
 * after each evaluation Gβ and the sums are recomputed from β, so that a run resumed from the checkpoint an
 * evaluation leaves behind continues bit for bit.
 *
 * <p>Costs 8p² bytes per worker and Σ_i nnz_i² / 2 multiply-adds to build G: for the columns of tall data, not for
 * p ≫ n.
 */
final class LassoCovarianceWorker implements WorkerTask<LassoPartial, LassoCommit, LassoStats> {
    /** Most features a p x p Gram matrix in one Java array allows (17 GB a worker already). */
    static final int MAX_FEATURES = 46_340;

    /** Refuses, before anything is allocated, a design too wide for covariance updates. */
    static void requireFits(int numFeatures) {
        if (numFeatures > MAX_FEATURES) {
            throw new IllegalArgumentException("covariance updates need a p x p Gram matrix per worker, so at most "
                    + MAX_FEATURES + " features; this data has " + numFeatures + " (use --updates naive)");
        }
    }

    private final LassoWorker exact;
    private final int p;
    private final double[] gram;     // G, p x p, row-major, both triangles
    private final double[] xty;      // c_j = x_jᵀỹ
    private final double[] colSum;   // Σ_i x_ij
    private final double[] colMean;  // μ_j, global
    private final double ySum;       // Σ_i ỹ_i
    private final int rows;
    private final double[] gramBeta; // Gβ
    private double colSumBeta;       // Σ_k colSum_k β_k
    private double shift;            // s = μᵀβ

    /**
     * @param rows    this shard's rows (uncentred, normalized if the problem is)
     * @param y       this shard's centred targets ỹ
     * @param colMean the global column means μ_j (zeros without intercept); shared, read only
     * @param start   the coefficients to start from (a checkpoint's), or null for β = 0
     */
    LassoCovarianceWorker(CsrMatrix rows, double[] y, double[] colMean, double[] start) {
        CscMatrix columns = rows.toCsc();
        this.exact = start == null ? new LassoWorker(columns, y, colMean)
                : new LassoWorker(columns, y, colMean, start);
        this.p = rows.numCols;
        this.rows = rows.numRows;
        this.colMean = colMean;
        this.gram = gram(rows);
        this.xty = new double[p];
        this.colSum = new double[p];
        for (int j = 0; j < p; j++) {
            xty[j] = columns.columnDot(j, y);
            colSum[j] = columns.columnSum(j);
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        this.ySum = sum;
        this.gramBeta = new double[p];
        recomputeSums();
    }

    /** G = XᵀX, both triangles, row-major (rows with many zero columns cost only their nonzeros' products). */
    static double[] gram(CsrMatrix x) {
        int p = x.numCols;
        double[] g = x.gramUpperTriangle();
        for (int j = 0; j < p; j++) {
            for (int k = j + 1; k < p; k++) {
                g[k * p + j] = g[j * p + k];
            }
        }
        return g;
    }

    /** Gβ, Σ colSum_k β_k and μᵀβ from β, in a fixed order: the state an evaluation leaves. */
    private void recomputeSums() {
        double[] beta = exact.coefficients();
        Arrays.fill(gramBeta, 0);
        double sums = 0;
        double s = 0;
        for (int k = 0; k < p; k++) {
            double b = beta[k];
            if (b != 0) {
                addColumn(k, b);
                sums += colSum[k] * b;
                s += colMean[k] * b;
            }
        }
        colSumBeta = sums;
        shift = s;
    }

    /** gramBeta += d · G[:, k] (G is symmetric: row k). */
    private void addColumn(int k, double d) {
        double[] g = gram;
        double[] v = gramBeta;
        int base = k * p;
        for (int j = 0; j < p; j++) {
            v[j] += d * g[base + j];
        }
    }

    @Override
    public LassoPartial push(Schedule schedule) {
        int[] params = schedule.params();
        int from = schedule.from(0);
        int to = schedule.to(0);
        double[] g = new double[to - from];
        double residualSum = ySum - colSumBeta + rows * shift;
        for (int k = from; k < to; k++) {
            int j = params[k];
            g[k - from] = xty[j] - gramBeta[j] + shift * colSum[j] - colMean[j] * residualSum;
        }
        return new LassoPartial(g);
    }

    @Override
    public void apply(LassoCommit commit) {
        int[] params = commit.params();
        double[] deltas = commit.deltas();
        for (int k = 0; k < params.length; k++) {
            int j = params[k];
            double d = deltas[k];
            addColumn(j, d);
            colSumBeta += colSum[j] * d;
        }
        shift += commit.shift();
        exact.setCoefficients(commit);
    }

    @Override
    public LassoStats localStats() {
        LassoStats stats = exact.localStats();
        recomputeSums();
        return stats;
    }
}
