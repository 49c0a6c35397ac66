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
 * One worker of the feature-sharded Lasso: it holds some columns of the data (all their rows), their
 * coefficients, and a replica of the whole residual r = ỹ − X̃β, and updates its own coordinates one after
 * another, Gauss-Seidel, as its share of the schedule says: each update is exact on the residual as it is,
 * a dense dot and axpy for a dense column.
 *
 * <p>With one worker that is plain sequential coordinate descent and a round needs no message at all. With P
 * workers, each sweeps its own share from the same round-start residual; the push carries what its sweeps took
 * off the residual, and the commit (the sum of all workers', scaled by the step the aggregator kept) brings every
 * replica to the same residual bit for bit: each computes r_start − ΔR_α, as the aggregator does.
 *
 * <p>Alone (one worker), it also accelerates its sweeps: every {@link AndersonAcceleration#DEPTH} sweeps over the
 * same coordinates it extrapolates their coefficients and the residual, and keeps the point if it lowers the
 * objective. With several workers the blocks move each other's residual between sweeps, and it does not.
 *
 * <p>An evaluation reads every column whose |x̃_jᵀr| might reach nλ and skips the others: since
 * |x̃_jᵀr| ≤ |x̃_jᵀr'| + ‖x̃_j‖‖r − r'‖, the value read at an earlier evaluation plus ‖x̃_j‖ times the distance the
 * residual travelled since bounds it, and a zero coefficient whose bound stays below nλ is optimal where it is.
 * Late in a fit, and from one λ of a path to the next, the residual moves little and most columns are skipped.
 */
final class FeatureLassoWorker implements WorkerTask<FeatureLassoPartial, FeatureLassoCommit, FeatureLassoStats> {
    /** A coordinate move this small relative to the coefficient is rounding noise, not progress. */
    static final double NOISE = LassoAggregator.NOISE;

    private final int worker;
    private final int numWorkers;
    private final ColumnBlock x;
    private final int n;
    private final double[] y;          // ỹ, all rows; shared, read only
    private final int[] localOf;       // global column → local, or -1; shared between the workers, read only
    private final double[] beta;       // own coefficients, by local column
    private final double[] raw;        // residual r = raw + offset
    private double offset;
    private double rawSum;
    private double lambda = Double.NaN;

    // One round's bookkeeping; reused.
    private final double[] rawStart;   // null with one worker
    private double offsetStart;
    private double rawSumStart;
    private final double[] decrease;   // Σ over the round's updates of ‖x̃_k‖² Δ² / n, by local column
    private final double[] oldValue;   // β_k at the round's start, for the coordinates it moved
    private final boolean[] touched;
    private final int[] touchedList;
    private int touchedCount;
    private final FeatureLassoPartial partial;

    // Evaluation state.
    private final double[] lastAbsGradient; // |x̃_kᵀr| when column k was last read; NaN: never
    private final double[] pathAtLast;      // the residual's travel when it was read
    private double path;                    // Σ ‖r_e − r_{e−1}‖ over evaluations e
    private final double[] previousEval;    // r at the last evaluation
    private boolean evaluatedBefore;
    private final ResidualExtrapolation history;
    private final AndersonAcceleration acceleration; // null with several workers
    private int[] shareScratch = new int[0];
    private final double[] residual;        // scratch: r in full
    private final double[] two = new double[2];
    private final FeatureLassoStats stats;

    /**
     * @param x        this worker's columns (centred; see {@link ColumnBlock})
     * @param y        ỹ, the centred targets of all rows
     * @param localOf  for every global column its index in {@code x}, or -1 for another worker's
     * @param start    β to start from by local column, or null for 0
     * @param residual the residual at {@code start} in full (length n), or null when start is null (r = ỹ)
     */
    FeatureLassoWorker(int worker, int numWorkers, ColumnBlock x, double[] y, int[] localOf, double[] start,
                       double[] residual) {
        this.worker = worker;
        this.numWorkers = numWorkers;
        this.x = x;
        this.n = x.numRows();
        this.y = y;
        this.localOf = localOf;
        int m = x.size();
        this.beta = start == null ? new double[m] : start.clone();
        this.raw = residual == null ? y.clone() : residual.clone();
        this.rawSum = sum(raw);
        this.rawStart = numWorkers > 1 ? new double[n] : null;
        this.decrease = new double[m];
        this.oldValue = new double[m];
        this.touched = new boolean[m];
        this.touchedList = new int[m];
        this.partial = new FeatureLassoPartial(m, numWorkers > 1 ? n : 0);
        this.lastAbsGradient = new double[m];
        Arrays.fill(lastAbsGradient, Double.NaN);
        this.pathAtLast = new double[m];
        this.previousEval = new double[n];
        this.history = new ResidualExtrapolation(n);
        this.acceleration = numWorkers == 1 ? new AndersonAcceleration(n) : null;
        this.residual = new double[n];
        this.stats = new FeatureLassoStats(m, numWorkers > 1 ? n : 0);
    }

    @Override
    public FeatureLassoPartial push(Schedule schedule) {
        if (Double.isNaN(lambda)) {
            throw new IllegalStateException("worker " + worker + " has no lambda yet: the aggregator's run-start "
                    + "commit was not applied");
        }
        if (schedule.isShared()) {
            throw new IllegalArgumentException("the feature-sharded Lasso needs partitioned schedules (each worker "
                    + "updates its own columns), got " + schedule);
        }
        if (rawStart != null) {
            System.arraycopy(raw, 0, rawStart, 0, n);
            offsetStart = offset;
            rawSumStart = rawSum;
        }
        int[] params = schedule.params();
        int from = schedule.from(worker);
        int to = schedule.to(worker);
        double threshold = n * lambda;
        int sweeps = schedule.sweeps();
        double maxAbs = 0;
        double maxNorm = 0;
        for (int i = from; i < to && rawStart != null; i++) {
            int k = localOf[params[i]];
            if (k >= 0) {
                maxNorm = Math.max(maxNorm, x.squaredNorm(k));
            }
        }
        partial.maxColumnNorm = Math.sqrt(maxNorm);
        if (acceleration != null) {
            int m = to - from;
            if (shareScratch.length < m) {
                shareScratch = new int[m];
            }
            for (int i = 0; i < m; i++) {
                shareScratch[i] = localOf[params[from + i]];
            }
            acceleration.use(shareScratch, 0, m);
        }
        for (int sweep = 0; sweep < sweeps; sweep++) {
            boolean last = sweep == sweeps - 1;
            for (int i = from; i < to; i++) {
                int k = localOf[params[i]];
                if (k < 0) {
                    throw new IllegalArgumentException("worker " + worker + " was given coordinate " + params[i]
                            + ", which another worker holds");
                }
                double g = update(k, threshold, schedule.round());
                if (last) {
                    maxAbs = Math.max(maxAbs, Math.abs(g));
                }
            }
            if (acceleration != null) {
                acceleration.record(beta, raw, offset);
                if (acceleration.ready()) {
                    accelerate();
                }
            }
        }
        fillPartial();
        partial.maxAbsGradient = maxAbs;
        if (rawStart == null) {
            double rr = 0;
            double ry = 0;
            for (int i = 0; i < n; i++) {
                double r = raw[i] + offset;
                rr += r * r;
                ry += r * y[i];
            }
            partial.residualSquares = rr;
            partial.residualDotY = ry;
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
     * proportion to ‖x̃_k‖²Δβ_k², so the round's reported decrease includes it.
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
            int k = acceleration.column(i);
            l1Now += Math.abs(beta[k]);
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
            int k = acceleration.column(i);
            double d = eb[i] - beta[k];
            weight += x.squaredNorm(k) * d * d;
        }
        for (int i = 0; i < m; i++) {
            int k = acceleration.column(i);
            double nb = eb[i];
            double b = beta[k];
            if (nb == b) {
                continue;
            }
            if (!touched[k]) {
                touched[k] = true;
                oldValue[k] = b;
                touchedList[touchedCount++] = k;
            }
            double d = nb - b;
            if (weight > 0) {
                decrease[k] += 2 * gain * x.squaredNorm(k) * d * d / weight;
            }
            beta[k] = nb;
        }
        System.arraycopy(er, 0, raw, 0, n);
        offset = 0;
        rawSum = sum(raw);
    }

    /** The exact minimization along coordinate k on the current residual; returns x̃_kᵀr before the update. */
    private double update(int k, double threshold, long round) {
        double sq = x.squaredNorm(k);
        if (sq == 0) {
            return 0; // a constant column: its coefficient stays 0
        }
        double b = beta[k];
        double g = x.dotResidual(k, raw, offset, rawSum);
        double z = g + sq * b;
        double nb = z > threshold ? (z - threshold) / sq : z < -threshold ? (z + threshold) / sq : 0.0;
        double d = nb - b;
        if (d == 0 || Math.abs(d) <= NOISE * Math.abs(b)) {
            return g;
        }
        if (!Double.isFinite(nb)) {
            throw new DivergenceException("Lasso diverged in round " + round + ": coefficient "
                    + (x.globalId(k) + 1) + " became " + nb + ".");
        }
        rawSum += x.subtractFromRaw(k, d, raw);
        offset += d * x.mean(k);
        beta[k] = nb;
        if (!touched[k]) {
            touched[k] = true;
            oldValue[k] = b;
            touchedList[touchedCount++] = k;
        }
        decrease[k] += sq * d * d / n;
        return g;
    }

    private void fillPartial() {
        FeatureLassoPartial out = partial;
        int count = 0;
        double l1 = 0;
        for (int t = 0; t < touchedCount; t++) {
            int k = touchedList[t];
            if (beta[k] == oldValue[k]) {
                continue; // moved and came back
            }
            out.params[count] = x.globalId(k);
            out.values[count] = beta[k];
            out.magnitudes[count] = Math.sqrt(decrease[k]);
            l1 += Math.abs(beta[k]) - Math.abs(oldValue[k]);
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
            int k = touchedList[t];
            touched[k] = false;
            decrease[k] = 0;
        }
        touchedCount = 0;
    }

    @Override
    public void apply(FeatureLassoCommit commit) {
        if (!Double.isNaN(commit.lambda) && commit.lambda != lambda) {
            lambda = commit.lambda;
            history.clear(); // the residuals of another λ say nothing about this one's optimum
            if (acceleration != null) {
                acceleration.clear();
            }
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
            if (commit.alpha != 1.0) {
                for (int t = 0; t < touchedCount; t++) {
                    int k = touchedList[t];
                    beta[k] = oldValue[k] + commit.alpha * (beta[k] - oldValue[k]);
                }
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
            acceleration.clear(); // the recorded residuals carry the rounding just removed
        }
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
        for (int k = 0; k < x.size(); k++) {
            double norm = Math.sqrt(x.squaredNorm(k));
            double bound = lastAbsGradient[k] + norm * (path - pathAtLast[k]);
            if (beta[k] == 0 && bound * (1 + 1e-12) < threshold) { // false while never read (NaN)
                out.absGradient[k] = -bound; // negative: a bound, not a value read
                if (bound == 0) {
                    out.absGradient[k] = -Double.MIN_VALUE;
                }
                if (acc != null) {
                    accMax = Math.max(accMax, bound + norm * accDistance);
                }
                continue;
            }
            double g;
            if (acc != null) {
                x.dotResidualAnd(k, raw, offset, rawSum, acc, accSum, two);
                g = Math.abs(two[0]);
                accMax = Math.max(accMax, Math.abs(two[1]));
            } else {
                g = Math.abs(x.dotResidual(k, raw, offset, rawSum));
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
            for (int k = 0; k < beta.length; k++) {
                if (beta[k] != 0) {
                    x.addToRaw(k, beta[k], fit);
                    shift += x.mean(k) * beta[k];
                }
            }
            out.fitOffset = shift;
        }
        return out;
    }

    /** r = ỹ − X̃β from scratch: raw = ỹ − Σ_k β_k x_k (stored columns), offset = Σ_k μ_k β_k. */
    private void recomputeResidual() {
        System.arraycopy(y, 0, raw, 0, n);
        double shift = 0;
        for (int k = 0; k < beta.length; k++) {
            if (beta[k] != 0) {
                x.addToRaw(k, -beta[k], raw);
                shift += x.mean(k) * beta[k];
            }
        }
        offset = shift;
        rawSum = sum(raw);
    }

    /** This worker's coefficients by local column (a copy). */
    double[] coefficients() {
        return beta.clone();
    }

    private static double sum(double[] a) {
        return org.smpframe.linear.kernel.DenseKernels.sum(a, a.length);
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(beta.length);
        out.writeInt(n);
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
        int m = in.readInt();
        int rows = in.readInt();
        if (m != beta.length || rows != n) {
            throw new IOException("the state is of a worker with " + m + " columns and " + rows + " rows; this one has "
                    + beta.length + " and " + n);
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
