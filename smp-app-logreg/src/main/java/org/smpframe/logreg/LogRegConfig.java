package org.smpframe.logreg;

import org.smpframe.linear.Layout;
import org.smpframe.schedulers.SchedulerSettings;

/**
 * How to fit a sparse logistic regression: one λ, or a path of {@code pathLength} values from λ_max down to
 * {@code pathRatio}·λ_max on a log grid (warm starts).
 *
 * <p>liblinear's L1R_LR minimizes ‖w‖₁ + C Σ_i log(1 + exp(−y_i w·x_i)); that is n·C times this objective
 * with λ = 1 / (n·C), so the two give the same w for C = 1 / (n·λ) ({@link #lambdaForC}).
 *
 * @param lambda           the penalty when {@code pathLength == 0}
 * @param pathLength       number of λ values on the path, 0 for a single λ
 * @param pathRatio        ε: the path ends at ε·λ_max
 * @param tolerance        ε of the subgradient stopping rule, as liblinear's -e (default 0.01)
 * @param relTolerance     also stop when 3 consecutive evaluations improved the objective by less than this,
 *                         relative; 0 = off (the default)
 * @param bias             fit an unpenalized bias
 * @param standardize      divide features by their standard deviation before fitting (weights reported on the
 *                         original scale)
 * @param maxRounds        round limit for each λ
 * @param timeLimitSeconds solver time limit for each λ; ≤ 0 for none
 * @param scheduler        "smp", "random" or "cyclic"
 * @param scheduling       block size, ρ, η and the other scheduler settings
 * @param pipelineDepth    how many rounds the scheduler may run ahead (0 = synchronous)
 * @param evaluateEvery    rounds between evaluations; 0 = about once per p coordinate updates
 * @param seed             seed of the scheduler
 * @param verifyWireFormats encode and decode every message even in one JVM
 * @param traceMetrics     compute train (and test) accuracy, log-loss and AUC at every evaluation, not only at the
 *                         end of each λ (one pass over the data and a sort per evaluation)
 * @param layout           "rows", "features" or "auto" ({@link Layout}): how the problem is spread over workers;
 *                         auto is {@link #autoLayout}
 */
