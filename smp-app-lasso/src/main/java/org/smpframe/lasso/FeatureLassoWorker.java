package org.smpframe.lasso;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.linear.AndersonAcceleration;
import org.smpframe.linear.ColumnBlock;
import org.smpframe.linear.ResidualExtrapolation;

/**
 * One worker of the feature-sharded Lasso: it is responsible for a set of columns (their share of every check),
 * keeps a replica of the whole residual r = ỹ − X̃β and of the coefficients, and updates the coordinates the
 * schedule gives it one after another, Gauss-Seidel: each update is exact on the residual as it is, a dense dot
 * and axpy for a dense column. Its share is normally its own columns; a small working set may be given whole to
 * one worker (the scheduler weighs the round's work against its coordination), which can read every column: they
 * are the program's, shared, not copied.
 *
 * <p>With one worker that is plain sequential coordinate descent and a round needs no message at all. With P
 * workers, each sweeps its share from the same round-start residual; the push carries what its sweeps took off
 * the residual and the coefficients they moved, and the commit (the sum of all workers' moves, scaled by the step
 * the aggregator kept) brings every replica to the same residual and coefficients bit for bit: each computes
 * r_start − ΔR_α, as the aggregator does.
 *
 * <p>Alone in a round (one worker, or the only one with a share), it also accelerates its sweeps: every
 * {@link AndersonAcceleration#DEPTH} sweeps over the same coordinates it extrapolates their coefficients and the
 * residual, and keeps the point if it lowers the objective. When several workers share a round their moves mix
 * between sweeps; the aggregator then accelerates the rounds instead, and a commit may carry the point it keeps.
 *
 * <p>An evaluation reads every column of its own whose |x̃_jᵀr| might reach nλ and skips the others: since
 * |x̃_jᵀr| ≤ |x̃_jᵀr'| + ‖x̃_j‖‖r − r'‖, the value read at an earlier evaluation plus ‖x̃_j‖ times the distance the
 * residual travelled since bounds it, and a zero coefficient whose bound stays below nλ is optimal where it is.
 * Late in a fit, and from one λ of a path to the next, the residual moves little and most columns are skipped.
 */
final class FeatureLassoWorker implements WorkerTask<FeatureLassoPartial, FeatureLassoCommit, FeatureLassoStats> {
    /** A coordinate move this small relative to the coefficient is rounding noise, not progress. */
    static final double NOISE = LassoAggregator.NOISE;

    private final int worker;
    private final int numWorkers;
    private final ColumnBlock x;       // every column, by global id (shared data, not copied)
    private final int[] own;           // the columns this worker checks, ascending
    private final int n;
    private final double[] y;          // ỹ, all rows; shared, read only
    private final double[] beta;       // every coefficient (a replica)
    private final double[] raw;        // residual r = raw + offset
    private double offset;
    private double rawSum;
    private double lambda = Double.NaN;

    // One round's bookkeeping; reused.
    private final double[] rawStart;   // null with one worker
    private double offsetStart;
    private double rawSumStart;
    private final double[] decrease;   // Σ over the round's updates of ‖x̃_j‖² Δ² / n
    private final double[] oldValue;   // β_j at the round's start, for the coordinates it moved
    private final boolean[] touched;
    private final int[] touchedList;
    private int touchedCount;
    private final FeatureLassoPartial partial;

    // Evaluation state, by position in own.
    private final double[] lastAbsGradient; // |x̃_jᵀr| when column own[k] was last read; NaN: never
    private final double[] pathAtLast;      // the residual's travel when it was read
    private double path;                    // Σ ‖r_e − r_{e−1}‖ over evaluations e
    private final double[] previousEval;    // r at the last evaluation
    private boolean evaluatedBefore;
    private final ResidualExtrapolation history;
    private final AndersonAcceleration acceleration;
    private final double[] residual;        // scratch: r in full
    private final double[] two = new double[2];
    private final FeatureLassoStats stats;

