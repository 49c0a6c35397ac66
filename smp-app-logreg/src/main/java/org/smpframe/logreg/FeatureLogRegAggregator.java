package org.smpframe.logreg;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.smpframe.api.StateIo;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Optimality;
import org.smpframe.api.Schedule;
import org.smpframe.linear.ColumnBlock;

/**
 * The aggregation of the feature-sharded logistic regression: commits the coefficients the workers' Newton steps
 * moved, makes sure no committed round raises the objective, evaluates the minimum-norm subgradient (liblinear's
 * stopping rule) and reports each coordinate's optimality to a working-set scheduler.
 *
 * <p><b>The step.</b> With one active worker its step is taken as it is: the worker's line search already made it
 * lower F. With several, each worker's step lowers F with the others held fixed, but their sum can overshoot where
 * coordinates of different workers interact. The aggregator holds the margins (bit for bit the replicas') and
 * computes F of the summed step exactly; if it is above the round's start, the step is halved down to 1/P, the
 * average of the workers' steps, which by convexity lowers F: F(w + (1/P) Σ d_w) ≤ (1/P) Σ F(w + d_w) &lt; F(w).
 *
 * <p><b>Stopping.</b> Converged when ‖∇ˢF(w)‖₁ ≤ ε·max(1, min(n₊, n₋))/n · ‖∇ˢF(0)‖₁, liblinear's rule for L1R_LR,
 * as the rows layout's {@link LogRegAggregator}. A column the check skipped has |∇_j L| below λ and w_j = 0, so
 * it adds nothing: the value is exact.
 *
 * <p><b>Optimality.</b> A nonzero coefficient and the bias are free (+∞); a zero one scores (|∇_j L| − t)/λ,
 * positive when it violates |∇_j L| ≤ λ (t = λ), or for the first report at a new λ of a path, when the sequential
 * strong rule says it may enter (t = 2λ − λ', λ' the penalty its gradient was read at). The suboptimality is the
 * subgradient's ℓ1 norm and the target the stopping rule's bound.
 */