public record LogRegConfig(double lambda, int pathLength, double pathRatio, double tolerance, double relTolerance,
                           boolean bias, boolean standardize, long maxRounds, double timeLimitSeconds, String scheduler,
                           SchedulerSettings scheduling, int pipelineDepth, int evaluateEvery, long seed,
                           boolean verifyWireFormats, boolean traceMetrics, String layout) {
    public LogRegConfig {
        if (layout == null) {
            layout = "auto";
        }
        Layout.parse(layout, 1, 1); // an unknown name fails here
        if (pathLength == 0 && !(lambda > 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be a finite number > 0 (or give a path length), got " + lambda);
        }
        if (pathLength < 0 || pathLength == 1) {
            throw new IllegalArgumentException("the path needs at least 2 values of lambda, got " + pathLength);
        }
        if (!(pathRatio > 0 && pathRatio < 1)) {
            throw new IllegalArgumentException("the path ratio must be in (0, 1), got " + pathRatio);
        }
        if (!(tolerance >= 0) || !(relTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got " + tolerance + " and " + relTolerance);
        }
        if (maxRounds <= 0) {
            throw new IllegalArgumentException("max rounds must be positive, got " + maxRounds);
        }
        if (scheduling == null || scheduler == null) {
            throw new IllegalArgumentException("a scheduler and its settings are required");
        }
        if (pipelineDepth < 0) {
            throw new IllegalArgumentException("pipeline depth must be >= 0, got " + pipelineDepth);
        }
        if (evaluateEvery < 0) {
            throw new IllegalArgumentException("evaluate-every must be >= 0, got " + evaluateEvery);
        }
    }

    public boolean isPath() {
        return pathLength > 0;
    }

    /** The layout for data of this shape: the configured one, or {@link #autoLayout}. */
    public Layout layoutFor(long rows, long features) {
        return Layout.parse(layout, autoLayout(rows, features));
    }

    /**
     * Auto's layout: features for every shape. Measured against liblinear in one run (LogRegPeerBenchmark,
     * docs/benchmarks-peers.md), the feature layout was faster than the rows layout on tall a9a (2.3x vs 6.9x
     * liblinear's time to 1e-4, one worker) and w8a (2.2x vs 3.8x) as on p ≫ n ARCENE and Golub (0.53x vs 25x
     * and 0.37x vs 70x): a round is a Newton step over a whole working set, where the rows layout pays a reduction per
     * block of 16 coordinates.
     */
    public static Layout autoLayout(long rows, long features) {
        return Layout.FEATURES;
    }

    /** The λ of this objective that has the same solution as liblinear's L1R_LR with cost C on n rows. */
    public static double lambdaForC(double c, int n) {
        return 1.0 / (n * c);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: λ = 0.01, liblinear's ε = 0.01, no relative-decrease stop, bias on, smp scheduler with 16
     * coordinates per round, one candidate per slot, priority floor η = 0.1, no dependency filter, pipeline depth 0
     * (synchronous).
     */
    public static final class Builder {
        private double lambda = 0.01;
        private int pathLength;
        private double pathRatio = 1e-2;
        private double tolerance = 0.01;
        private double relTolerance; // off: see LogRegAggregator's stopping rules
        private boolean bias = true;
        private boolean standardize;
        private long maxRounds = 10_000_000;
        private double timeLimitSeconds;
        private String scheduler = "smp";
        // η = 0.1 (rounds to liblinear's objective, smp vs random at L = 16: a9a 602 vs 623, Golub 1335 vs 2225,
        // ARCENE 1250 vs 1875, 2000 x 20000 synthetic 5000 vs 17500; η = 0.01 lost on a9a, η = 1 everywhere).
        // One candidate per slot (no extra draws for the filter to choose from): inner rounds are only
        // multiply-adds, so the scheduler's own cost decides (Golub: 0.037 s vs 0.083 s with 4 candidates per slot,
        // a9a 0.23 vs 0.37 s, synthetic 0.079 vs 0.106 s to liblinear's objective).
        // No dependency filter: the aggregator already shortens or takes back a block whose coordinates interfered,
        // so the filter only trades fewer updates for smaller rounds and the pair checks. Time to liblinear's
        // objective at P = 1 / 2 without vs with ρ = 0.1 (docs/benchmarks-logreg.md): ARCENE 0.006 / 0.007 s vs
        // 0.032 / 0.032 s, Golub 0.013 / 0.010 vs 0.032 / 0.022, 2000 x 20000 synthetic 0.027 / 0.034 vs 0.065 /
        // 0.068, w8a 0.070 / 0.045 vs 0.070 / 0.050; only a9a (123 columns, pair checks are look-ups) was faster
        // with it, 0.191 / 0.097 vs 0.152 / 0.076.
        private SchedulerSettings.Builder scheduling = SchedulerSettings.defaults().toBuilder().blockSize(16)
                .etaFraction(0.1).candidateFactor(1).rho(SchedulerSettings.NO_FILTER);
        // Depth 0: a logistic round is often a few microseconds of work, and handing schedules over from a
        // scheduler thread cost ~15 µs a round on 2 cores (2000 x 20000 sparse: random 2.4 vs 17 µs a round).
        private int pipelineDepth = 0;
        private int evaluateEvery;
        private long seed = 1;
        private boolean verifyWireFormats;
        private boolean traceMetrics = true;
        private String layout = "auto";

        public Builder lambda(double v) {
            lambda = v;
            pathLength = 0;
            return this;
        }

        public Builder path(int length, double ratio) {
            pathLength = length;
            pathRatio = ratio;
            return this;
        }

        public Builder tolerance(double v) {
            tolerance = v;
            return this;
        }

        public Builder relTolerance(double v) {
            relTolerance = v;
            return this;
        }

        public Builder bias(boolean v) {
            bias = v;
            return this;
        }

        public Builder standardize(boolean v) {
            standardize = v;
            return this;
        }

        public Builder maxRounds(long v) {
            maxRounds = v;
            return this;
        }

        public Builder timeLimitSeconds(double v) {
            timeLimitSeconds = v;
            return this;
        }

        public Builder scheduler(String v) {
            scheduler = v;
            return this;
        }

        public Builder blockSize(int v) {
            scheduling.blockSize(v);
            return this;
        }

        /** ρ of the smp scheduler's dependency filter; {@link SchedulerSettings#NO_FILTER} (the default) for none. */
        public Builder rho(double v) {
            scheduling.rho(v);
            return this;
        }

        /** All scheduler settings at once (replaces the block size set before). */
        public Builder scheduling(SchedulerSettings v) {
            scheduling = v.toBuilder();
            return this;
        }

        public Builder pipelineDepth(int v) {
            pipelineDepth = v;
            return this;
        }

        public Builder evaluateEvery(int v) {
            evaluateEvery = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder verifyWireFormats(boolean v) {
            verifyWireFormats = v;
            return this;
        }

        public Builder traceMetrics(boolean v) {
            traceMetrics = v;
            return this;
        }

        /** "rows", "features" or "auto". */
        public Builder layout(String v) {
            layout = v;
            return this;
        }

        public LogRegConfig build() {
            return new LogRegConfig(lambda, pathLength, pathRatio, tolerance, relTolerance, bias, standardize, maxRounds,
                    timeLimitSeconds, scheduler, scheduling.build(), pipelineDepth, evaluateEvery, seed,
                    verifyWireFormats, traceMetrics, layout);
        }
    }
}
