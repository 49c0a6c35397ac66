package org.smpframe.logreg;

import java.util.Arrays;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CscMatrix;

/**
 * One shard of rows and its margins m_i = x_i·w.
 *
 * <p>Per row the worker caches e_i = exp(y_i m_i) and the two factors its push needs, a_i = y_i s_i and
 * b_i = s_i (1 − s_i) with s_i = σ(−y_i m_i) = 1 / (1 + e_i), so a push is two multiply-adds per nonzero and no
 * exponential. Exponentials are paid once per row a commit touches, not once per nonzero.
 *
 * <p><b>Speculative steps.</b> A commit carries a trial direction d. The worker accumulates Δm_i = Σ_j x_ij d_j
 * over the rows d touches, sums what the aggregator's line search needs (the exact loss change of the steps
 * α = 1, ½, ¼, Σ ℓ_i(m_i + αΔm_i) − ℓ_i(m_i) = Σ log((1 + e_i u_i^α) / ((1 + e_i) u_i^α)) with
 * u_i = exp(y_i Δm_i), so that shorter steps cost square roots; plus Σ ℓ_i'(m_i) Δm_i and Σ Δm_i² for a
 * quadratic bound on still shorter steps), and then applies the full step to its
 * margins (e_i ← e_i u_i, no further exponential). The next push therefore computes derivatives at the state the
 * aggregator most often commits (the full step passes the line search), so they are fresh, not one round stale.
 * When the next commit says the step was α ≠ 1, the worker corrects its margins by (α − 1)·Δm.
 *
 * <p>The worker keeps its own copy of the committed w and recomputes the margins from scratch at every
 * evaluation, so rounding error of incremental updates never outlives one evaluation period.
 */
final class LogRegWorker implements WorkerTask<LogRegPartial, LogRegCommit, LogRegStats> {
    private static final int[] NO_PARAMS = new int[0];
    private static final double[] NO_DIRECTIONS = new double[0];

    private final CscMatrix x;
    private final double[] y;
    /** The committed weights (the speculative trial excluded). */
    private final double[] w;
    /** Margins with the speculative trial step applied. */
    private final double[] margin;
    private final double[] expYm;
    private final double[] ys;
    private final double[] curv;
    // Scratch for the rows a commit touches: epoch marks instead of clearing a boolean array every round.
    private final int[] mark;
    private final int[] touched;
    private final double[] dm;
    private int epoch;
    private int[] trialParams = NO_PARAMS;
    private double[] trialDirections = NO_DIRECTIONS;
    private double[] pendingTrialSums = new double[LogRegPartial.TRIAL_SUMS];

    LogRegWorker(CscMatrix x, double[] y) {
        this.x = x;
        this.y = y;
        int n = y.length;
        this.w = new double[x.numCols];
        this.margin = new double[n];
        this.expYm = new double[n];
        this.ys = new double[n];
        this.curv = new double[n];
        this.mark = new int[n];
        this.touched = new int[n];
        this.dm = new double[n];
        for (int i = 0; i < n; i++) {
            refreshRow(i);
        }
    }

    private void refreshRow(int i) {
        setExp(i, Math.exp(y[i] * margin[i]));
    }

    private void setExp(int i, double e) {
        double s = 1.0 / (1.0 + e);
        expYm[i] = e;
        ys[i] = y[i] * s;
        curv[i] = s * (1.0 - s);
    }

