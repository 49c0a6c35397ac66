package org.smpframe.logreg;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.smpframe.api.Schedule;
import org.smpframe.api.StateIo;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CscMatrix;

/**
 * One shard of rows: its margins m_i = x_i·w, the weights of the current outer iteration's quadratic model,
 * and the inner direction's margins Δ_i = x_i·d.
 *
 * <p>Per row the worker caches e_i = exp(y_i m_i), a_i = y_i s_i and D_i = s_i (1 − s_i) with
 * s_i = σ(−y_i m_i) = 1 / (1 + e_i). They change only at an outer step, so an inner round costs one
 * multiply-add per nonzero to push (Σ_j x_ij D_i Δ_i) and one to apply (Δ_i += x_ij δ_j): no exponential. The
 * exponentials are paid once per row per outer iteration, in the line search (u_i = exp(y_i Δ_i), which also
 * gives the new e_i = e_i·u_i when the full step is taken).
 *
 * <p>The worker keeps its own copy of the committed w and recomputes the margins from scratch at every
 * evaluation, so rounding error of incremental updates never outlives one evaluation period.
 */
final class LogRegWorker implements WorkerTask<LogRegPartial, LogRegCommit, LogRegStats> {
    private final CscMatrix x;
    private final double[] y;
    private final double[] w;
    /** The inner direction d (all coordinates; what the aggregator committed since the last outer step). */
    private final double[] d;
    private final double[] margin;
    private final double[] expYm;
    private final double[] ys;
    private final double[] curv;
    private final double[] delta;
    /** Σ_i D_i Δ_i², kept with Δ. */
    private double quadratic;
    private double[] pendingGradient;
    private double[] pendingCurvature;
    private double[] pendingLineSearch = LogRegPartial.NONE;
    /** exp(y_i Δ_i) from the line search, reused by a full outer step; valid while {@link #haveU}. */
    private final double[] u;
    private boolean haveU;