    /**
     * @param x        every column (centred; see {@link ColumnBlock}), column j at index j
     * @param own      the columns this worker checks (its share of the placement), ascending
     * @param y        ỹ, the centred targets of all rows
     * @param start    β to start from (every coefficient), or null for 0
     * @param residual the residual at {@code start} in full (length n), or null when start is null (r = ỹ)
     */
    FeatureLassoWorker(int worker, int numWorkers, ColumnBlock x, int[] own, double[] y, double[] start,
                       double[] residual) {
        this.worker = worker;
        this.numWorkers = numWorkers;
        this.x = x;
        this.own = own.clone();
        this.n = x.numRows();
        this.y = y;
        int p = x.size();
        this.beta = start == null ? new double[p] : start.clone();
        this.raw = residual == null ? y.clone() : residual.clone();
        this.rawSum = sum(raw);
        this.rawStart = numWorkers > 1 ? new double[n] : null;
        this.decrease = new double[p];
        this.oldValue = new double[p];
        this.touched = new boolean[p];
        this.touchedList = new int[p];
        this.partial = new FeatureLassoPartial(p, numWorkers > 1 ? n : 0);
        this.lastAbsGradient = new double[own.length];
        Arrays.fill(lastAbsGradient, Double.NaN);
        this.pathAtLast = new double[own.length];
        this.previousEval = new double[n];
        this.history = new ResidualExtrapolation(n);
        this.acceleration = new AndersonAcceleration(n);
        this.residual = new double[n];
        this.stats = new FeatureLassoStats(own.length, numWorkers > 1 ? n : 0);
    }

    @Override
    public FeatureLassoPartial push(Schedule schedule) {
        if (Double.isNaN(lambda)) {
            throw new IllegalStateException("worker " + worker + " has no lambda yet: the aggregator's run-start "
                    + "commit was not applied");
        }
        if (schedule.isShared()) {
            throw new IllegalArgumentException("the feature-sharded Lasso needs partitioned schedules (each worker "
                    + "updates its share), got " + schedule);
        }
        if (rawStart != null) {
            System.arraycopy(raw, 0, rawStart, 0, n);
            offsetStart = offset;
            rawSumStart = rawSum;
        }
        int[] params = schedule.params();
        int from = schedule.from(worker);
        int to = schedule.to(worker);
        boolean alone = numWorkers == 1 || schedule.size() == to - from;
        double threshold = n * lambda;
        int sweeps = schedule.sweeps();
        double maxAbs = 0;
        double maxNorm = 0;
        for (int i = from; i < to && !alone; i++) {
            maxNorm = Math.max(maxNorm, x.squaredNorm(params[i]));
        }
        partial.maxColumnNorm = Math.sqrt(maxNorm);
        if (alone) {
            acceleration.use(params, from, to);
        } else {
            acceleration.clear();
        }
        for (int sweep = 0; sweep < sweeps; sweep++) {
            boolean last = sweep == sweeps - 1;
            for (int i = from; i < to; i++) {
                double g = update(params[i], threshold, schedule.round());
                if (last) {
                    maxAbs = Math.max(maxAbs, Math.abs(g));
                }
            }
            if (alone) {
                acceleration.record(beta, raw, offset);
                if (acceleration.ready()) {
                    accelerate();
                }
            }
        }
        fillPartial();
        partial.maxAbsGradient = maxAbs;
        if (rawStart == null || alone) {
            double rr = 0;
            double ry = 0;
            for (int i = 0; i < n; i++) {
                double r = raw[i] + offset;
                rr += r * r;
                ry += r * y[i];
            }
            partial.residualSquares = rr;
            partial.residualDotY = ry;
        } else {
            partial.residualSquares = Double.NaN;
            partial.residualDotY = Double.NaN;
        }
        if (rawStart == null) {
            // One worker: nothing to reconcile, the round's residual is final.
            history.record(raw, offset);
            clearRound();
        }
        return partial;
    }

    /**
     * Replaces the point by the extrapolated one if that lowers the objective ‖r‖²/2n + λ‖β‖₁ (coordinates outside
     * the share do not change and drop out of the comparison). Its gain is booked on the coordinates it moved, in
     * proportion to ‖x̃_j‖²Δβ_j², so the round's reported decrease includes it.
     */
    private void accelerate() {
        if (!acceleration.extrapolate()) {
            return;
        }
        double[] eb = acceleration.beta();
        double[] er = acceleration.residual();
        int m = acceleration.size();
        double l1Now = 0;
        double l1New = 0;
        for (int i = 0; i < m; i++) {
            int j = acceleration.column(i);
            l1Now += Math.abs(beta[j]);
            l1New += Math.abs(eb[i]);
        }
        double now = 0;
        double next = 0;
        for (int i = 0; i < n; i++) {
            double r = raw[i] + offset;
            now += r * r;
            next += er[i] * er[i];
        }
        double gain = (now - next) / (2.0 * n) + lambda * (l1Now - l1New);
        if (!(gain > 0)) {
            return;
        }
        double weight = 0;
        for (int i = 0; i < m; i++) {
            int j = acceleration.column(i);
            double d = eb[i] - beta[j];
            weight += x.squaredNorm(j) * d * d;
        }
        for (int i = 0; i < m; i++) {
            int j = acceleration.column(i);
            double nb = eb[i];
            double b = beta[j];
            if (nb == b) {
                continue;
            }
            if (!touched[j]) {
                touched[j] = true;
                oldValue[j] = b;
                touchedList[touchedCount++] = j;
            }
            double d = nb - b;
            if (weight > 0) {
                decrease[j] += 2 * gain * x.squaredNorm(j) * d * d / weight;
            }
            beta[j] = nb;
        }
        System.arraycopy(er, 0, raw, 0, n);
        offset = 0;
        rawSum = sum(raw);
    }

