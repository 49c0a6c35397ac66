package org.smpframe.logreg;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Schedule;
import org.smpframe.api.StateIo;

/**
 * Holds w and runs a proximal Newton method in the manner of liblinear's newGLMNET, with the inner problem
 * solved by scheduled model-parallel coordinate descent.
 *
 * <h2>Outer iterations</h2>
 * At an iterate w the workers push the gradient G_j and the curvature H_j = Σ_i D_i x_ij² of every coordinate
 * (D_i = s_i(1 − s_i), s_i = σ(−y_i x_i·w)). The quadratic model of the mean loss around w,
 * q(d) = G·d/n + ½ dᵀXᵀDXd/n, plus λ‖w + d‖₁, is then minimized over the direction d by coordinate descent:
 * the inner phase. Its rounds are as cheap as Lasso's: a worker pushes Σ_i x_ij D_i Δ_i with Δ = X·d kept for
 * its rows (one multiply-add per nonzero, no exponential), and for a scheduled j the aggregator takes
 * δ = argmin (G_j + Σ x_ij D_i Δ_i)δ/n + ½(H_j/n)δ² + λ|w_j + d_j + δ|, the soft-thresholded Newton step
 * (−G/H for the unpenalized bias), clipped so that a coordinate's total step moves no margin by more than
 * {@link #TRUST_MARGIN} over the outer iteration. The scheduler's priorities are |δ|·‖x_j‖/√n; coordinates the model leaves in place cost one
 * idle update.
 *
 * <p>Coordinates of one block are updated from the same sums, so correlated ones overshoot together. The model
 * along a block's move δ is exactly t·(g·δ) + ½t²·c + λ·(penalty change), where c = Σ_i D_i (x_i·δ)²/n follows
 * from the workers' Σ D Δ² before and after the block (and Σ_j δ_j Σ_i x_ij D_i Δ_i, which the block's own sums
 * give). So the next pull checks every block: if the full move raised the model, it settles on the best shorter
 * one (t = 2^−k or the minimizer of the smooth part, t = 0 taking it back) and spends that round on the
 * correction. The inner phase thus never increases the model, and its direction is a descent direction.
 *
 * <h2>Line search</h2>
 * The inner phase ends when a window of inner rounds decreased the model by less than a tenth of what the whole
 * phase did, or after {@link #MAX_INNER_SWEEPS} sweeps' worth of rounds (p/L each). A window is enough rounds to
 * visit the active set (w_j ≠ 0 or d_j ≠ 0) twice, at most a sweep: for p ≫ n with a sparse solution a sweep
 * over all coordinates per check kept the first inner phase going for thousands of rounds (Golub). Its last commit asks the workers to sum
 * the exact loss change along d for α = 1, ½, ¼ and the two sums of a quadratic upper bound for shorter steps
 * (ℓ'' ≤ ¼, so ΔL(α) ≤ α·Σℓ'Δ + α²·ΣΔ²/8). The next pull commits w += α·d for the largest α passing Armijo's test
 * ΔF(α) ≤ σ·α·Δ with Δ = G·d/n + λ(‖w + d‖₁ − ‖w‖₁), σ = 0.01 (exact values first, then the bound for
 * α = 2^−k), or nothing. So the objective never increases for a committed step, whatever the inner phase did
 * (coordinates of a block may interfere; the dependency filter makes that rare, not impossible). The exponentials
 * of the line search are the only ones of an outer iteration: a full step reuses them.
 *
 * <h2>Priorities</h2>
 * Every evaluation computes the full gradient anyway, so the next pull also reports, for every coordinate, the
 * move its violation predicts: 4·v_j / (‖x_j‖/√n) with v_j its minimum-norm subgradient (a Newton step v_j/H_j
 * with the curvature bound H_j ≤ ‖x_j‖²/(4n), in the units of the committed moves). A coordinate at its
 * optimum gets 0, one whose gradient has grown past λ while others moved gets found without waiting for the
 * scheduler's priority floor.
 *
 * <h2>Stopping</h2>
 * The minimum-norm subgradient, liblinear's measure: converged when ‖∇ˢF(w)‖₁ ≤ ε·max(1, min(n₊, n₋))/n ·
 * ‖∇ˢF(0)‖₁; optionally (off by default) also when {@link #STALLED_EVALUATIONS} consecutive evaluations, each
 * after an outer step that moved w, decreased the objective by less than a relative {@code relTolerance}. That
 * rule is off by default because proximal Newton on badly scaled data has slow stretches: at 1e-9 it stopped
 * runs on the unscaled breast-cancer data with the subgradient 15x above liblinear's bound.
 */
