package org.smpframe.logreg;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.smpframe.api.StateIo;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.linear.ColumnBlock;
import org.smpframe.linear.kernel.DenseKernels;

/**
 * One worker of the feature-sharded logistic regression: a replica of the margins z = Xw and of w, and a round
 * is one proximal Newton step (liblinear's newGLMNET) restricted to the coordinates of its share.
 *
 * <ol>
 *   <li>At the round's margins it computes, once per row, u_i = −y_i σ(−y_i z_i) (the loss gradient's weight) and
 *       D_i = σ(1 − σ) (its curvature): the only exponentials of the inner phase.</li>
 *   <li>Coordinate descent on the quadratic model of the mean loss plus λ‖w‖₁, Gauss-Seidel over the share: for
 *       coordinate j, g_j = x_jᵀq/n with q = u + D∘(Xd) kept up to date, H_j = Σ D_i x_ij²/n, the
 *       soft-thresholded Newton step (a plain one for the unpenalized bias), clipped so that no margin moves by
 *       more than {@value #TRUST_MARGIN} over the step; each update is a dot and one axpy. The sweeps stop as
 *       liblinear's inner loop does: once the model's subgradient over the share is below a tolerance times
 *       ‖∇ˢF(0)‖₁, a tolerance that starts at 1 and is divided by 4 after every step one sweep was enough for, or
 *       after the schedule's sweeps.</li>
 *   <li>An Armijo line search on the true objective along the direction (α = 1, ½, ¼, …; σ = {@value #SIGMA}),
 *       each loss change summed term by term, so the step never raises the objective.</li>
 * </ol>
 * With several workers each worker steps its own share with the others held fixed; the aggregator sums the
 * margin changes, checks the objective and may shorten the sum (as the Lasso's), and every replica takes the same
 * margins bit for bit. An evaluation reads every own column whose |∇_j L| might reach λ, skipping the others by
 * the bound |x_jᵀu|/n ≤ |x_jᵀu'|/n + ‖x_j‖‖u − u'‖/n, as the Lasso's worker does with its residual.
 */
