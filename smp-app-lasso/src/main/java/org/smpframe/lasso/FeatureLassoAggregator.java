package org.smpframe.lasso;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Optimality;
import org.smpframe.api.Schedule;
import org.smpframe.linear.AndersonAcceleration;

/**
 * The aggregation of the feature-sharded Lasso: commits the coefficients the workers' sweeps moved, makes sure no
 * committed round raises the objective, evaluates the duality gap and reports each coordinate's optimality to a
 * working-set scheduler.
 *
 * <p><b>The step.</b> With P &gt; 1 workers every worker sweeps its own block from the same residual, and the sum
 * of their moves can overshoot where blocks of different workers are correlated (a Jacobi step between blocks),
 * or fall short. The aggregator holds the residual r (bit for bit the workers' replicas) and computes f of the
 * full step Σ_w Δ_w exactly; if it did not raise f it is committed as it is, else α·Σ_w Δ_w for the α that
 * minimizes f along that direction (a parabola plus a piecewise linear term: closed form, as parallel coordinate
 * descent with a line search, PCDN, does), kept within [1/P, 1]. Each block's own move lowers the objective f (it
 * is exact coordinate descent), so by convexity the average f(β + (1/P) Σ_w Δ_w) ≤ (1/P) Σ_w f(β + Δ_w) &lt; f(β)
 * does too: a round never makes the model worse, whatever the scheduler put together.
 *
 * <p><b>The gap.</b> From the residual r, θ = r / max(nλ, ‖X̃ᵀr‖_∞) is dual feasible and gives the duality gap of
 * {@link LassoAggregator}; from the workers' extrapolated residual ({@link
 * org.smpframe.linear.ResidualExtrapolation}) a second dual point, and the better one is kept. Skipped columns
 * enter ‖X̃ᵀr‖_∞ through their upper bounds, so the gap stays a certificate.
 *
 * <p><b>Optimality.</b> A nonzero coefficient is free (+∞); a zero one scores (|x̃_jᵀr|/n − t)/λ: positive when
 * it violates |x̃_jᵀr| ≤ nλ (t = λ), or, for the first report at a new λ of a path, when the sequential strong rule
 * (Tibshirani et al., 2012) says it may enter: t = 2λ − λ', λ' the penalty its gradient was computed at. A column
 * the check skipped scores by its bound against t = λ.
 */