    @Override
    public LogRegPartial push(Schedule schedule) {
        int[] params = schedule.params();
        int from = schedule.from(0);
        int to = schedule.to(0);
        double[] g = new double[to - from];
        double[] h = new double[to - from];
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int k = from; k < to; k++) {
            int j = params[k];
            double gj = 0;
            double hj = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                int i = rowIdx[e];
                double v = values[e];
                gj -= v * ys[i];
                hj += v * v * curv[i];
            }
            g[k - from] = gj;
            h[k - from] = hj;
        }
        double[] trial = pendingTrialSums;
        pendingTrialSums = new double[LogRegPartial.TRIAL_SUMS];
        return new LogRegPartial(g, h, trial);
    }

    @Override
    public void apply(LogRegCommit commit) {
        settlePreviousTrial(commit.previousStep());
        trialParams = commit.trialParams();
        trialDirections = commit.trialDirections();
        if (trialParams.length > 0) {
            evaluateAndApplyTrial(accumulate(trialParams, trialDirections, 1.0));
        }
    }

    /** Commits α·d of the trial in flight into w; its full step is already in the margins, so correct by (α − 1). */
    private void settlePreviousTrial(double alpha) {
        for (int k = 0; k < trialParams.length; k++) {
            w[trialParams[k]] += alpha * trialDirections[k];
        }
        if (alpha != 1.0 && trialParams.length > 0) {
            addToMargins(accumulate(trialParams, trialDirections, alpha - 1.0));
        }
        trialParams = NO_PARAMS;
        trialDirections = NO_DIRECTIONS;
    }

    private void addToMargins(int count) {
        for (int t = 0; t < count; t++) {
            int i = touched[t];
            margin[i] += dm[i];
            dm[i] = 0;
            refreshRow(i);
        }
    }

    /** dm_i = scale · Σ_k x_{i,params[k]} amounts[k] over the touched rows, listed in touched[0, count). */
    private int accumulate(int[] params, double[] amounts, double scale) {
        int ep = ++epoch;
        int count = 0;
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int k = 0; k < params.length; k++) {
            int j = params[k];
            double d = scale * amounts[k];
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                int i = rowIdx[e];
                if (mark[i] != ep) {
                    mark[i] = ep;
                    touched[count++] = i;
                }
                dm[i] += values[e] * d;
            }
        }
        return count;
    }

    private void evaluateAndApplyTrial(int count) {
        // Σ_i log(ratio_i) as the log of running products, flushed before they can leave the double range:
        // about one logarithm per many rows instead of three per row.
        double full = 1;
        double half = 1;
        double quarter = 1;
        double lossFull = 0;
        double lossHalf = 0;
        double lossQuarter = 0;
        double slope = 0;
        double squares = 0;
        for (int t = 0; t < count; t++) {
            int i = touched[t];
            double delta = dm[i];
            dm[i] = 0;
            double e = expYm[i];
            double u = Math.exp(y[i] * delta);
            double u2 = Math.sqrt(u);
            double u4 = Math.sqrt(u2);
            double base = 1.0 + e;
            double eNew = e * u;
            double rFull = (1.0 + eNew) / (base * u);
            double rHalf = (1.0 + e * u2) / (base * u2);
            double rQuarter = (1.0 + e * u4) / (base * u4);
            slope -= ys[i] * delta;
            squares += delta * delta;
            double m = margin[i];
            margin[i] = m + delta;
            if (rFull > 0 && rFull < Double.POSITIVE_INFINITY && rQuarter > 0 && rQuarter < Double.POSITIVE_INFINITY
                    && eNew > 0 && eNew < Double.POSITIVE_INFINITY) {
                full *= rFull;
                half *= rHalf;
                quarter *= rQuarter;
                setExp(i, eNew);
            } else {
                // e or u at the end of the double range: the ratio form overflowed, use the stable form.
                double l0 = softplus(-y[i] * m);
                lossFull += softplus(-y[i] * (m + delta)) - l0;
                lossHalf += softplus(-y[i] * (m + 0.5 * delta)) - l0;
                lossQuarter += softplus(-y[i] * (m + 0.25 * delta)) - l0;
                refreshRow(i);
            }
            if (!(full > 1e-200 && full < 1e200 && half > 1e-200 && half < 1e200 && quarter > 1e-200
                    && quarter < 1e200)) {
                lossFull += Math.log(full);
                lossHalf += Math.log(half);
                lossQuarter += Math.log(quarter);
                full = 1;
                half = 1;
                quarter = 1;
            }
        }
        pendingTrialSums[0] = lossFull + Math.log(full);
        pendingTrialSums[1] = lossHalf + Math.log(half);
        pendingTrialSums[2] = lossQuarter + Math.log(quarter);
        pendingTrialSums[3] = slope;
        pendingTrialSums[4] = squares;
    }

    /** log(1 + exp(t)) without overflow. */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    /**
     * Statistics of the committed model (the speculative step excluded), from margins recomputed exactly; the
     * speculative step is then put back.
     */
    @Override
    public LogRegStats localStats() {
        Arrays.fill(margin, 0.0);
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int j = 0; j < w.length; j++) {
            double wj = w[j];
            if (wj != 0) {
                for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                    margin[rowIdx[e]] += values[e] * wj;
                }
            }
        }
        double loss = 0;
        for (int i = 0; i < margin.length; i++) {
            refreshRow(i);
            loss += softplus(-y[i] * margin[i]);
        }
        double[] gradient = new double[w.length];
        for (int j = 0; j < gradient.length; j++) {
            double g = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                g -= values[e] * ys[rowIdx[e]];
            }
            gradient[j] = g;
        }
        if (trialParams.length > 0) {
            addToMargins(accumulate(trialParams, trialDirections, 1.0));
        }
        return new LogRegStats(loss, gradient);
    }
}