public final class LogRegAggregator implements Aggregator<LogRegPartial, LogRegCommit, LogRegStats>, LogRegAggregation {
    public static final String SUBGRADIENT = "subgradient";
    /** The value of {@link #SUBGRADIENT} at which the subgradient rule stops. */
    public static final String SUBGRADIENT_TARGET = "subgradient_target";
    public static final String NNZ = "nnz";
    public static final String LAMBDA = "lambda";
    public static final String LOGLOSS = "train_logloss";
    /** Outer iterations whose line search committed nothing, so far. */
    public static final String REJECTED = "rejected_steps";
    /** Outer iterations whose line search committed a shorter step than the full one, so far. */
    public static final String SHORTENED = "shortened_steps";
    /** Scheduled coordinates the inner model left in place (an update spent on nothing), so far. */
    public static final String IDLE = "idle_updates";
    /** Outer (Newton) iterations completed, so far. */
    public static final String OUTER = "outer_iterations";
    /** Inner blocks taken back because their coordinates interfered and raised the model, so far. */
    public static final String REVERTED = "reverted_blocks";
    /** Inner blocks shortened for the same reason, so far. */
    public static final String SHORTENED_BLOCKS = "shortened_blocks";

    /** The relative-decrease rule stops after this many consecutive small decreases, not one. */
    static final int STALLED_EVALUATIONS = 3;
    /** Armijo's sufficient-decrease fraction. */
    static final double SIGMA = 0.01;
    /** Shorter steps tried on the quadratic bound after the exact ones: 2^−3 .. 2^−(2 + MAX_HALVINGS). */
    static final int MAX_HALVINGS = 20;
    /** Added to every curvature, as liblinear does, so a column the current margins make flat still has a step. */
    static final double MIN_CURVATURE = 1e-12;
    /**
     * The most one coordinate's step of an outer iteration may move any margin (a row's margin moves by at most
     * this times its nonzeros). A column whose rows all sit far out on the flat tails of
     * the sigmoid has curvature near 0 and a Newton step of 1e8 (seen on w8a): no line search accepts it. Beyond a
     * few units of margin the quadratic model says nothing anyway.
     */
    static final double TRUST_MARGIN = 5.0;
    /** An inner phase ends after this many sweeps' worth of rounds even while it still makes progress. */
    static final int MAX_INNER_SWEEPS = 10;
    /** ... or when its last sweep decreased the model by less than this fraction of the whole phase. */
    static final double INNER_PROGRESS = 0.1;

    private static final int[] NO_PARAMS = new int[0];
    private static final double[] NO_DELTAS = new double[0];

    private final int n;
    private final int p;
    private final boolean[] penalized;
    private final double[] priorityScale;
    private final double[] maxStep;
    /** The last priority reported per coordinate, re-reported for a block a round discards. */
    private final double[] lastPriority;
    private final double[] lossGradientAtZero;
    private final double stopFactor;
    private final double[] w;
    private final double[] d;
    private final double[] outerGradient;
    private final double[] outerCurvature;
    private double lambda;
    private double tolerance;
    private double relTolerance;
    private double subgradientAtZero;
    private double previousObjective = Double.NaN;
    private long outerAtPreviousEvaluation = -1;
    /** Outer steps that moved w (α > 0 along a direction the model predicted to descend). */
    private long movingSteps;
    /** Consecutive evaluations (each after a moving step) whose decrease was below the relative tolerance. */
    private int smallDecreases;
    private long rejected;
    private long shortened;
    private long idle;
    private long outerIterations;
    /** Priorities from the last evaluation's gradient, reported with the next pull; null when none is pending. */
    private double[] refreshedPriorities;

    private boolean awaitingLineSearch;
    // The inner model's bookkeeping: G·d (unnormalized), ‖w + d‖₁ − ‖w‖₁, and the last block with what its
    // model change needs (to shorten or take it back if its coordinates interfered).
    private double gradientDotD;
    private double penaltyChangeOfD;
    private int[] lastParams = NO_PARAMS;
    private double[] lastDeltas = NO_DELTAS;
    private double[] lastStartZ = NO_DELTAS;
    private double lastSlope;
    private double lastCross;
    private double lastQuadratic;
    private long reverted;
    private long shortenedBlocks;
    /** Coordinates with w_j ≠ 0 or d_j ≠ 0: the inner problem's active set, whose size sets the window. */
    private int active;
    private int window = 1;
    private int windowRounds;
    private double phaseDecrease;
    private double sweepDecrease;
    private int roundsPerSweep = 1;
    private int blockSize = 1;
    private int innerRounds;