    LogRegWorker(CscMatrix x, double[] y) {
        this.x = x;
        this.y = y;
        int n = y.length;
        this.w = new double[x.numCols];
        this.d = new double[x.numCols];
        this.margin = new double[n];
        this.expYm = new double[n];
        this.ys = new double[n];
        this.curv = new double[n];
        this.delta = new double[n];
        this.u = new double[n];
        for (int i = 0; i < n; i++) {
            refreshRow(i);
        }
        outerStatistics();
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

    /** The gradient and curvature of every coordinate at the current outer iterate, for the next push. */
    private void outerStatistics() {
        int p = x.numCols;
        double[] g = new double[p];
        double[] h = new double[p];
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int j = 0; j < p; j++) {
            double gj = 0;
            double hj = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                int i = rowIdx[e];
                double v = values[e];
                gj -= v * ys[i];
                hj += v * v * curv[i];
            }
            g[j] = gj;
            h[j] = hj;
        }
        pendingGradient = g;
        pendingCurvature = h;
    }

    @Override
    public LogRegPartial push(Schedule schedule) {
        int[] params = schedule.params();
        int from = schedule.from(0);
        int to = schedule.to(0);
        double[] q = new double[to - from];
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int k = from; k < to; k++) {
            int j = params[k];
            double s = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                int i = rowIdx[e];
                s += values[e] * curv[i] * delta[i];
            }
            q[k - from] = s;
        }
        LogRegPartial partial = new LogRegPartial(q,
                pendingGradient != null ? pendingGradient : LogRegPartial.NONE,
                pendingCurvature != null ? pendingCurvature : LogRegPartial.NONE, quadratic, pendingLineSearch);
        pendingGradient = null;
        pendingCurvature = null;
        pendingLineSearch = LogRegPartial.NONE;
        return partial;
    }

    @Override
    public void apply(LogRegCommit commit) {
        switch (commit.kind()) {
            case LogRegCommit.INNER -> moveDirection(commit.params(), commit.deltas());
            case LogRegCommit.LINE_SEARCH -> {
                moveDirection(commit.params(), commit.deltas());
                lineSearch();
            }
            case LogRegCommit.OUTER_STEP -> outerStep(commit.step());
            default -> throw new IllegalArgumentException("unknown commit kind " + commit.kind());
        }
    }

    private void moveDirection(int[] params, double[] deltas) {
        int[] colPtr = x.colPtr;
        int[] rowIdx = x.rowIdx;
        double[] values = x.values;
        for (int k = 0; k < params.length; k++) {
            int j = params[k];
            double dj = deltas[k];
            d[j] += dj;
            double q = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                int i = rowIdx[e];
                double old = delta[i];
                double now = old + values[e] * dj;
                delta[i] = now;
                q += curv[i] * (now * now - old * old);
            }
            quadratic += q;
        }
    }

    /**
     * Σ_i ℓ_i(m_i + αΔ_i) − ℓ_i(m_i) = Σ_i log((1 + e_i u_i^α) / ((1 + e_i) u_i^α)) for α = 1, ½, ¼, as the logs of
     * running products (flushed before they leave the double range: about one logarithm per many rows), plus the
     * quadratic bound's sums Σ ℓ_i'(m_i)Δ_i and Σ Δ_i².
     */
    private void lineSearch() {
        double full = 1;
        double half = 1;
        double quarter = 1;
        double lossFull = 0;
        double lossHalf = 0;
        double lossQuarter = 0;
        double slope = 0;
        double squares = 0;
        for (int i = 0; i < delta.length; i++) {
            double dm = delta[i];
            if (dm == 0) {
                u[i] = 1;
                continue;
            }
            double e = expYm[i];
            double ui = Math.exp(y[i] * dm);
            u[i] = ui;
            double u2 = Math.sqrt(ui);
            double u4 = Math.sqrt(u2);
            double base = 1.0 + e;
            double rFull = (1.0 + e * ui) / (base * ui);
            double rHalf = (1.0 + e * u2) / (base * u2);
            double rQuarter = (1.0 + e * u4) / (base * u4);
            slope -= ys[i] * dm;
            squares += dm * dm;
            if (inProductRange(rFull) && inProductRange(rHalf) && inProductRange(rQuarter)) {
                full *= rFull;
                half *= rHalf;
                quarter *= rQuarter;
            } else if (rFull > 0 && rQuarter > 0 && rFull < Double.POSITIVE_INFINITY
                    && rQuarter < Double.POSITIVE_INFINITY) {
                // A factor this far from 1 would push the running products past their flush bounds in one
                // step (an underflow to 0 would read as a loss change of −∞): take its logarithm alone.
                lossFull += Math.log(rFull);
                lossHalf += Math.log(rHalf);
                lossQuarter += Math.log(rQuarter);
            } else {
                // e or u at the end of the double range: the ratio form overflowed, use the stable form.
                double m = margin[i];
                double l0 = softplus(-y[i] * m);
                lossFull += softplus(-y[i] * (m + dm)) - l0;
                lossHalf += softplus(-y[i] * (m + 0.5 * dm)) - l0;
                lossQuarter += softplus(-y[i] * (m + 0.25 * dm)) - l0;
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
        haveU = true;
        pendingLineSearch = new double[] {lossFull + Math.log(full), lossHalf + Math.log(half),
                lossQuarter + Math.log(quarter), slope, squares};
    }

    private void outerStep(double alpha) {
        if (alpha != 0) {
            for (int j = 0; j < w.length; j++) {
                w[j] += alpha * d[j];
            }
            boolean reuse = alpha == 1.0 && haveU;
            for (int i = 0; i < delta.length; i++) {
                double dm = delta[i];
                if (dm != 0) {
                    margin[i] += alpha * dm;
                    double eNew = reuse ? expYm[i] * u[i] : 0;
                    if (eNew > 0 && eNew < Double.POSITIVE_INFINITY) {
                        setExp(i, eNew);
                    } else {
                        refreshRow(i);
                    }
                }
            }
        }
        Arrays.fill(d, 0.0);
        Arrays.fill(delta, 0.0);
        quadratic = 0;
        haveU = false;
        outerStatistics();
    }

    private static boolean inProductRange(double r) {
        return r > 1e-100 && r < 1e100;
    }

    /** log(1 + exp(t)) without overflow. */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    /**
     * Every array the next rounds read, as it is (the incremental margins and the cached exponentials carry their
     * own rounding, which a recomputation would not reproduce), and the outer statistics not pushed yet.
     */
    @Override
    public void saveState(DataOutput out) throws IOException {
        for (double[] a : new double[][] {w, d, margin, expYm, ys, curv, delta, u}) {
            StateIo.writeDoubles(out, a);
        }
        StateIo.writeDoubles(out, pendingGradient);
        StateIo.writeDoubles(out, pendingCurvature);
        StateIo.writeDoubles(out, pendingLineSearch);
        out.writeDouble(quadratic);
        out.writeBoolean(haveU);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        for (double[] a : new double[][] {w, d, margin, expYm, ys, curv, delta, u}) {
            StateIo.readDoubles(in, a, "a worker array");
        }
        int p = w.length;
        pendingGradient = StateIo.readDoubles(in, p, "the pending gradient");
        pendingCurvature = StateIo.readDoubles(in, p, "the pending curvature");
        pendingLineSearch = StateIo.readDoubles(in, p + 5, "the pending line search");
        if (pendingLineSearch == null) {
            throw new IOException("the pending line search is missing");
        }
        if (pendingLineSearch.length == 0) {
            pendingLineSearch = LogRegPartial.NONE; // the marker the aggregator tells apart by identity or length
        }
        quadratic = in.readDouble();
        haveU = in.readBoolean();
    }

    /** Statistics of the committed model, from margins recomputed exactly. */
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
        haveU = false; // the exponentials were recomputed; a later full step recomputes them as well
        double q = 0;
        for (int i = 0; i < delta.length; i++) {
            q += curv[i] * delta[i] * delta[i]; // D moved by rounding: keep Σ D Δ² consistent with it
        }
        quadratic = q;
        double[] gradient = new double[w.length];
        for (int j = 0; j < gradient.length; j++) {
            double g = 0;
            for (int e = colPtr[j], end = colPtr[j + 1]; e < end; e++) {
                g -= values[e] * ys[rowIdx[e]];
            }
            gradient[j] = g;
        }
        return new LogRegStats(loss, gradient);
    }
}