public final class FeatureLogRegAggregator implements Aggregator<FeatureLogRegMessages.Partial,
        FeatureLogRegMessages.Commit, FeatureLogRegMessages.Stats>, LogRegAggregation {
    /** Evaluation metric: columns the check read (the others' bounds showed them optimal). */
    public static final String CHECKED = "checked";

    private final int n;
    private final int p;
    private final double[] y;
    private final boolean[] penalized;
    private final double[] lossGradientAtZero;
    private final double stopFactor;
    private final double[] w;
    private double l1;
    private double lambda = Double.NaN;
    private double tolerance;
    private double relTolerance;
    private double previousObjective = Double.NaN;
    private int smallDecreases;
    /**
     * Coefficients moved, and Newton directions refused by every step of the line search, since the last
     * evaluation. {@value #STUCK_EVALUATIONS} evaluations in a row with refusals and no move at all mean that no
     * decrease is representable in double precision any more: the fit stops there, as liblinear's Newton loop
     * does when its line search fails, instead of repeating the same rounds forever. (A block with nothing to do,
     * as random schedules give near the optimum, has no direction: it refuses nothing.)
     */
    private long movedSinceEvaluation;
    private long rejectedSinceEvaluation;
    private int stuckEvaluations;
    static final int STUCK_EVALUATIONS = 3;
    private double subgradientAtZero;
    private boolean lambdaSent;
    private final FeatureLogRegMessages.Commit commit = new FeatureLogRegMessages.Commit();
    private int numWorkers;
    private int[][] columnsOf;
    private ColumnBlock x;

    // With several workers: the margins (equal to every replica) and their loss.
    private double[] z;
    private double[] delta;
    private double[] sigma; // σ(−y_i z_i) at the round's margins

    // The last evaluation.
    private final double[] gradient;  // ∇_j L, or the bound on |∇_j L| where skipped
    private final boolean[] skipped;
    private boolean evaluated;
    private double gradientLambda = Double.NaN;
    private double lastSubgradient = Double.NaN;
    /** Rounds whose summed step was shortened, so far ({@link LogRegAggregator#SHORTENED}). */
    private long shortened;

    FeatureLogRegAggregator(LogRegProblem problem, boolean[] penalized, double lambda, double tolerance,
                            double relTolerance) {
        this.n = problem.n;
        this.p = problem.p;
        this.y = problem.y;
        this.penalized = penalized;
        this.lossGradientAtZero = problem.lossGradientAtZero();
        this.stopFactor = Math.max(1, Math.min(problem.positives, problem.negatives)) / (double) n;
        this.w = new double[p];
        this.gradient = new double[p];
        this.skipped = new boolean[p];
        setLambda(lambda);
        setTolerance(tolerance, relTolerance);
    }

    /** The columns each worker checks, the data, and the margins every replica starts from. */
    void partition(int[][] columnsOf, ColumnBlock x, double[] startMargins) {
        this.numWorkers = columnsOf.length;
        this.columnsOf = columnsOf;
        this.x = x;
        if (numWorkers > 1) {
            z = startMargins.clone();
            delta = new double[n];
            sigma = new double[n];
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
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += minNormSubgradient(lossGradientAtZero[j], 0.0, j);
            }
            subgradientAtZero = s;
            previousObjective = Double.NaN;
            smallDecreases = 0;
            stuckEvaluations = 0;
        }
    }

    @Override
    public double lambda() {
        return lambda;
    }

    /**
     * @param tolerance    ε of the subgradient rule (liblinear's -e)
     * @param relTolerance also stop after {@value LogRegAggregator#STALLED_EVALUATIONS} consecutive evaluations
     *                     that each improved the objective by less than this, relative; 0 = never
     */
    public void setTolerance(double tolerance, double relTolerance) {
        if (!(tolerance >= 0) || !(relTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + tolerance + " and " + relTolerance);
        }
        this.tolerance = tolerance;
        this.relTolerance = relTolerance;
    }

    @Override
    public double[] weights() {
        return w.clone();
    }

    /** Starts from {@code values} (a warm start; the workers are built from the same). */
    void setWeights(double[] values) {
        System.arraycopy(values, 0, w, 0, p);
        l1 = 0;
        for (int j = 0; j < p; j++) {
            l1 += penalized[j] ? Math.abs(w[j]) : 0.0;
        }
    }

    private double minNormSubgradient(double g, double wj, int j) {
        return MinNormSubgradient.of(g, wj, lambda, penalized[j]);
    }

    @Override
    public FeatureLogRegMessages.Commit beginRun() {
        commit.reset();
        commit.lambda = lambda;
        commit.subgradientScale = subgradientAtZero;
        lambdaSent = true;
        return commit;
    }

    @Override
    public FeatureLogRegMessages.Commit pull(Schedule schedule, List<FeatureLogRegMessages.Partial> partials,
                                             ChangeSink changes) {
        commit.reset();
        if (!lambdaSent) {
            commit.lambda = lambda;
            commit.subgradientScale = subgradientAtZero;
            lambdaSent = true;
        }
        if (partials.size() != numWorkers) {
            throw new IllegalStateException(partials.size() + " partials for " + numWorkers + " workers");
        }
        double restricted = 0;
        for (FeatureLogRegMessages.Partial part : partials) {
            restricted += part.restrictedSubgradient;
        }
        if (numWorkers == 1) {
            FeatureLogRegMessages.Partial part = partials.get(0);
            for (int i = 0; i < part.count; i++) {
                w[part.params[i]] = part.values[i];
                changes.changed(part.params[i], part.magnitudes[i]);
            }
            l1 += part.l1Delta;
            movedSinceEvaluation += part.count;
            rejectedSinceEvaluation += part.stepRejected ? 1 : 0;
            changes.workingSetGap(restricted);
            return commit;
        }
        double alpha = step(schedule, partials);
        int moved = 0;
        for (FeatureLogRegMessages.Partial part : partials) {
            moved += part.count;
        }
        if (commit.changedParams.length < moved) {
            commit.changedParams = new int[moved];
            commit.changedValues = new double[moved];
        }
        int count = 0;
        for (FeatureLogRegMessages.Partial part : partials) {
            for (int i = 0; i < part.count; i++) {
                int j = part.params[i];
                w[j] = alpha == 1.0 ? part.values[i] : w[j] + alpha * (part.values[i] - w[j]);
                changes.changed(j, alpha * part.magnitudes[i]);
                commit.changedParams[count] = j;
                commit.changedValues[count] = w[j];
                count++;
            }
        }
        commit.changed = count;
        movedSinceEvaluation += count;
        for (FeatureLogRegMessages.Partial part : partials) {
            rejectedSinceEvaluation += part.stepRejected ? 1 : 0;
        }
        commit.marginDelta = delta;
        for (int i = 0; i < n; i++) {
            z[i] += delta[i];
        }
        // The workers' shares' subgradients before their steps: an estimate of the working set's, as the Lasso's.
        changes.workingSetGap(restricted);
        return commit;
    }

    /**
     * Sums the workers' margin changes into {@link #delta}, scaled by the step kept: 1 if the sum does not raise F
     * (always with one active worker), else the largest of ½, ¼, … above 1/P that lowers it, at worst 1/P.
     */
    private double step(Schedule schedule, List<FeatureLogRegMessages.Partial> partials) {
        java.util.Arrays.fill(delta, 0.0);
        double dL1 = 0;
        int active = 0;
        int mover = -1;
        for (int w = 0; w < partials.size(); w++) {
            FeatureLogRegMessages.Partial part = partials.get(w);
            if (part.count > 0) {
                double[] d = part.marginDelta;
                for (int i = 0; i < n; i++) {
                    delta[i] += d[i];
                }
                dL1 += part.l1Delta;
                active++;
                mover = w;
            }
        }
        if (active <= 1) {
            l1 += dL1; // the mover's line search judged it
            commit.soleMover = mover;
            return 1.0;
        }
        for (int i = 0; i < n; i++) {
            double m = y[i] * z[i];
            sigma[i] = m > 0 ? Math.exp(-m) / (1 + Math.exp(-m)) : 1 / (1 + Math.exp(m));
        }
        double floor = 1.0 / numWorkers;
        double alpha = 1.0;
        double change = lossChange(1.0) / n + lambda * dL1;
        while (change > 0 && alpha > floor) {
            alpha = Math.max(floor, alpha / 2);
            change = lossChange(alpha) / n + lambda * (l1At(partials, alpha) - l1);
        }
        if (!Double.isFinite(change)) {
            throw new DivergenceException("logistic regression diverged in round " + schedule.round()
                    + ": the objective changed by " + change);
        }
        l1 = alpha == 1.0 ? l1 + dL1 : l1At(partials, alpha);
        shortened += alpha != 1.0 ? 1 : 0;
        if (alpha != 1.0) {
            for (int i = 0; i < n; i++) {
                delta[i] *= alpha;
            }
        }
        return alpha;
    }

    /** Σ_i [ℓ(z_i + αΔ_i) − ℓ(z_i)], term by term as the worker's line search computes it. */
    private double lossChange(double alpha) {
        double change = 0;
        for (int i = 0; i < n; i++) {
            change += Math.log1p(sigma[i] * Math.expm1(-y[i] * alpha * delta[i]));
        }
        return change;
    }

    /** ‖w + α(w_new − w)‖₁ over the penalized coordinates, the unmoved ones as they are. */
    private double l1At(List<FeatureLogRegMessages.Partial> partials, double alpha) {
        double value = l1;
        for (FeatureLogRegMessages.Partial part : partials) {
            for (int i = 0; i < part.count; i++) {
                int j = part.params[i];
                if (penalized[j]) {
                    value += Math.abs(w[j] + alpha * (part.values[i] - w[j])) - Math.abs(w[j]);
                }
            }
        }
        return value;
    }

    @Override
    public Evaluation evaluate(List<FeatureLogRegMessages.Stats> stats) {
        double subgradient = 0;
        long checked = 0;
        for (int worker = 0; worker < numWorkers; worker++) {
            FeatureLogRegMessages.Stats s = stats.get(worker);
            int[] cols = columnsOf[worker];
            if (s.gradient.length != cols.length) {
                throw new IllegalStateException("worker " + worker + " reported " + s.gradient.length + " columns of "
                        + cols.length);
            }
            for (int k = 0; k < cols.length; k++) {
                gradient[cols[k]] = s.gradient[k];
                skipped[cols[k]] = s.isSkipped(k);
            }
            subgradient += s.subgradient;
            checked += s.computed;
        }
        double currentLoss = stats.get(0).loss;
        if (numWorkers > 1) {
            // The replicas recomputed their margins from w; so does the aggregator's copy.
            FeatureLogRegProgram.margins(x, w, z);
        }
        l1 = 0;
        int nnz = 0;
        for (int j = 0; j < p; j++) {
            if (penalized[j]) {
                l1 += Math.abs(w[j]);
                nnz += w[j] != 0 ? 1 : 0;
            }
        }
        double objective = currentLoss / n + lambda * l1;
        if (!Double.isFinite(objective)) {
            throw new DivergenceException("logistic regression diverged: the objective became " + objective);
        }
        evaluated = true;
        gradientLambda = lambda;
        lastSubgradient = subgradient;
        double relative = subgradientAtZero > 0 ? subgradient / subgradientAtZero : 0.0;
        if (!Double.isNaN(previousObjective)) {
            smallDecreases = previousObjective - objective <= relTolerance * Math.abs(objective) ? smallDecreases + 1 : 0;
        }
        stuckEvaluations = movedSinceEvaluation == 0 && rejectedSinceEvaluation > 0 ? stuckEvaluations + 1 : 0;
        boolean stuck = stuckEvaluations >= STUCK_EVALUATIONS;
        movedSinceEvaluation = 0;
        rejectedSinceEvaluation = 0;
        previousObjective = objective;
        boolean stalled = stuck || relTolerance > 0 && smallDecreases >= LogRegAggregator.STALLED_EVALUATIONS;
        return Evaluation.objective(objective)
                .put(LogRegAggregator.SUBGRADIENT, relative)
                .put(LogRegAggregator.SUBGRADIENT_TARGET, tolerance * stopFactor)
                .put(LogRegAggregator.NNZ, nnz)
                .put(LogRegAggregator.LAMBDA, lambda)
                .put(LogRegAggregator.LOGLOSS, currentLoss / n)
                .put(CHECKED, checked)
                .put(LogRegAggregator.SHORTENED, shortened)
                .converged(relative <= tolerance * stopFactor || stalled)
                .build();
    }

    @Override
    public boolean reportOptimality(Optimality into) {
        if (!evaluated) {
            return false;
        }
        boolean sameLambda = gradientLambda == lambda;
        double t = sameLambda ? lambda : 2 * lambda - gradientLambda;
        double subgradient = 0;
        for (int j = 0; j < p; j++) {
            double score;
            if (!penalized[j] || w[j] != 0) {
                score = Double.POSITIVE_INFINITY;
                if (!sameLambda && !skipped[j]) {
                    subgradient += minNormSubgradient(gradient[j], w[j], j);
                }
            } else if (skipped[j]) {
                // Only an upper bound, below the λ it was read at: no evidence that the column is about to enter.
                score = (gradient[j] - lambda) / lambda;
                subgradient += sameLambda ? 0 : Math.max(0.0, gradient[j] - lambda);
            } else {
                double g = Math.abs(gradient[j]);
                score = (g - t) / lambda;
                subgradient += sameLambda ? 0 : Math.max(0.0, g - lambda);
            }
            into.setScore(j, score);
        }
        into.setBounds(sameLambda ? lastSubgradient : subgradient, tolerance * stopFactor * subgradientAtZero);
        return true;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(p);
        out.writeInt(n);
        out.writeInt(numWorkers);
        StateIo.writeDoubles(out, w);
        out.writeDouble(l1);
        out.writeDouble(lambda);
        out.writeBoolean(lambdaSent);
        StateIo.writeDoubles(out, gradient);
        for (boolean b : skipped) {
            out.writeBoolean(b);
        }
        out.writeBoolean(evaluated);
        out.writeDouble(gradientLambda);
        out.writeDouble(lastSubgradient);
        out.writeDouble(previousObjective);
        out.writeInt(smallDecreases);
        out.writeLong(movedSinceEvaluation);
        out.writeLong(rejectedSinceEvaluation);
        out.writeInt(stuckEvaluations);
        out.writeLong(shortened);
        if (numWorkers > 1) {
            StateIo.writeDoubles(out, z);
        }
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        int features = in.readInt();
        int rows = in.readInt();
        int workers = in.readInt();
        if (features != p || rows != n || workers != numWorkers) {
            throw new IOException("the state is of " + features + " parameters, " + rows + " rows and " + workers
                    + " workers; this run has " + p + ", " + n + " and " + numWorkers);
        }
        StateIo.readDoubles(in, w, "coefficients");
        l1 = in.readDouble();
        double savedLambda = in.readDouble();
        setLambda(savedLambda);
        lambdaSent = in.readBoolean();
        StateIo.readDoubles(in, gradient, "gradient");
        for (int j = 0; j < p; j++) {
            skipped[j] = in.readBoolean();
        }
        evaluated = in.readBoolean();
        gradientLambda = in.readDouble();
        lastSubgradient = in.readDouble();
        previousObjective = in.readDouble();
        smallDecreases = in.readInt();
        movedSinceEvaluation = in.readLong();
        rejectedSinceEvaluation = in.readLong();
        stuckEvaluations = in.readInt();
        shortened = in.readLong();
        if (numWorkers > 1) {
            StateIo.readDoubles(in, z, "margins");
        }
    }
}