    /** The exact minimization along coordinate j on the current residual; returns x̃_jᵀr before the update. */
    private double update(int j, double threshold, long round) {
        double sq = x.squaredNorm(j);
        if (sq == 0) {
            return 0; // a constant column: its coefficient stays 0
        }
        double b = beta[j];
        double g = x.dotResidual(j, raw, offset, rawSum);
        double z = g + sq * b;
        double nb = z > threshold ? (z - threshold) / sq : z < -threshold ? (z + threshold) / sq : 0.0;
        double d = nb - b;
        if (d == 0 || Math.abs(d) <= NOISE * Math.abs(b)) {
            return g;
        }
        if (!Double.isFinite(nb)) {
            throw new DivergenceException("Lasso diverged in round " + round + ": coefficient " + (j + 1)
                    + " became " + nb + ".");
        }
        rawSum += x.subtractFromRaw(j, d, raw);
        offset += d * x.mean(j);
        beta[j] = nb;
        if (!touched[j]) {
            touched[j] = true;
            oldValue[j] = b;
            touchedList[touchedCount++] = j;
        }
        decrease[j] += sq * d * d / n;
        return g;
    }

    private void fillPartial() {
        FeatureLassoPartial out = partial;
        int count = 0;
        double l1 = 0;
        for (int t = 0; t < touchedCount; t++) {
            int j = touchedList[t];
            if (beta[j] == oldValue[j]) {
                continue; // moved and came back
            }
            out.params[count] = j;
            out.values[count] = beta[j];
            out.magnitudes[count] = Math.sqrt(decrease[j]);
            l1 += Math.abs(beta[j]) - Math.abs(oldValue[j]);
            count++;
        }
        out.count = count;
        out.l1Delta = l1;
        if (rawStart != null) {
            double[] delta = out.residualDelta;
            for (int i = 0; i < n; i++) {
                delta[i] = rawStart[i] - raw[i];
            }
            out.offsetDelta = offsetStart - offset;
            out.rawSumDelta = rawSumStart - rawSum;
        }
    }

    private void clearRound() {
        for (int t = 0; t < touchedCount; t++) {
            int j = touchedList[t];
            touched[j] = false;
            decrease[j] = 0;
        }
        touchedCount = 0;
    }

    @Override
    public void apply(FeatureLassoCommit commit) {
        if (!Double.isNaN(commit.lambda) && commit.lambda != lambda) {
            lambda = commit.lambda;
            history.clear(); // the residuals of another λ say nothing about this one's optimum
            acceleration.clear();
        }
        if (commit.residualDelta != null) {
            if (rawStart == null) {
                throw new IllegalStateException("worker " + worker + " of " + numWorkers
                        + " got another worker's residual change");
            }
            double[] delta = commit.residualDelta;
            for (int i = 0; i < n; i++) {
                raw[i] = rawStart[i] - delta[i];
            }
            offset = offsetStart - commit.offsetDelta;
            rawSum = rawSumStart - commit.rawSumDelta;
            // Every coefficient any worker moved, as committed (the step α applied).
            for (int i = 0; i < commit.changed; i++) {
                beta[commit.changedParams[i]] = commit.changedValues[i];
            }
            clearRound();
        }
        if (commit.correction != null) {
            double[] c = commit.correction;
            for (int i = 0; i < n; i++) {
                raw[i] += c[i];
            }
            offset += commit.offsetCorrection;
            rawSum += commit.rawSumCorrection;
        }
        if (commit.replacedResidual != null) {
            for (int i = 0; i < commit.replaced; i++) {
                beta[commit.replacedParams[i]] = commit.replacedValues[i];
            }
            System.arraycopy(commit.replacedResidual, 0, raw, 0, n);
            offset = 0;
            rawSum = sum(raw);
        }
        if (commit.residualDelta != null) {
            history.record(raw, offset);
        }
    }

