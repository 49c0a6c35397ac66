package org.smpframe.logreg;

import java.util.Arrays;
import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Schedule;

/**
 * Holds w, turns the workers' derivative sums into proximal Newton directions, and commits steps that passed a
 * line search on the exact objective.
 *
 * <h2>One coordinate</h2>
 * With G = ∂L/∂w_j and H = ∂²L/∂w_j² of the mean loss L, the direction minimizes the second-order model plus the
 * penalty: d = argmin G·d + ½H·d² + λ|w_j + d|, which is −(G + λ)/H if G + λ ≤ H·w_j, −(G − λ)/H if
 * G − λ ≥ H·w_j, else −w_j (liblinear's CDN and newGLMNET take the same step); −G/H for the unpenalized bias.
 * The step is clipped so that it moves no margin by more than {@link #TRUST_MARGIN}.
 *
 * <h2>Line search without an extra round trip</h2>
 * The directions of a round are not committed at once: the commit carries them as a trial. Workers sum, while
 * applying it, the exact loss change for the steps α = 1, ½, ¼ and the two sums of a quadratic upper bound for
 * shorter ones (ℓ'' ≤ ¼, so ΔL(α) ≤ α·Σℓ'Δm + α²·ΣΔm²/8), and return them with their next push. The next pull
 * commits α·d for the largest α whose exact change passes Armijo's test ΔF ≤ σ·α·Δ (with
 * Δ = G·d + λ(|w + d|₁ − |w|₁) the model's predicted decrease, σ = 0.01) and ΔF ≤ 0; failing those, the largest
 * α = 2^−k, k > 2, whose bound passes; else nothing. Since the bound is an upper bound, the objective never increases for a committed step, also when the
 * coordinates of a block interfere (the dependency filter makes that rare, not impossible).
 *
 * <p>Workers apply the full trial step speculatively, so the derivatives of the next round are exact whenever the
 * full step is committed, which is the common case. When it is not, those derivatives are discarded and the
 * round proposes nothing (see {@link #pull}).
 *
 * <h2>Priorities</h2>
 * A committed step reports |Δw_j|·‖x_j‖/√n, how far the margins moved. That says nothing about coordinates that
 * have not been scheduled lately, in particular those at 0 whose gradient has grown past λ while the others
 * moved: they would only be found by the scheduler's priority floor. Every evaluation computes the full
 * gradient anyway, so the next pull also reports, for every coordinate, the move its violation predicts:
 * 4·v_j / (‖x_j‖/√n) with v_j its minimum-norm subgradient (a Newton step v_j/H_j with the curvature bound
 * H_j ≤ ‖x_j‖²/(4n), in the same units as the committed moves). A coordinate at its optimum gets 0.
 *
 * <h2>Stopping</h2>
 * The minimum-norm subgradient, liblinear's measure: converged when ‖∇ˢF(w)‖₁ ≤ ε·max(1, min(n₊, n₋))/n ·
 * ‖∇ˢF(0)‖₁, or when the objective decreased by less than a relative {@code relTolerance} since the previous
 * evaluation.
 */
public final class LogRegAggregator implements Aggregator<LogRegPartial, LogRegCommit, LogRegStats> {
    public static final String SUBGRADIENT = "subgradient";
    public static final String NNZ = "nnz";
    public static final String LAMBDA = "lambda";
    public static final String LOGLOSS = "train_logloss";
    /** Trials the line search committed nothing of, so far. */
    public static final String REJECTED = "rejected_steps";
    /** Scheduled coordinates that were already optimal for their model (a wasted update), so far. */
    public static final String IDLE = "idle_updates";
    /** Trials the line search committed a shorter step than the full one of, so far. */
    public static final String SHORTENED = "shortened_steps";

    /** Shorter steps tried on the quadratic bound: 2^−1 .. 2^−MAX_HALVINGS. */
    static final int MAX_HALVINGS = 20;
    /** Armijo's sufficient-decrease fraction. */
    static final double SIGMA = 0.01;
    /** Added to every curvature, as liblinear does, so a column the current margins make flat still has a step. */
    static final double MIN_CURVATURE = 1e-12;
    /**
     * The most one step may move any margin. A column whose rows all sit far out on the flat tails of the
     * sigmoid has curvature near 0 and a Newton step of 1e8 (seen on w8a): no line search accepts it, and since
     * its size was also its priority, it was drawn into every block and got every block rejected. Beyond a few
     * units of margin the quadratic model says nothing anyway.
     */
    static final double TRUST_MARGIN = 5.0;

    private final int n;
    private final int p;
    private final boolean[] penalized;
    private final double[] priorityScale;
    /** TRUST_MARGIN / max_i |x_ij|: the largest step of coordinate j. */
    private final double[] maxStep;
    private final double[] lossGradientAtZero;
    private final double stopFactor;
    private final double[] w;
    private double lambda;
    private double tolerance;
    private double relTolerance;
    private double subgradientAtZero;
    private double previousObjective = Double.NaN;
    private long rejected;
    private long shortened;
    private long idle;