    LogRegAggregator(LogRegProblem problem, double lambda, double tolerance, double relTolerance) {
        this.n = problem.n;
        this.p = problem.p;
        this.penalized = new boolean[p];
        this.priorityScale = new double[p];
        this.maxStep = new double[p];
        this.lastPriority = new double[p];
        for (int j = 0; j < p; j++) {
            penalized[j] = problem.penalized(j);
            priorityScale[j] = Math.sqrt(problem.colSqNorm[j] / n);
            double maxAbs = problem.colMaxAbs[j];
            maxStep[j] = maxAbs > 0 ? TRUST_MARGIN / maxAbs : 0.0;
        }
        this.lossGradientAtZero = problem.lossGradientAtZero();
        this.stopFactor = Math.max(1, Math.min(problem.positives, problem.negatives)) / (double) n;
        this.w = new double[p];
        this.d = new double[p];
        this.outerGradient = new double[p];
        this.outerCurvature = new double[p];
        setLambda(lambda);
        setTolerance(tolerance, relTolerance);
    }

    @Override
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
        this.previousObjective = Double.NaN;
        this.outerAtPreviousEvaluation = -1;
        this.smallDecreases = 0;
        // Violations measured against the old λ would give the coordinates about to enter the model priority 0.
        this.refreshedPriorities = null;
        // A direction built under another λ is still a direction: the line search, with the new λ, judges it.
    }

    @Override
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

    @Override
    public double[] weights() {
        return w.clone();
    }

    @Override
    public LogRegCommit pull(Schedule schedule, List<LogRegPartial> partials, ChangeSink changes) {
        if (refreshedPriorities != null) {
            // First, so that this round's own changes (reported below) are the last word for its coordinates.
            for (int j = 0; j < p; j++) {
                report(changes, j, refreshedPriorities[j]);
            }
            refreshedPriorities = null;
        }
        if (awaitingLineSearch) {
            // This round's model sums predate the line search's answer: the block is not updated.
            awaitingLineSearch = false;
            keepPriorities(schedule, changes);
            return LogRegCommit.outerStep(chooseStep(partials, changes));
        }
        double quadratic = 0;
        for (LogRegPartial part : partials) {
            quadratic += part.modelQuadratic();
        }
        if (partials.get(0).outerGradient().length > 0) {
            startOuterIteration(partials, schedule);
        } else if (lastParams.length > 0) {
            // The model along the last block's move δ is exactly t·slope + ½t²·c + λ·(penalty change), with
            // c = Σ_i D_i (x_i·δ)² / n from the workers' Σ D Δ² before and after it.
            double c = Math.max(0.0, (quadratic - lastQuadratic - 2 * lastCross) / n);
            double full = blockModelChange(1.0, c);
            if (full <= 0) {
                sweepDecrease -= full;
            } else {
                // Its coordinates interfered and the full move raised the model: settle on the best shorter
                // move (t = 0 takes it back). This round's sums were taken at the full move: no block this round.
                double best = 0;
                double bestChange = 0;
                double exact = c > 0 ? -lastSlope / c : 0; // minimizer of the smooth part
                for (double t = 0.5; t >= 1.0 / 64; t *= 0.5) {
                    for (double candidate : new double[] {t, exact > 0 && exact < 1 ? exact : t}) {
                        double change = blockModelChange(candidate, c);
                        if (change < bestChange) {
                            best = candidate;
                            bestChange = change;
                        }
                    }
                }
                sweepDecrease -= bestChange;
                if (best == 0) {
                    reverted++;
                } else {
                    shortenedBlocks++;
                }
                int[] params = lastParams;
                double[] correction = new double[params.length];
                for (int k = 0; k < params.length; k++) {
                    correction[k] = (best - 1) * lastDeltas[k];
                    moveDirection(params[k], correction[k]);
                }
                lastParams = NO_PARAMS;
                lastDeltas = NO_DELTAS;
                keepPriorities(schedule, changes);
                return LogRegCommit.inner(params, correction);
            }
        }
        if (innerRounds > 0 && windowRounds >= window) {
            phaseDecrease += sweepDecrease;
            // A phase without any progress yet goes on for a full sweep: with a small active set a window is one
            // round, and one idle round said nothing about the coordinates not yet visited (it ended phases at
            // d = 0). Once the model moved, a window's progress decides (a full sweep each time cost 2x on p >> n).
            boolean stalled = (phaseDecrease > 0 || innerRounds >= roundsPerSweep)
                    && sweepDecrease <= INNER_PROGRESS * phaseDecrease;
            sweepDecrease = 0;
            windowRounds = 0;
            window = windowFor(active);
            if (stalled || innerRounds >= MAX_INNER_SWEEPS * roundsPerSweep) {
                awaitingLineSearch = true;
                lastParams = NO_PARAMS;
                lastDeltas = NO_DELTAS;
                keepPriorities(schedule, changes);
                return LogRegCommit.lineSearch(NO_PARAMS, NO_DELTAS);
            }
        }
        int[] params = schedule.params();
        int from = schedule.from(0);
        int m = schedule.to(0) - from;
        int[] moved = new int[m];
        double[] deltas = new double[m];
        double[] startZ = new double[m];
        double slope = 0;
        double cross = 0;
        int count = 0;
        for (int k = 0; k < m; k++) {
            int j = params[from + k];
            double q = 0;
            for (LogRegPartial part : partials) {
                q += part.modelGradient()[k];
            }
            double g = (outerGradient[j] + q) / n;
            double h = outerCurvature[j] / n + MIN_CURVATURE;
            double z = w[j] + d[j];
            double step = direction(g, h, z, penalized[j]);
            double clipped = Math.max(-maxStep[j], Math.min(maxStep[j], d[j] + step)) - d[j];
            if (clipped == 0 || Math.abs(clipped) <= 1e-15 * Math.abs(z)) {
                report(changes, j, 0.0);
                idle++;
                continue;
            }
            slope += g * clipped;
            cross += clipped * q;
            startZ[count] = z;
            moveDirection(j, clipped);
            report(changes, j, Math.abs(clipped) * priorityScale[j]);
            moved[count] = j;
            deltas[count] = clipped;
            count++;
        }
        lastParams = Arrays.copyOf(moved, count);
        lastDeltas = Arrays.copyOf(deltas, count);
        lastStartZ = startZ;
        lastSlope = slope;
        lastCross = cross;
        lastQuadratic = quadratic;
        innerRounds++;
        windowRounds++;
        return LogRegCommit.inner(lastParams, lastDeltas);
    }

    private void report(ChangeSink changes, int j, double priority) {
        lastPriority[j] = priority;
        changes.changed(j, priority);
    }

    /**
     * For a round whose block is not updated (line search, outer step, block correction): the scheduler holds
     * scheduled coordinates at weight 0 until their change is reported, so report their last priority again.
     */
    private void keepPriorities(Schedule schedule, ChangeSink changes) {
        int[] params = schedule.params();
        for (int k = schedule.from(0); k < schedule.to(0); k++) {
            changes.changed(params[k], lastPriority[params[k]]);
        }
    }

    /** d_j += δ, keeping G·d, the penalty change and the active count up to date. */
    private void moveDirection(int j, double delta) {
        double before = d[j];
        double after = before + delta;
        if (before == 0 && w[j] == 0) {
            active++;
        }
        d[j] = after;
        gradientDotD += outerGradient[j] * delta;
        if (penalized[j]) {
            penaltyChangeOfD += Math.abs(w[j] + after) - Math.abs(w[j] + before);
        }
    }

    /** The model's change along the last block's move scaled by t: t·slope + ½t²·c + λ·Δpenalty. */
    private double blockModelChange(double t, double c) {
        double penalty = 0;
        for (int k = 0; k < lastParams.length; k++) {
            int j = lastParams[k];
            if (penalized[j]) {
                double z = lastStartZ[k];
                penalty += Math.abs(z + t * lastDeltas[k]) - Math.abs(z);
            }
        }
        return t * lastSlope + 0.5 * t * t * c + lambda * penalty;
    }

    private void startOuterIteration(List<LogRegPartial> partials, Schedule schedule) {
        Arrays.fill(outerGradient, 0.0);
        Arrays.fill(outerCurvature, 0.0);
        for (LogRegPartial part : partials) {
            double[] g = part.outerGradient();
            double[] h = part.outerCurvature();
            for (int j = 0; j < p; j++) {
                outerGradient[j] += g[j];
                outerCurvature[j] += h[j];
            }
        }
        Arrays.fill(d, 0.0);
        gradientDotD = 0;
        penaltyChangeOfD = 0;
        lastParams = NO_PARAMS;
        lastDeltas = NO_DELTAS;
        blockSize = Math.max(1, schedule.size());
        roundsPerSweep = Math.max(1, (p + blockSize - 1) / blockSize);
        active = 0;
        for (double v : w) {
            active += v != 0 ? 1 : 0;
        }
        // The first outer iteration from w = 0 has no active set yet: give it one sweep to find one.
        window = outerIterations == 0 && active == 0 ? roundsPerSweep : windowFor(active);
        windowRounds = 0;
        innerRounds = 0;
        phaseDecrease = 0;
        sweepDecrease = 0;
    }

    /** Rounds per progress check: enough to visit the active set twice, at most a sweep over all coordinates. */
    private int windowFor(int activeCount) {
        return Math.max(1, Math.min(roundsPerSweep, (2 * activeCount + blockSize - 1) / blockSize));
    }

    /** Armijo on the workers' line-search sums; commits α·d into w and returns α (0 when rejected). */
    private double chooseStep(List<LogRegPartial> partials, ChangeSink changes) {
        double[] sums = new double[LogRegPartial.LINE_SEARCH_SUMS];
        for (LogRegPartial part : partials) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] += part.lineSearch()[k];
            }
        }
        double predicted = gradientDotD / n + lambda * penaltyChangeOfD;
        double alpha = 0;
        double[] exact = LogRegPartial.EXACT_STEPS;
        for (int k = 0; k < exact.length && alpha == 0; k++) {
            if (passes(sums[k] / n + lambda * penaltyChange(exact[k]), exact[k], predicted)) {
                alpha = exact[k];
            }
        }
        double step = exact[exact.length - 1];
        for (int k = 0; k < MAX_HALVINGS && alpha == 0; k++) {
            step *= 0.5;
            double bound = (step * sums[3] + step * step * sums[4] / 8) / n;
            if (passes(bound + lambda * penaltyChange(step), step, predicted)) {
                alpha = step;
            }
        }
        outerIterations++;
        if (alpha == 0) {
            rejected++;
        } else if (alpha < 1) {
            shortened++;
        }
        if (alpha > 0 && predicted < 0) {
            movingSteps++;
        }
        for (int j = 0; j < p; j++) {
            if (d[j] != 0) {
                w[j] += alpha * d[j];
                if (!Double.isFinite(w[j])) {
                    throw new DivergenceException("logistic regression diverged: weight " + (j + 1)
                            + " became " + w[j] + " (lambda " + lambda + ")");
                }
            }
        }
        return alpha;
    }

    private static boolean passes(double change, double step, double predicted) {
        return change <= 0 && change <= SIGMA * step * predicted;
    }

    /** Σ over penalized coordinates of |w_j + α d_j| − |w_j|. */
    private double penaltyChange(double alpha) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            if (d[j] != 0 && penalized[j]) {
                s += Math.abs(w[j] + alpha * d[j]) - Math.abs(w[j]);
            }
        }
        return s;
    }

    /** argmin over δ of g·δ + ½h·δ² + λ|z + δ| (without the penalty for the bias): the proximal Newton step. */
    double direction(double g, double h, double z, boolean isPenalized) {
        if (!isPenalized) {
            return -g / h;
        }
        if (g + lambda <= h * z) {
            return -(g + lambda) / h;
        }
        if (g - lambda >= h * z) {
            return -(g - lambda) / h;
        }
        return -z;
    }

    /** |∂ˢF/∂w_j|: the smallest |subgradient| of coordinate j given the loss derivative g. */
    private double minNormSubgradient(double g, double wj, int j) {
        return MinNormSubgradient.of(g, wj, lambda, penalized[j]);
    }

    /**
     * Everything an outer iteration in progress depends on: w, the direction, the outer gradient and curvature,
     * the last block (a later pull may shorten or take it back), the inner phase's window and the counters. The
     * tolerances are left out: a resumed run may be given others.
     */
    @Override
    public void saveState(DataOutput out) throws IOException {
        for (double[] a : new double[][] {w, d, outerGradient, outerCurvature, lastPriority}) {
            StateIo.writeDoubles(out, a);
        }
        StateIo.writeDoubles(out, refreshedPriorities);
        StateIo.writeInts(out, lastParams);
        StateIo.writeDoubles(out, lastDeltas);
        StateIo.writeDoubles(out, lastStartZ);
        for (double v : new double[] {lambda, subgradientAtZero, previousObjective, gradientDotD, penaltyChangeOfD,
                lastSlope, lastCross, lastQuadratic, phaseDecrease, sweepDecrease}) {
            out.writeDouble(v);
        }
        for (long v : new long[] {outerAtPreviousEvaluation, movingSteps, rejected, shortened, idle, outerIterations,
                reverted, shortenedBlocks}) {
            out.writeLong(v);
        }
        for (int v : new int[] {smallDecreases, active, window, windowRounds, roundsPerSweep, blockSize,
                innerRounds}) {
            out.writeInt(v);
        }
        out.writeBoolean(awaitingLineSearch);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        for (double[] a : new double[][] {w, d, outerGradient, outerCurvature, lastPriority}) {
            StateIo.readDoubles(in, a, "a coefficient vector");
        }
        refreshedPriorities = StateIo.readDoubles(in, p, "the refreshed priorities");
        if (refreshedPriorities != null && refreshedPriorities.length != p) {
            throw new IOException("the refreshed priorities have " + refreshedPriorities.length + " entries, not " + p);
        }
        lastParams = StateIo.readInts(in, p, "the last block");
        lastDeltas = StateIo.readDoubles(in, p, "the last block's steps");
        lastStartZ = StateIo.readDoubles(in, p, "the last block's starting points");
        // lastStartZ outlives the block it was taken for (it is only read with the block), so its length is free.
        if (lastParams == null || lastDeltas == null || lastStartZ == null || lastDeltas.length != lastParams.length) {
            throw new IOException("the last block's arrays do not match");
        }
        for (int j : lastParams) {
            if (j < 0 || j >= p) {
                throw new IOException("the last block has coordinate " + j + " of " + p);
            }
        }
        double savedLambda = in.readDouble();
        if (savedLambda != lambda) {
            throw new IOException("the state was saved at lambda " + savedLambda + ", this run is at " + lambda);
        }
        subgradientAtZero = in.readDouble();
        previousObjective = in.readDouble();
        gradientDotD = in.readDouble();
        penaltyChangeOfD = in.readDouble();
        lastSlope = in.readDouble();
        lastCross = in.readDouble();
        lastQuadratic = in.readDouble();
        phaseDecrease = in.readDouble();
        sweepDecrease = in.readDouble();
        outerAtPreviousEvaluation = in.readLong();
        movingSteps = in.readLong();
        rejected = in.readLong();
        shortened = in.readLong();
        idle = in.readLong();
        outerIterations = in.readLong();
        reverted = in.readLong();
        shortenedBlocks = in.readLong();
        smallDecreases = in.readInt();
        active = in.readInt();
        window = in.readInt();
        windowRounds = in.readInt();
        roundsPerSweep = in.readInt();
        blockSize = in.readInt();
        innerRounds = in.readInt();
        awaitingLineSearch = in.readBoolean();
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
        // w only moves at outer steps: evaluations inside one inner phase see the same objective, which says
        // nothing about progress. Judge the decrease only across outer steps that moved w along a descent
        // direction (a rejected step, or one along d = 0, is no evidence of convergence).
        if (movingSteps > outerAtPreviousEvaluation && !Double.isNaN(previousObjective)) {
            smallDecreases = previousObjective - objective <= relTolerance * Math.abs(objective) ? smallDecreases + 1 : 0;
        }
        if (movingSteps > outerAtPreviousEvaluation || Double.isNaN(previousObjective)) {
            previousObjective = objective;
            outerAtPreviousEvaluation = movingSteps;
        }
        boolean stalled = relTolerance > 0 && smallDecreases >= STALLED_EVALUATIONS;
        return Evaluation.objective(objective)
                .put(SUBGRADIENT, relative)
                .put(SUBGRADIENT_TARGET, tolerance * stopFactor)
                .put(NNZ, nnz)
                .put(LAMBDA, lambda)
                .put(LOGLOSS, loss / n)
                .put(REJECTED, rejected)
                .put(SHORTENED, shortened)
                .put(IDLE, idle)
                .put(OUTER, outerIterations)
                .put(REVERTED, reverted)
                .put(SHORTENED_BLOCKS, shortenedBlocks)
                .converged(relative <= tolerance * stopFactor || stalled)
                .build();
    }
}