public final class FeatureLassoAggregator
        implements Aggregator<FeatureLassoPartial, FeatureLassoCommit, FeatureLassoStats>, LassoAggregation {
    /** Evaluation metric: columns the check read (the others' bounds showed them optimal). */
    public static final String CHECKED = "checked";
    private final int n;
    private final int p;
    private int numWorkers;
    private int[][] columnsOf;
    private final double[] centeredY;
    private final double[] beta;
    private double l1;
    private double lambda;
    private double tolerance;
    private boolean lambdaSent;
    private final FeatureLassoCommit commit = new FeatureLassoCommit();
    /** Longest step along the workers' summed moves: the full step (a longer one is never tried). */
    static final double MAX_STEP = 1.0;
    private double[] kinkAt = new double[16];   // the line search's kinks, reused
    private double[] kinkJump = new double[16];

    // The residual, with P > 1: equal to every worker's replica.
    private double[] raw;
    private double offset;
    private double rawSum;
    private double[] delta;
    private double[] correction;
    private double[] replacement;         // the accelerated residual a commit carries
    private AndersonAcceleration acceleration;
    private double offsetCorrection;
    private double rawSumCorrection;
    private boolean correctionPending;

    // The last evaluation.
    private final double[] absGradient;     // |x̃_jᵀr|, or −(an upper bound of it) where the check skipped column j
    private boolean evaluated;
    private double gradientLambda = Double.NaN;
    private double lastSquares;
    private double lastDotY;
    private double lastMaxAbsGradient;
    private double lastL1;
    private double lastGap = Double.NaN;
    private double lastObjective = Double.NaN;
    private double lastGradientInfNorm = Double.NaN;

    FeatureLassoAggregator(LassoProblem problem, double lambda, double tolerance) {
        this.n = problem.n;
        this.p = problem.p;
        this.centeredY = problem.centeredY;
        this.beta = new double[p];
        this.absGradient = new double[p];
        setLambda(lambda);
        setTolerance(tolerance);
    }

    /** The columns each worker holds, and the residual they all start from (the aggregator keeps it for P > 1). */
    void partition(int[][] columnsOf, double[] startResidual) {
        this.numWorkers = columnsOf.length;
        this.columnsOf = columnsOf;
        if (numWorkers > 1) {
            raw = startResidual.clone();
            offset = 0;
            rawSum = sum(raw);
            delta = new double[n];
            correction = new double[n];
            replacement = new double[n];
            acceleration = new AndersonAcceleration(n);
        }
    }

    @Override
    public void setLambda(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
        }
        if (lambda != this.lambda) {
            this.lambda = lambda;
            lambdaSent = false;
            if (acceleration != null) {
                acceleration.clear(); // the iterates of another λ say nothing about this one's optimum
            }
        }
    }

    @Override
    public double lambda() {
        return lambda;
    }

    /** Stop when gap ≤ tolerance · objective. */
    public void setTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    /** Starts from {@code values} (a warm start; the workers are built from the same). */
    void setBeta(double[] values) {
        System.arraycopy(values, 0, beta, 0, p);
        l1 = 0;
        for (double b : beta) {
            l1 += Math.abs(b);
        }
    }

    @Override
    public double lastGradientInfNorm() {
        return lastGradientInfNorm;
    }

    @Override
    public FeatureLassoCommit beginRun() {
        resetCommit();
        commit.lambda = lambda;
        lambdaSent = true;
        return commit;
    }

    private void resetCommit() {
        commit.changed = 0;
        commit.replaced = 0;
        commit.replacedResidual = null;
        commit.lambda = Double.NaN;
        commit.alpha = 1.0;
        commit.residualDelta = null;
        commit.offsetDelta = 0;
        commit.rawSumDelta = 0;
        commit.correction = null;
        commit.offsetCorrection = 0;
        commit.rawSumCorrection = 0;
    }

    @Override
    public FeatureLassoCommit pull(Schedule schedule, List<FeatureLassoPartial> partials, ChangeSink changes) {
        resetCommit();
        if (!lambdaSent) {
            commit.lambda = lambda;
            lambdaSent = true;
        }
        if (partials.size() != numWorkers) {
            throw new IllegalStateException(partials.size() + " partials for " + numWorkers + " workers");
        }
        if (numWorkers == 1) {
            FeatureLassoPartial part = partials.get(0);
            for (int i = 0; i < part.count; i++) {
                beta[part.params[i]] = part.values[i];
                changes.changed(part.params[i], part.magnitudes[i]);
            }
            l1 += part.l1Delta;
            changes.workingSetGap(restrictedGap(part.residualSquares, part.residualDotY, part.maxAbsGradient));
            return commit;
        }
        double alpha = step(schedule, partials);
        int movedCount = 0;
        for (FeatureLassoPartial part : partials) {
            movedCount += part.count;
        }
        if (commit.changedParams.length < movedCount) {
            commit.changedParams = new int[movedCount];
            commit.changedValues = new double[movedCount];
        }
        int changedCount = 0;
        for (FeatureLassoPartial part : partials) {
            for (int i = 0; i < part.count; i++) {
                int j = part.params[i];
                beta[j] = alpha == 1.0 ? part.values[i] : beta[j] + alpha * (part.values[i] - beta[j]);
                changes.changed(j, alpha * part.magnitudes[i]);
                commit.changedParams[changedCount] = j;
                commit.changedValues[changedCount] = beta[j];
                changedCount++;
            }
        }
        commit.changed = changedCount;
        commit.alpha = alpha;
        commit.residualDelta = delta;
        for (int i = 0; i < n; i++) {
            raw[i] -= delta[i];
        }
        offset -= commit.offsetDelta;
        rawSum -= commit.rawSumDelta;
        double correctionNorm = 0;
        if (correctionPending) {
            double c2 = 0;
            for (int i = 0; i < n; i++) {
                raw[i] += correction[i];
                double c = correction[i] + offsetCorrection;
                c2 += c * c;
            }
            correctionNorm = Math.sqrt(c2);
            offset += offsetCorrection;
            rawSum += rawSumCorrection;
            commit.correction = correction;
            commit.offsetCorrection = offsetCorrection;
            commit.rawSumCorrection = rawSumCorrection;
            correctionPending = false;
        }
        if (activeWorkers(schedule) > 1) {
            accelerate(schedule);
        } else {
            acceleration.clear(); // the active worker accelerates its own sweeps
        }
        double rr = 0;
        double ry = 0;
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double r = raw[i] + offset;
            rr += r * r;
            ry += r * centeredY[i];
        }
        // A worker saw its gradients before the others' moves: |x̃_jᵀr| moved by at most ‖x̃_j‖ times the distance the
        // residual moved beyond its own change, ‖ΔR_α − α·Δr_w‖ (plus the correction, if one was applied).
        for (FeatureLassoPartial part : partials) {
            double moved = 0;
            double[] own = part.residualDelta;
            double ownOffset = part.offsetDelta;
            double totalOffset = commit.offsetDelta;
            for (int i = 0; i < n; i++) {
                double d = (delta[i] + totalOffset) - alpha * (own[i] + ownOffset);
                moved += d * d;
            }
            maxAbs = Math.max(maxAbs, part.maxAbsGradient + part.maxColumnNorm * (Math.sqrt(moved) + correctionNorm));
        }
        changes.workingSetGap(restrictedGap(rr, ry, maxAbs));
        return commit;
    }

    /**
     * Anderson acceleration of the rounds (several workers): the rounds over the same working set are recorded,
     * and every {@link AndersonAcceleration#DEPTH} of them the extrapolated point is computed; if it lowers the
     * objective the commit carries it, and the aggregator's copy takes it too.
     */
    private void accelerate(Schedule schedule) {
        int[] params = schedule.params();
        acceleration.use(params, 0, params.length);
        acceleration.record(beta, raw, offset);
        if (!acceleration.ready() || !acceleration.extrapolate()) {
            return;
        }
        double[] eb = acceleration.beta();
        double[] er = acceleration.residual();
        int m = acceleration.size();
        double l1New = l1;
        for (int i = 0; i < m; i++) {
            int j = params[i];
            l1New += Math.abs(eb[i]) - Math.abs(beta[j]);
        }
        double now = 0;
        double next = 0;
        for (int i = 0; i < n; i++) {
            double r = raw[i] + offset;
            now += r * r;
            next += er[i] * er[i];
        }
        if (!(next / (2.0 * n) + lambda * l1New < now / (2.0 * n) + lambda * l1)) {
            return;
        }
        if (commit.replacedParams.length < m) {
            commit.replacedParams = new int[m];
            commit.replacedValues = new double[m];
        }
        for (int i = 0; i < m; i++) {
            int j = params[i];
            beta[j] = eb[i];
            commit.replacedParams[i] = j;
            commit.replacedValues[i] = eb[i];
        }
        commit.replaced = m;
        System.arraycopy(er, 0, raw, 0, n);
        offset = 0;
        rawSum = sum(raw);
        commit.replacedResidual = replacement;
        System.arraycopy(er, 0, replacement, 0, n);
        l1 = l1New;
    }

    /**
     * The duality gap of the problem restricted to the round's coordinates (every other coefficient is 0 and stays
     * out), from the residual's statistics and the largest |x̃_jᵀr| the sweeps saw: Celer's inner stopping rule.
     * The gradients were read before each update of the last sweep, so this is an estimate, not a certificate;
     * the full check that follows certifies.
     */
    private double restrictedGap(double squares, double dotY, double maxAbs) {
        double primal = squares / (2.0 * n) + lambda * l1;
        return gap(primal, squares, dotY, maxAbs, lambda);
    }

    /**
     * Sums the workers' residual changes into {@link #delta} (scaled by the step kept) and the commit's scalars,
     * and returns the step α: the largest of 1, 1/2, 1/4, … ≥ 1/P whose objective is not above the round-start one.
     */
    private double step(Schedule schedule, List<FeatureLassoPartial> partials) {
        java.util.Arrays.fill(delta, 0.0);
        double dOffset = 0;
        double dRawSum = 0;
        double dL1 = 0;
        for (FeatureLassoPartial part : partials) {
            double[] d = part.residualDelta;
            for (int i = 0; i < n; i++) {
                delta[i] += d[i];
            }
            dOffset += part.offsetDelta;
            dRawSum += part.rawSumDelta;
            dL1 += part.l1Delta;
        }
        double before = squares(0.0, 0.0) / (2.0 * n) + lambda * l1;
        // A round with one active worker is sequential coordinate descent (its sweeps, and any extrapolation it kept,
        // never raise f): taken as it is, which also leaves that worker's acceleration history intact.
        double alpha = 1.0;
        double after = squares(1.0, dOffset) / (2.0 * n) + lambda * (l1 + dL1);
        if (activeWorkers(schedule) > 1 && after > before + 1e-14 * Math.abs(before)) {
            // The summed moves overshot: the best step along them, never below the average step (which lowers f by
            // convexity). Only then: near the optimum the moves are at the scale of rounding, where the closed form
            // means nothing and the full step, which did not raise f, is the one to keep.
            alpha = Math.max(1.0 / numWorkers, lineSearch(partials, dOffset));
            after = squares(alpha, dOffset) / (2.0 * n) + lambda * l1At(partials, alpha);
        }
        if (!Double.isFinite(after)) {
            throw new DivergenceException("Lasso diverged in round " + schedule.round() + ": the objective became "
                    + after + ".");
        }
        if (after > before + 1e-14 * Math.abs(before) && alpha != 1.0 / numWorkers) {
            alpha = 1.0 / numWorkers; // rounding defeated the search: the average step, below f by convexity
        }
        l1 = l1At(partials, alpha);
        if (alpha != 1.0) {
            for (int i = 0; i < n; i++) {
                delta[i] *= alpha;
            }
        }
        commit.offsetDelta = alpha * dOffset;
        commit.rawSumDelta = alpha * dRawSum;
        return alpha;
    }

    /**
     * The α ≥ 0 that minimizes f(β + α·Σ_w Δ_w) exactly: (1/2n)‖r − α·d‖² is a parabola in α and λ‖β + αδ‖₁ is
     * piecewise linear with a kink where a moved coefficient crosses 0, so f' is piecewise linear and increasing; its
     * zero is found by walking the kinks in order. Capped at {@value #MAX_STEP}: it is asked only when the full
     * step overshot.
     */
    private double lineSearch(List<FeatureLassoPartial> partials, double dOffset) {
        double rd = 0;
        double dd = 0;
        for (int i = 0; i < n; i++) {
            double r = raw[i] + offset;
            double d = delta[i] + dOffset;
            rd += r * d;
            dd += d * d;
        }
        if (!(dd > 0)) {
            return 1.0;
        }
        double a2 = dd / n;         // f'(α) = a2·α + b + λ·Σ sign(β_j + αδ_j)δ_j
        double b = -rd / n;
        double slope = 0;
        int kinks = 0;
        for (FeatureLassoPartial part : partials) {
            for (int i = 0; i < part.count; i++) {
                double bj = beta[part.params[i]];
                double dj = part.values[i] - bj;
                double sign = bj != 0 ? Math.signum(bj) : Math.signum(dj);
                slope += lambda * sign * dj;
                if (bj != 0 && Math.signum(dj) == -Math.signum(bj)) {
                    if (kinks == kinkAt.length) {
                        kinkAt = java.util.Arrays.copyOf(kinkAt, 2 * kinks + 16);
                        kinkJump = java.util.Arrays.copyOf(kinkJump, 2 * kinks + 16);
                    }
                    kinkAt[kinks] = -bj / dj;
                    kinkJump[kinks] = 2 * lambda * Math.abs(dj);
                    kinks++;
                }
            }
        }
        sortKinks(kinks);
        double low = 0;
        for (int k = 0; k <= kinks; k++) {
            double high = k < kinks ? kinkAt[k] : Double.POSITIVE_INFINITY;
            double alpha = -(b + slope) / a2; // the zero of f' on this piece, if it lies in it
            if (alpha <= low) {
                return Math.min(MAX_STEP, Math.max(low, 0.0));
            }
            if (alpha <= high) {
                return Math.min(MAX_STEP, alpha);
            }
            if (high >= MAX_STEP) {
                return MAX_STEP;
            }
            slope += kinkJump[k];
            low = high;
        }
        return MAX_STEP;
    }

    /** Sorts the first {@code count} kinks by position (insertion sort: a round moves few coefficients to 0). */
    private void sortKinks(int count) {
        if (count > 32) {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            double[] at = kinkAt;
            java.util.Arrays.sort(order, (x, y) -> Double.compare(at[x], at[y]));
            double[] a = new double[count];
            double[] j = new double[count];
            for (int i = 0; i < count; i++) {
                a[i] = kinkAt[order[i]];
                j[i] = kinkJump[order[i]];
            }
            System.arraycopy(a, 0, kinkAt, 0, count);
            System.arraycopy(j, 0, kinkJump, 0, count);
            return;
        }
        for (int i = 1; i < count; i++) {
            double a = kinkAt[i];
            double j = kinkJump[i];
            int k = i - 1;
            while (k >= 0 && kinkAt[k] > a) {
                kinkAt[k + 1] = kinkAt[k];
                kinkJump[k + 1] = kinkJump[k];
                k--;
            }
            kinkAt[k + 1] = a;
            kinkJump[k + 1] = j;
        }
    }

    /** Workers with a non-empty share in {@code schedule}. */
    private int activeWorkers(Schedule schedule) {
        int active = 0;
        for (int w = 0; w < numWorkers; w++) {
            active += schedule.to(w) > schedule.from(w) ? 1 : 0;
        }
        return active;
    }

    /** ‖r − α·Δr‖² with r = raw + offset and Δr = delta + dOffset. */
    private double squares(double alpha, double dOffset) {
        double s = 0;
        double off = offset - alpha * dOffset;
        for (int i = 0; i < n; i++) {
            double r = raw[i] + off - alpha * delta[i];
            s += r * r;
        }
        return s;
    }

    /** ‖β + α(β_new − β)‖₁ over the moved coordinates, the others as they are. */
    private double l1At(List<FeatureLassoPartial> partials, double alpha) {
        double value = l1;
        for (FeatureLassoPartial part : partials) {
            for (int i = 0; i < part.count; i++) {
                double b = beta[part.params[i]];
                value += Math.abs(b + alpha * (part.values[i] - b)) - Math.abs(b);
            }
        }
        return value;
    }

    @Override
    public Evaluation evaluate(List<FeatureLassoStats> stats) {
        FeatureLassoStats first = stats.get(0);
        double squares = first.residualSquares;
        double dotY = first.residualDotY;
        double maxAbs = 0;
        double accMax = 0;
        long checked = 0;
        for (int w = 0; w < numWorkers; w++) {
            FeatureLassoStats s = stats.get(w);
            checked += s.computed;
            int[] cols = columnsOf[w];
            if (s.absGradient.length != cols.length) {
                throw new IllegalStateException("worker " + w + " reported " + s.absGradient.length + " columns of "
                        + cols.length);
            }
            for (int k = 0; k < cols.length; k++) {
                double g = s.absGradient[k];
                absGradient[cols[k]] = g;
                maxAbs = Math.max(maxAbs, Math.abs(g));
            }
            accMax = Math.max(accMax, s.accMaxAbsGradient);
        }
        l1 = 0;
        int nnz = 0;
        for (double b : beta) {
            l1 += Math.abs(b);
            nnz += b != 0 ? 1 : 0;
        }
        double primal = squares / (2.0 * n) + lambda * l1;
        double gap = gap(primal, squares, dotY, maxAbs, lambda);
        if (Double.isFinite(first.accSquares)) {
            gap = Math.min(gap, gap(primal, first.accSquares, first.accDotY, accMax, lambda));
        }
        if (!Double.isFinite(primal)) {
            throw new DivergenceException("Lasso diverged: the objective became " + primal + ".");
        }
        evaluated = true;
        gradientLambda = lambda;
        lastSquares = squares;
        lastDotY = dotY;
        lastMaxAbsGradient = maxAbs;
        lastL1 = l1;
        lastGap = gap;
        lastObjective = primal;
        lastGradientInfNorm = maxAbs;
        if (numWorkers > 1) {
            refreshResidual(stats);
            // The next commit corrects the residual; and a checkpoint, taken after an evaluation, then holds no
            // history to save.
            acceleration.clear();
        }
        return Evaluation.objective(primal)
                .put(LassoAggregator.GAP, gap)
                .put(LassoAggregator.NNZ, nnz)
                .put(LassoAggregator.LAMBDA, lambda)
                .put(CHECKED, checked)
                .converged(gap <= tolerance * primal)
                .build();
    }

    /** P − D for θ = r / max(nλ, ‖X̃ᵀr‖_∞): D = s·rᵀỹ/n − s²‖r‖²/(2n), s = min(1, nλ/‖X̃ᵀr‖_∞). */
    private double gap(double primal, double squares, double dotY, double maxAbs, double lambda) {
        double s = maxAbs > n * lambda ? n * lambda / maxAbs : 1.0;
        double dual = s * dotY / n - s * s * squares / (2.0 * n);
        return Math.max(0.0, primal - dual);
    }

    /**
     * The exact residual from the workers' fits, ỹ − Σ_w X_w β_w, against the replicas' incremental one: the
     * difference goes with the next commit (to every replica and to the aggregator's copy alike).
     */
    private void refreshResidual(List<FeatureLassoStats> stats) {
        double shift = 0;
        for (int i = 0; i < n; i++) {
            correction[i] = centeredY[i];
        }
        for (FeatureLassoStats s : stats) {
            double[] fit = s.fit;
            for (int i = 0; i < n; i++) {
                correction[i] -= fit[i];
            }
            shift += s.fitOffset;
        }
        double exactSum = sum(correction);
        for (int i = 0; i < n; i++) {
            correction[i] -= raw[i];
        }
        offsetCorrection = shift - offset;
        rawSumCorrection = exactSum - rawSum;
        correctionPending = true;
    }

    @Override
    public boolean reportOptimality(Optimality into) {
        if (!evaluated) {
            return false;
        }
        // The strong rule's threshold when the gradient is from another λ (the path's previous one), for the values
        // the check read; a column it skipped has only an upper bound, below the old nλ, which is no evidence that
        // it is about to enter: it scores by its optimality condition at the new λ alone.
        double t = gradientLambda == lambda ? lambda : 2 * lambda - gradientLambda;
        for (int j = 0; j < p; j++) {
            double g = absGradient[j];
            double score = g >= 0 ? (g / n - t) / lambda : (-g / n - lambda) / lambda;
            into.setScore(j, beta[j] != 0 ? Double.POSITIVE_INFINITY : score);
        }
        double primal = lastSquares / (2.0 * n) + lambda * lastL1;
        double gap = gradientLambda == lambda ? lastGap : gap(primal, lastSquares, lastDotY, lastMaxAbsGradient, lambda);
        into.setBounds(gap, tolerance * (gradientLambda == lambda ? lastObjective : primal));
        return true;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(p);
        out.writeInt(n);
        out.writeInt(numWorkers);
        FeatureLassoWorker.writeArray(out, beta);
        out.writeDouble(l1);
        out.writeDouble(lambda);
        out.writeBoolean(lambdaSent);
        FeatureLassoWorker.writeArray(out, absGradient);
        out.writeBoolean(evaluated);
        out.writeDouble(gradientLambda);
        out.writeDouble(lastSquares);
        out.writeDouble(lastDotY);
        out.writeDouble(lastMaxAbsGradient);
        out.writeDouble(lastL1);
        out.writeDouble(lastGap);
        out.writeDouble(lastObjective);
        out.writeDouble(lastGradientInfNorm);
        if (numWorkers > 1) {
            FeatureLassoWorker.writeArray(out, raw);
            out.writeDouble(offset);
            out.writeDouble(rawSum);
            out.writeBoolean(correctionPending);
            FeatureLassoWorker.writeArray(out, correction);
            out.writeDouble(offsetCorrection);
            out.writeDouble(rawSumCorrection);
        }
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        int features = in.readInt();
        int rows = in.readInt();
        int workers = in.readInt();
        if (features != p || rows != n || workers != numWorkers) {
            throw new IOException("the state is of " + features + " features, " + rows + " rows and " + workers
                    + " workers; this run has " + p + ", " + n + " and " + numWorkers);
        }
        FeatureLassoWorker.readArray(in, beta);
        l1 = in.readDouble();
        lambda = in.readDouble();
        lambdaSent = in.readBoolean();
        FeatureLassoWorker.readArray(in, absGradient);
        evaluated = in.readBoolean();
        gradientLambda = in.readDouble();
        lastSquares = in.readDouble();
        lastDotY = in.readDouble();
        lastMaxAbsGradient = in.readDouble();
        lastL1 = in.readDouble();
        lastGap = in.readDouble();
        lastObjective = in.readDouble();
        lastGradientInfNorm = in.readDouble();
        if (numWorkers > 1) {
            FeatureLassoWorker.readArray(in, raw);
            offset = in.readDouble();
            rawSum = in.readDouble();
            correctionPending = in.readBoolean();
            FeatureLassoWorker.readArray(in, correction);
            offsetCorrection = in.readDouble();
            rawSumCorrection = in.readDouble();
        }
    }

    private static double sum(double[] a) {
        return org.smpframe.linear.kernel.DenseKernels.sum(a, a.length);
    }
}