final class FeatureLogRegWorker implements WorkerTask<FeatureLogRegMessages.Partial, FeatureLogRegMessages.Commit,
        FeatureLogRegMessages.Stats> {
    /** Armijo's sufficient-decrease fraction, liblinear's. */
    static final double SIGMA = 0.01;
    /** Halvings of the step tried before giving the direction up. */
    static final int MAX_HALVINGS = 20;
    /** Added to every curvature, as liblinear does, so that a column flat at these margins still has a step. */
    static final double MIN_CURVATURE = 1e-12;
    /** The most one coordinate's step may move a margin: the quadratic model says nothing beyond a few units. */
    static final double TRUST_MARGIN = 5.0;
    /** The inner tolerance's factor after a Newton step whose inner phase stopped after one sweep: liblinear's. */
    static final double INNER_TIGHTENING = 0.25;

    private final int worker;
    private final int numWorkers;
    private final ColumnBlock x;     // every column, uncentred (the bias column, if any, among them)
    private final int[] own;
    private final boolean[] penalized;
    private final double[] maxStep;
    private final int n;
    private final double[] y;        // ±1
    private final double[] w;
    private final double[] z;
    private double lambda = Double.NaN;
    /** ‖∇ˢF(0)‖₁ at λ, the scale of the inner stopping rule (the aggregator sends it with λ). */
    private double subgradientScale = Double.NaN;
    /** The inner phase stops at this fraction of {@link #subgradientScale}: 1 at a new λ, then tightened. */
    private double innerTolerance = 1.0;

    // Row quantities at the current margins.
    private final double[] u;
    private final double[] curvature;
    private double loss;             // Σ_i log(1 + exp(−y_i z_i))
    private boolean rowsCurrent;

    // One round's bookkeeping, reused.
    private final double[] zStart;   // null with one worker
    private final double[] q;
    private final double[] delta;    // X d
    private final double[] dir;
    private final double[] hessian;
    private final int[] hessianStamp;
    private int stamp;
    private final double[] modelDecrease;
    private final boolean[] touched;
    private final int[] touchedList;
    private int touchedCount;
    private final double[] two = new double[2];
    private final FeatureLogRegMessages.Partial partial;

    // Evaluation state, by position in own.
    private final double[] lastAbsGradient;
    private final double[] pathAtLast;
    private double path;              // Σ ‖u_e − u_{e−1}‖ over evaluations
    private final double[] previousU;
    private boolean evaluatedBefore;
    private final FeatureLogRegMessages.Stats stats;

    FeatureLogRegWorker(int worker, int numWorkers, ColumnBlock x, int[] own, boolean[] penalized, double[] maxStep,
                        double[] y, double[] startW, double[] startZ) {
        this.worker = worker;
        this.numWorkers = numWorkers;
        this.x = x;
        this.own = own.clone();
        this.penalized = penalized;
        this.maxStep = maxStep;
        this.n = x.numRows();
        this.y = y;
        int p = x.size();
        this.w = startW == null ? new double[p] : startW.clone();
        this.z = startZ == null ? new double[n] : startZ.clone();
        this.u = new double[n];
        this.curvature = new double[n];
        this.zStart = numWorkers > 1 ? new double[n] : null;
        this.q = new double[n];
        this.delta = new double[n];
        this.dir = new double[p];
        this.hessian = new double[p];
        this.hessianStamp = new int[p];
        this.modelDecrease = new double[p];
        this.touched = new boolean[p];
        this.touchedList = new int[p];
        this.partial = new FeatureLogRegMessages.Partial(p, numWorkers > 1 ? n : 0);
        this.lastAbsGradient = new double[own.length];
        Arrays.fill(lastAbsGradient, Double.NaN);
        this.pathAtLast = new double[own.length];
        this.previousU = new double[n];
        this.stats = new FeatureLogRegMessages.Stats(own.length);
    }

    /** u, D and the loss at the current margins (n exponentials), unless they are current. */
    private void ensureRows() {
        if (rowsCurrent) {
            return;
        }
        double l = 0;
        for (int i = 0; i < n; i++) {
            double m = y[i] * z[i];
            // σ(−m) = 1/(1 + e^m), computed without overflow on either side.
            double s;
            if (m > 0) {
                double e = Math.exp(-m);
                s = e / (1 + e);
                l += Math.log1p(e);
            } else {
                double e = Math.exp(m);
                s = 1 / (1 + e);
                l += -m + Math.log1p(e);
            }
            u[i] = -y[i] * s;
            curvature[i] = s * (1 - s);
        }
        loss = l;
        rowsCurrent = true;
    }

    /**
     * Σ_i [ℓ(z_i + αΔ_i) − ℓ(z_i)] for ℓ(z) = log(1 + exp(−y z)), each term as log1p(σ(−y_i z_i)·expm1(−y_i αΔ_i)):
     * exact to rounding of the change itself, where the difference of the two sums would lose it below about
     * 1e-16 of the loss (and the line search then failed near the optimum).
     */
    private double lossChangeAlong(double alpha) {
        double change = 0;
        for (int i = 0; i < n; i++) {
            double s = -y[i] * u[i]; // σ(−y_i z_i)
            change += Math.log1p(s * Math.expm1(-y[i] * alpha * delta[i]));
        }
        return change;
    }

    /** The minimum-norm subgradient of the objective along coordinate j, at loss gradient g and weight wj. */
    private double minNormSubgradient(double g, double wj, int j) {
        return MinNormSubgradient.of(g, wj, lambda, penalized[j]);
    }

    @Override
    public FeatureLogRegMessages.Partial push(Schedule schedule) {
        if (Double.isNaN(lambda)) {
            throw new IllegalStateException("worker " + worker + " has no lambda yet: the aggregator's run-start "
                    + "commit was not applied");
        }
        if (schedule.isShared()) {
            throw new IllegalArgumentException("the feature-sharded logistic regression needs partitioned schedules, "
                    + "got " + schedule);
        }
        if (zStart != null) {
            System.arraycopy(z, 0, zStart, 0, n);
        }
        int[] params = schedule.params();
        int from = schedule.from(worker);
        int to = schedule.to(worker);
        stamp++;
        if (from == to) {
            // Nothing to update (the working set went to another worker): no exponentials, an empty push.
            partial.count = 0;
            partial.l1Delta = 0;
            partial.restrictedSubgradient = 0;
            partial.stepRejected = false;
            if (partial.marginDelta != null) {
                Arrays.fill(partial.marginDelta, 0.0);
            }
            return partial;
        }
        boolean alone = numWorkers == 1 || schedule.size() == to - from;
        ensureRows();
        System.arraycopy(u, 0, q, 0, n);
        Arrays.fill(delta, 0.0);
        double restrictedAtStart = 0;
        // The inner coordinate descent stops, as liblinear's, once its model's subgradient over the share is below
        // innerTolerance × ‖∇ˢF(0)‖₁, or after the schedule's sweeps; the tolerance tightens by 4 whenever one
        // sweep was enough, so early Newton steps (whose model is rough) cost a sweep or two, late ones more.
        double innerTarget = innerTolerance * subgradientScale;
        int sweeps = schedule.sweeps();
        int done = 0;
        while (done < sweeps) {
            double violation = 0;
            for (int i = from; i < to; i++) {
                int j = params[i];
                double gq;
                if (done == 0 && !alone) {
                    // The gradient at the round's start as well (q = u + D∘Δ, u fixed): the share's subgradient there.
                    x.dot2(j, q, u, two);
                    gq = two[0];
                    restrictedAtStart += minNormSubgradient(two[1] / n, w[j], j);
                } else {
                    gq = x.dot(j, q);
                }
                violation += update(j, gq / n);
            }
            done++;
            if (violation <= innerTarget) {
                break;
            }
        }
        if (done == 1 && sweeps > 1) {
            innerTolerance *= INNER_TIGHTENING;
        }
        // Δ = X d once, for the line search: cheaper than keeping it up to date through every sweep.
        for (int t = 0; t < touchedCount; t++) {
            int j = touchedList[t];
            x.addToRaw(j, dir[j], delta);
        }
        double alpha = lineSearch(schedule.round());
        partial.stepRejected = alpha == 0 && touchedCount > 0;
        fillPartial(alpha);
        if (alone) {
            // The share's subgradient at the new point; the row quantities computed for it start the next round.
            ensureRows();
            double s = 0;
            for (int i = from; i < to; i++) {
                int j = params[i];
                s += minNormSubgradient(x.dot(j, u) / n, w[j], j);
            }
            partial.restrictedSubgradient = s;
        } else {
            partial.restrictedSubgradient = restrictedAtStart;
        }
        if (zStart == null) {
            clearRound();
        }
        return partial;
    }

    /**
     * One coordinate of the inner phase, at loss-model gradient g; returns the model's minimum-norm subgradient
     * along it before the update.
     */
    private double update(int j, double g) {
        if (hessianStamp[j] != stamp) {
            hessian[j] = x.weightedSquaredNorm(j, curvature) / n + MIN_CURVATURE;
            hessianStamp[j] = stamp;
        }
        double h = hessian[j];
        double c = w[j] + (touched[j] ? dir[j] : 0.0);
        double violation = minNormSubgradient(g, c, j);
        double v;
        if (penalized[j]) {
            double t = h * c - g;
            v = (t > lambda ? t - lambda : t < -lambda ? t + lambda : 0.0) / h;
        } else {
            v = c - g / h;
        }
        double bound = maxStep[j];
        v = Math.max(w[j] - bound, Math.min(w[j] + bound, v));
        double d = v - c;
        if (d == 0) {
            return violation;
        }
        if (!touched[j]) {
            touched[j] = true;
            dir[j] = 0;
            modelDecrease[j] = 0;
            touchedList[touchedCount++] = j;
        }
        dir[j] += d;
        modelDecrease[j] += h * d * d;
        x.addWeighted(j, d, curvature, q);
        return violation;
    }

    /**
     * Armijo's rule along d: the largest α = 2^−k with F(w + αd) − F(w) ≤ σ·α·(∇Lᵀd + λ(‖w + d‖₁ − ‖w‖₁)); w and
     * z move by it. Returns α, 0 if none passed (or d is no descent direction).
     */
    private double lineSearch(long round) {
        if (touchedCount == 0) {
            return 0;
        }
        double gradDotD = DenseKernels.dot(u, delta, n) / n;
        // Changes summed term by term (here and in l1ChangeAlong, lossChangeAlong), not as differences of totals:
        // near the optimum a step's decrease is far below the rounding of the objective itself.
        double fullStepL1Change = l1ChangeAlong(1);
        double predicted = gradDotD + lambda * fullStepL1Change;
        if (!(predicted < 0)) {
            return 0;
        }
        double alpha = 1;
        for (int k = 0; k <= MAX_HALVINGS; k++, alpha /= 2) {
            double l1 = alpha == 1 ? fullStepL1Change : l1ChangeAlong(alpha);
            double change = lossChangeAlong(alpha) / n + lambda * l1;
            if (!Double.isFinite(change)) {
                throw new DivergenceException("logistic regression diverged in round " + round
                        + ": the objective became " + change + " along the Newton direction");
            }
            if (change <= SIGMA * alpha * predicted) {
                for (int t = 0; t < touchedCount; t++) {
                    int j = touchedList[t];
                    w[j] += alpha * dir[j];
                }
                DenseKernels.axpy(alpha, delta, z, n);
                rowsCurrent = false;
                lastDecrease = -change;
                return alpha;
            }
        }
        return 0;
    }

    private double lastDecrease;

    /** Σ_j (|w_j + α d_j| − |w_j|) over the moved penalized coefficients. */
    private double l1ChangeAlong(double alpha) {
        double change = 0;
        for (int t = 0; t < touchedCount; t++) {
            int j = touchedList[t];
            if (penalized[j]) {
                change += Math.abs(w[j] + alpha * dir[j]) - Math.abs(w[j]);
            }
        }
        return change;
    }

    /** The moved coefficients, the step's decrease shared in proportion to the model's, and the margin change. */
    private void fillPartial(double alpha) {
        FeatureLogRegMessages.Partial out = partial;
        int count = 0;
        double l1 = 0;
        double totalModel = 0;
        if (alpha > 0) {
            for (int t = 0; t < touchedCount; t++) {
                totalModel += modelDecrease[touchedList[t]];
            }
            for (int t = 0; t < touchedCount; t++) {
                int j = touchedList[t];
                double before = w[j] - alpha * dir[j];
                if (w[j] == before) {
                    continue;
                }
                out.params[count] = j;
                out.values[count] = w[j];
                double share = totalModel > 0 ? modelDecrease[j] / totalModel : 0;
                out.magnitudes[count] = Math.sqrt(Math.max(0, 2 * lastDecrease * share));
                if (penalized[j]) {
                    l1 += Math.abs(w[j]) - Math.abs(before);
                }
                count++;
            }
        }
        out.count = count;
        out.l1Delta = l1;
        if (zStart != null) {
            // z becomes zStart + Δz exactly as every replica will compute it: if this worker is the only one that
            // moved, its margins (and the row quantities computed from them next) are already the committed ones.
            double[] md = out.marginDelta;
            for (int i = 0; i < n; i++) {
                md[i] = z[i] - zStart[i];
                z[i] = zStart[i] + md[i];
            }
        }
    }

    private void clearRound() {
        for (int t = 0; t < touchedCount; t++) {
            touched[touchedList[t]] = false;
        }
        touchedCount = 0;
    }

    @Override
    public void apply(FeatureLogRegMessages.Commit commit) {
        if (!Double.isNaN(commit.lambda)) {
            if (commit.lambda != lambda) {
                innerTolerance = 1.0;
            }
            lambda = commit.lambda;
            subgradientScale = commit.subgradientScale;
        }
        if (commit.marginDelta != null) {
            if (zStart == null) {
                throw new IllegalStateException("worker " + worker + " of " + numWorkers
                        + " got another worker's margin change");
            }
            if (commit.soleMover != worker) {
                double[] md = commit.marginDelta;
                for (int i = 0; i < n; i++) {
                    z[i] = zStart[i] + md[i];
                }
                rowsCurrent = false;
            } // else the committed margins are this worker's own, bit for bit, and so are its row quantities
            for (int i = 0; i < commit.changed; i++) {
                w[commit.changedParams[i]] = commit.changedValues[i];
            }
            clearRound();
        }
    }

    @Override
    public FeatureLogRegMessages.Stats localStats() {
        if (Double.isNaN(lambda)) {
            throw new IllegalStateException("worker " + worker + " has no lambda yet");
        }
        // Exact margins from w, rounding of the incremental updates dropped: every worker holds all of w and reads
        // the support's columns in the same order, so the replicas stay equal bit for bit (and equal to the
        // aggregator's copy).
        recomputeMargins();
        ensureRows();
        if (evaluatedBefore) {
            path += Math.sqrt(DenseKernels.squaredDistance(u, previousU, n));
        }
        System.arraycopy(u, 0, previousU, 0, n);
        evaluatedBefore = true;
        FeatureLogRegMessages.Stats out = stats;
        out.loss = loss;
        double subgradient = 0;
        int computed = 0;
        for (int k = 0; k < own.length; k++) {
            int j = own[k];
            double norm = Math.sqrt(x.squaredNorm(j));
            double bound = lastAbsGradient[k] + norm * (path - pathAtLast[k]) / n;
            if (penalized[j] && w[j] == 0 && bound * (1 + 1e-12) < lambda) { // false while never read (NaN)
                out.gradient[k] = bound;
                out.setSkipped(k, true);
                continue; // optimal where it is: no subgradient
            }
            double g = x.dot(j, u) / n;
            out.gradient[k] = g;
            out.setSkipped(k, false);
            lastAbsGradient[k] = Math.abs(g);
            pathAtLast[k] = path;
            subgradient += minNormSubgradient(g, w[j], j);
            computed++;
        }
        out.subgradient = subgradient;
        out.computed = computed;
        return out;
    }

    /** z = Xw from scratch, over the support's columns in order. */
    private void recomputeMargins() {
        FeatureLogRegProgram.margins(x, w, z);
        rowsCurrent = false;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(w.length);
        out.writeInt(n);
        out.writeInt(own.length);
        StateIo.writeDoubles(out, w);
        StateIo.writeDoubles(out, z);
        out.writeDouble(lambda);
        out.writeDouble(subgradientScale);
        out.writeDouble(innerTolerance);
        StateIo.writeDoubles(out, lastAbsGradient);
        StateIo.writeDoubles(out, pathAtLast);
        out.writeDouble(path);
        StateIo.writeDoubles(out, previousU);
        out.writeBoolean(evaluatedBefore);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        int p = in.readInt();
        int rows = in.readInt();
        int owned = in.readInt();
        if (p != w.length || rows != n || owned != own.length) {
            throw new IOException("the state is of a worker with " + p + " coefficients, " + rows + " rows and " + owned
                    + " columns of its own; this one has " + w.length + ", " + n + " and " + own.length);
        }
        StateIo.readDoubles(in, w, "coefficients");
        StateIo.readDoubles(in, z, "margins");
        lambda = in.readDouble();
        subgradientScale = in.readDouble();
        innerTolerance = in.readDouble();
        StateIo.readDoubles(in, lastAbsGradient, "last gradients");
        StateIo.readDoubles(in, pathAtLast, "check paths");
        path = in.readDouble();
        StateIo.readDoubles(in, previousU, "previous loss derivatives");
        evaluatedBefore = in.readBoolean();
        rowsCurrent = false;
        clearRound();
    }
}