    // The trial in flight: proposed in one pull, resolved in the next.
    private static final int[] NO_PARAMS = new int[0];
    private static final double[] NO_DIRECTIONS = new double[0];
    private int[] trialParams = NO_PARAMS;
    private double[] trialDirections = NO_DIRECTIONS;
    private double trialPredicted;
    private boolean rejectTrial;
    /** Priorities from the last evaluation's gradient, reported with the next pull; null when none is pending. */
    private double[] refreshedPriorities;

    LogRegAggregator(LogRegProblem problem, double lambda, double tolerance, double relTolerance) {
        this.n = problem.n;
        this.p = problem.p;
        this.penalized = new boolean[p];
        this.priorityScale = new double[p];
        this.maxStep = new double[p];
        for (int j = 0; j < p; j++) {
            penalized[j] = problem.penalized(j);
            priorityScale[j] = Math.sqrt(problem.colSqNorm[j] / n);
            double maxAbs = 0;
            for (int e = problem.columns.colPtr[j]; e < problem.columns.colPtr[j + 1]; e++) {
                maxAbs = Math.max(maxAbs, Math.abs(problem.columns.values[e]));
            }
            maxStep[j] = maxAbs > 0 ? TRUST_MARGIN / maxAbs : 0.0;
        }
        this.lossGradientAtZero = problem.lossGradientAtZero();
        this.stopFactor = Math.max(1, Math.min(problem.positives, problem.negatives)) / (double) n;
        this.w = new double[p];
        setLambda(lambda);
        setTolerance(tolerance, relTolerance);
    }

