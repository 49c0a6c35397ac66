package org.smpframe.lasso;

import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CscMatrix;

/**
 * One shard of rows and its residual r = ỹ − X̃β.
 *
 * <p>Centring is implicit: the stored matrix is the uncentred x, and re-centring the residual after a commit
 * would touch every row. Instead the residual is kept as {@code raw[i] + offset}, so a commit costs O(nonzeros of
 * the changed columns) plus O(1) for the shift, and x̃_jᵀr = x_jᵀraw + offset·Σ_i x_ij − μ_j Σ_i r_i.
 *
 * <p>Millions of incremental updates leave rounding error in the residual, and with it a floor under the duality
 * gap (about 1e-11 relative, measured). The worker therefore keeps its own copy of β (from the commits) and
 * recomputes the residual from scratch at every evaluation, which costs one pass over the shard, as the
 * gradient of the evaluation does anyway.
 */
final class LassoWorker implements WorkerTask<LassoPartial, LassoCommit, LassoStats> {
    private final CscMatrix x;
    private final double[] y;
    private final double[] colMean;
    private final double[] colSum;
    private final double[] raw;
    private final double[] beta;
    private double offset;
    private double rawSum;

    /**
     * @param x       this shard's rows as columns (uncentred, normalized if the problem is)
     * @param y       this shard's centred targets ỹ
     * @param colMean the global column means μ_j (zeros without intercept); shared, read only
     */
    LassoWorker(CscMatrix x, double[] y, double[] colMean) {
        this.x = x;
        this.y = y;
        this.colMean = colMean;
        this.colSum = new double[x.numCols];
        for (int j = 0; j < x.numCols; j++) {
            colSum[j] = x.columnSum(j);
        }
        this.beta = new double[x.numCols];
        this.raw = y.clone(); // β = 0 at the start
        for (double v : raw) {
            rawSum += v;
        }
    }

    /**
     * A worker at {@code start}, in the state an evaluation leaves: exactly the state of the run a checkpoint
     * was taken of (checkpoints are taken right after evaluations).
     */
    LassoWorker(CscMatrix x, double[] y, double[] colMean, double[] start) {
        this(x, y, colMean);
        System.arraycopy(start, 0, beta, 0, beta.length);
        canonicalResidual();
    }

    @Override
    public LassoPartial push(Schedule schedule) {
        int[] params = schedule.params();
        int from = schedule.from(0);
        int to = schedule.to(0);
        double[] g = new double[to - from];
        double residualSum = rawSum + raw.length * offset;
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int k = from; k < to; k++) {
            int j = params[k];
            double dot = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                dot += values[e] * raw[rowIdx[e]];
            }
            g[k - from] = dot + offset * colSum[j] - colMean[j] * residualSum;
        }
        return new LassoPartial(g);
    }

    @Override
    public void apply(LassoCommit commit) {
        int[] params = commit.params();
        double[] deltas = commit.deltas();
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        double[] committed = commit.values();
        for (int k = 0; k < params.length; k++) {
            int j = params[k];
            double d = deltas[k];
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                raw[rowIdx[e]] -= values[e] * d;
            }
            rawSum -= colSum[j] * d;
            beta[j] = committed[k];
        }
        offset += commit.shift();
    }

    /**
     * Takes the commit's coefficients without touching the residual: for a worker that computes its partials
     * another way ({@link LassoCovarianceWorker}) and needs this one only for evaluations, which rebuild the
     * residual from β.
     */
    void setCoefficients(LassoCommit commit) {
        int[] params = commit.params();
        double[] committed = commit.values();
        for (int k = 0; k < params.length; k++) {
            beta[params[k]] = committed[k];
        }
    }

    /** The committed β this worker holds: the live array, for {@link LassoCovarianceWorker} to read only. */
    double[] coefficients() {
        return beta;
    }

    /** raw = ỹ − X̃β from scratch (offset 0): r_i = ỹ_i − Σ_j x_ij β_j + Σ_j μ_j β_j. */
    private void recomputeResidual() {
        System.arraycopy(y, 0, raw, 0, raw.length);
        double shift = 0;
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int j = 0; j < beta.length; j++) {
            double b = beta[j];
            if (b != 0) {
                for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                    raw[rowIdx[e]] -= values[e] * b;
                }
                shift += colMean[j] * b;
            }
        }
        offset = shift;
    }

    /** Recomputes the residual with the offset folded in; returns Σ r_i², Σ r_i ỹ_i. */
    private double[] canonicalResidual() {
        recomputeResidual();
        double sum = 0;
        double squares = 0;
        double dotY = 0;
        for (int i = 0; i < raw.length; i++) {
            double r = raw[i] + offset;
            raw[i] = r;
            sum += r;
            squares += r * r;
            dotY += r * y[i];
        }
        offset = 0;
        rawSum = sum;
        return new double[] {squares, dotY};
    }

    @Override
    public LassoStats localStats() {
        double[] sums = canonicalResidual();
        double squares = sums[0];
        double dotY = sums[1];
        double sum = rawSum;
        double[] gradient = new double[x.numCols];
        // raw now holds r exactly (offset 0); x̃_jᵀr = x_jᵀr − μ_j Σ_i r_i.
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] = x.columnDot(j, raw) - colMean[j] * sum;
        }
        return new LassoStats(squares, dotY, gradient);
    }
}