    @Override
    public FeatureLassoStats localStats() {
        if (Double.isNaN(lambda)) {
            throw new IllegalStateException("worker " + worker + " has no lambda yet");
        }
        if (numWorkers == 1) {
            recomputeResidual(); // exact, for the certificate: the support's columns only
        }
        acceleration.clear(); // an evaluation moves on from the recorded sweeps (recomputed or corrected residual)
        double rr = 0;
        double ry = 0;
        for (int i = 0; i < n; i++) {
            double r = raw[i] + offset;
            residual[i] = r;
            rr += r * r;
            ry += r * y[i];
        }
        if (evaluatedBefore) {
            path += Math.sqrt(org.smpframe.linear.kernel.DenseKernels.squaredDistance(residual, previousEval, n));
        }
        System.arraycopy(residual, 0, previousEval, 0, n);
        evaluatedBefore = true;
        FeatureLassoStats out = stats;
        out.residualSquares = rr;
        out.residualDotY = ry;
        double[] acc = history.extrapolate();
        double accDistance = 0;
        double accSum = 0;
        if (acc != null) {
            double s2 = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s2 += acc[i] * acc[i];
                sy += acc[i] * y[i];
                accSum += acc[i];
            }
            out.accSquares = s2;
            out.accDotY = sy;
            accDistance = Math.sqrt(org.smpframe.linear.kernel.DenseKernels.squaredDistance(acc, residual, n));
        } else {
            out.accSquares = Double.NaN;
            out.accDotY = Double.NaN;
        }
        double threshold = n * lambda;
        double accMax = 0;
        int computed = 0;
        for (int k = 0; k < own.length; k++) {
            int j = own[k];
            double norm = Math.sqrt(x.squaredNorm(j));
            double bound = lastAbsGradient[k] + norm * (path - pathAtLast[k]);
            if (beta[j] == 0 && bound * (1 + 1e-12) < threshold) { // false while never read (NaN)
                out.absGradient[k] = bound > 0 ? -bound : -Double.MIN_VALUE; // negative: a bound, not a value read
                if (acc != null) {
                    accMax = Math.max(accMax, bound + norm * accDistance);
                }
                continue;
            }
            double g;
            if (acc != null) {
                x.dotResidualAnd(j, raw, offset, rawSum, acc, accSum, two);
                g = Math.abs(two[0]);
                accMax = Math.max(accMax, Math.abs(two[1]));
            } else {
                g = Math.abs(x.dotResidual(j, raw, offset, rawSum));
            }
            out.absGradient[k] = g;
            lastAbsGradient[k] = g;
            pathAtLast[k] = path;
            computed++;
        }
        out.accMaxAbsGradient = accMax;
        out.computed = computed;
        if (out.fit != null) {
            double[] fit = out.fit;
            Arrays.fill(fit, 0.0);
            double shift = 0;
            for (int j : own) {
                if (beta[j] != 0) {
                    x.addToRaw(j, beta[j], fit);
                    shift += x.mean(j) * beta[j];
                }
            }
            out.fitOffset = shift;
        }
        return out;
    }

    /** r = ỹ − X̃β from scratch: raw = ỹ − Σ_j β_j x_j (stored columns), offset = Σ_j μ_j β_j. */
    private void recomputeResidual() {
        System.arraycopy(y, 0, raw, 0, n);
        double shift = 0;
        for (int j = 0; j < beta.length; j++) {
            if (beta[j] != 0) {
                x.addToRaw(j, -beta[j], raw);
                shift += x.mean(j) * beta[j];
            }
        }
        offset = shift;
        rawSum = sum(raw);
    }

    private static double sum(double[] a) {
        return org.smpframe.linear.kernel.DenseKernels.sum(a, a.length);
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(beta.length);
        out.writeInt(n);
        out.writeInt(own.length);
        writeArray(out, beta);
        writeArray(out, raw);
        out.writeDouble(offset);
        out.writeDouble(rawSum);
        out.writeDouble(lambda);
        writeArray(out, lastAbsGradient);
        writeArray(out, pathAtLast);
        out.writeDouble(path);
        writeArray(out, previousEval);
        out.writeBoolean(evaluatedBefore);
        history.save(out);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        int p = in.readInt();
        int rows = in.readInt();
        int owned = in.readInt();
        if (p != beta.length || rows != n || owned != own.length) {
            throw new IOException("the state is of a worker with " + p + " columns, " + rows + " rows and " + owned
                    + " of its own; this one has " + beta.length + ", " + n + " and " + own.length);
        }
        readArray(in, beta);
        readArray(in, raw);
        offset = in.readDouble();
        rawSum = in.readDouble();
        lambda = in.readDouble();
        readArray(in, lastAbsGradient);
        readArray(in, pathAtLast);
        path = in.readDouble();
        readArray(in, previousEval);
        evaluatedBefore = in.readBoolean();
        history.restore(in);
        acceleration.clear();
        clearRound();
    }

    static void writeArray(DataOutput out, double[] a) throws IOException {
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    static void readArray(DataInput in, double[] a) throws IOException {
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
    }
}