    /** Changes λ between runs of a session (regularization path); w is kept as the warm start. */
    public void setLambda(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
        }
        this.lambda = lambda;
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += minNormSubgradient(lossGradientAtZero[j], 0.0, j);
        }
        this.subgradientAtZero = s;
        // A trial proposed under another λ predicted the wrong decrease: the next pull rejects it unseen.
        this.rejectTrial = trialParams.length > 0;
        this.previousObjective = Double.NaN;
    }

    public double lambda() {
        return lambda;
    }

    /**
     * @param tolerance    ε of the subgradient rule (liblinear's -e; its default is 0.01)
     * @param relTolerance stop when an evaluation improved the objective by less than this, relative; 0 = never
     */
    public void setTolerance(double tolerance, double relTolerance) {
        if (!(tolerance >= 0) || !(relTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + tolerance + " and " + relTolerance);
        }
        this.tolerance = tolerance;
        this.relTolerance = relTolerance;
    }

    /** The committed weights (features, then the bias if the problem has one). */
    public double[] weights() {
        return w.clone();
    }

    @Override
    public LogRegCommit pull(Schedule schedule, List<LogRegPartial> partials, ChangeSink changes) {
        if (refreshedPriorities != null) {
            // First, so that this round's own changes (reported below) are the last word for its coordinates.
            for (int j = 0; j < p; j++) {
                changes.changed(j, refreshedPriorities[j]);
            }
            refreshedPriorities = null;
        }
        int[] settled = trialParams;
        double alpha = resolveTrial(partials, changes);
        if (alpha == 1.0 || settled.length == 0) {
            proposeTrial(schedule, partials, changes);
        } else {
            // The workers computed this round's derivatives with the full trial step in their margins, and it
            // was not committed: every derivative that step touched is off by its cross terms, which the own-
            // coordinate correction cannot repair. Proposing from them tends to fail the next line search too, a
            // cascade; skip one proposal instead, so the next derivatives are taken at the committed state.
            trialParams = NO_PARAMS;
            trialDirections = NO_DIRECTIONS;
            trialPredicted = 0;
        }
        return new LogRegCommit(alpha, trialParams, trialDirections);
    }

    /**
     * Line search over the workers' sums for the trial in flight: commits α·d into w and returns α (0 when
     * rejected or when there was no trial).
     */
    private double resolveTrial(List<LogRegPartial> partials, ChangeSink changes) {
        int m = trialParams.length;
        if (m == 0) {
            return 0.0;
        }
        double[] sums = new double[LogRegPartial.TRIAL_SUMS];
        for (LogRegPartial part : partials) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += part.trialLoss()[k];
            }
        }
        double slope = sums[3];
        double squares = sums[4];
        double alpha = 0;
        if (!rejectTrial) {
            double[] exact = LogRegPartial.EXACT_STEPS;
            for (int k = 0; k < exact.length && alpha == 0; k++) {
                if (passes(sums[k] / n + lambda * penaltyChange(exact[k]), exact[k])) {
                    alpha = exact[k];
                }
            }
            if (alpha == 0) {
                double step = exact[exact.length - 1];
                for (int k = 0; k < MAX_HALVINGS && alpha == 0; k++) {
                    step *= 0.5;
                    double bound = (step * slope + step * step * squares / 8) / n;
                    if (passes(bound + lambda * penaltyChange(step), step)) {
                        alpha = step;
                    }
                }
            }
        }
        rejectTrial = false;
        if (alpha == 0) {
            rejected++;
        } else if (alpha < 1) {
            shortened++;
        }
        for (int k = 0; k < m; k++) {
            int j = trialParams[k];
            double step = alpha * trialDirections[k];
            // Priority: how much the margins moved, |Δw_j|·‖x_j‖/√n. A rejected direction still reports the
            // move it wanted, so that the coordinate is tried again (likely with other partners).
            changes.changed(j, Math.abs(alpha > 0 ? step : trialDirections[k]) * priorityScale[j]);
            w[j] += step;
            if (!Double.isFinite(w[j])) {
                throw new DivergenceException("logistic regression diverged: weight " + (j + 1)
                        + " became " + w[j] + " (lambda " + lambda + ")");
            }
        }
        return alpha;
    }

    private boolean passes(double change, double step) {
        return change <= 0 && change <= SIGMA * step * trialPredicted;
    }

    /** Σ over penalized trial coordinates of |w_j + α d_j| − |w_j|. */
    private double penaltyChange(double alpha) {
        double s = 0;
        for (int k = 0; k < trialParams.length; k++) {
            int j = trialParams[k];
            if (penalized[j]) {
                s += Math.abs(w[j] + alpha * trialDirections[k]) - Math.abs(w[j]);
            }
        }
        return s;
    }

    private void proposeTrial(Schedule schedule, List<LogRegPartial> partials, ChangeSink changes) {
        int[] params = schedule.params();
        int from = schedule.from(0);
        int m = schedule.to(0) - from;
        int[] ids = new int[m];
        double[] dirs = new double[m];
        int count = 0;
        double predicted = 0;
        for (int k = 0; k < m; k++) {
            int j = params[from + k];
            double g = 0;
            double h = 0;
            for (LogRegPartial part : partials) {
                g += part.gradient()[k];
                h += part.curvature()[k];
            }
            g /= n;
            h = h / n + MIN_CURVATURE;
            double d = Math.max(-maxStep[j], Math.min(maxStep[j], direction(g, h, w[j], penalized[j])));
            if (d == 0 || Math.abs(d) <= 1e-15 * Math.abs(w[j])) {
                changes.changed(j, 0.0); // optimal for its model: nothing to try
                idle++;
                continue;
            }
            ids[count] = j;
            dirs[count] = d;
            count++;
            predicted += g * d + (penalized[j] ? lambda * (Math.abs(w[j] + d) - Math.abs(w[j])) : 0.0);
        }
        trialParams = Arrays.copyOf(ids, count);
        trialDirections = Arrays.copyOf(dirs, count);
        trialPredicted = predicted;
    }

    /** The proximal Newton step of one coordinate (see the class documentation). */
    double direction(double g, double h, double wj, boolean isPenalized) {
        if (!isPenalized) {
            return -g / h;
        }
        if (g + lambda <= h * wj) {
            return -(g + lambda) / h;
        }
        if (g - lambda >= h * wj) {
            return -(g - lambda) / h;
        }
        return -wj;
    }

    /** |∂ˢF/∂w_j|: the smallest |subgradient| of coordinate j given the loss derivative g. */
    private double minNormSubgradient(double g, double wj, int j) {
        if (!penalized[j]) {
            return Math.abs(g);
        }
        if (wj > 0) {
            return Math.abs(g + lambda);
        }
        if (wj < 0) {
            return Math.abs(g - lambda);
        }
        return Math.max(0.0, Math.abs(g) - lambda);
    }

    @Override
    public Evaluation evaluate(List<LogRegStats> stats) {
        double loss = 0;
        double[] gradient = new double[p];
        for (LogRegStats s : stats) {
            loss += s.loss();
            double[] g = s.gradient();
            for (int j = 0; j < p; j++) {
                gradient[j] += g[j];
            }
        }
        double l1 = 0;
        int nnz = 0;
        double subgradient = 0;
        double[] priorities = new double[p];
        for (int j = 0; j < p; j++) {
            if (penalized[j]) {
                l1 += Math.abs(w[j]);
                nnz += w[j] != 0 ? 1 : 0;
            }
            double v = minNormSubgradient(gradient[j] / n, w[j], j);
            subgradient += v;
            priorities[j] = priorityScale[j] > 0 ? 4 * v / priorityScale[j] : 0.0;
        }
        refreshedPriorities = priorities;
        double objective = loss / n + lambda * l1;
        if (!Double.isFinite(objective)) {
            throw new DivergenceException("logistic regression diverged: the objective became " + objective);
        }
        double relative = subgradientAtZero > 0 ? subgradient / subgradientAtZero : 0.0;
        boolean stalled = relTolerance > 0 && previousObjective - objective <= relTolerance * Math.abs(objective);
        previousObjective = objective;
        return Evaluation.objective(objective)
                .put(SUBGRADIENT, relative)
                .put(NNZ, nnz)
                .put(LAMBDA, lambda)
                .put(LOGLOSS, loss / n)
                .put(REJECTED, rejected)
                .put(SHORTENED, shortened)
                .put(IDLE, idle)
                .converged(relative <= tolerance * stopFactor || stalled)
                .build();
    }
}
