package org.smpframe.lasso;

import org.smpframe.linear.Layout;
import org.smpframe.schedulers.SchedulerSettings;

/**
 * How to fit a Lasso: one λ, or a regularization path of {@code pathLength} values from λ_max down to
 * {@code pathRatio}·λ_max on a log grid (warm starts, as glmnet).
 *
 * @param lambda          the penalty when {@code pathLength == 0}
 * @param pathLength      number of λ values on the path, 0 for a single λ
 * @param pathRatio       ε: the path ends at ε·λ_max
 * @param tolerance       stop each λ when the duality gap ≤ tolerance · objective
 * @param maxRounds       round limit for each λ
 * @param timeLimitSeconds solver time limit for each λ; ≤ 0 for none
 * @param scheduler       scheduler name: "smp", "random" or "cyclic"
 * @param scheduling      block size (coordinates per round), ρ, η and the other scheduler settings
 * @param pipelineDepth   how many rounds the scheduler may run ahead (0 = synchronous)
 * @param evaluateEvery   rounds between evaluations; 0 = about once per p coordinate updates
 * @param intercept       fit an unpenalized intercept
 * @param standardize     normalize columns to unit variance before fitting (coefficients reported on the original scale)
 * @param seed            seed of the scheduler
 * @param verifyWireFormats encode and decode every message even in one JVM (see RunOptions)
 * @param covarianceUpdates workers compute partials from their shard's Gram matrix (O(1) per coordinate, 8p² bytes
 *                          each; for tall data) instead of a pass over the rows ({@link LassoCovarianceWorker}); rows
 *                          layout only
 * @param layout          "rows", "features" or "auto" ({@link Layout}): how the problem is spread over workers; auto
 *                        picks rows for tall data and features otherwise
 */
public record LassoConfig(double lambda, int pathLength, double pathRatio, double tolerance, long maxRounds,
                          double timeLimitSeconds, String scheduler, SchedulerSettings scheduling, int pipelineDepth,
                          int evaluateEvery, boolean intercept, boolean standardize, long seed,
                          boolean verifyWireFormats, boolean covarianceUpdates, String layout) {
    public LassoConfig {
        if (layout == null) {
            layout = "auto";
        }
        Layout.parse(layout, 1, 1); // an unknown name fails here
        if (covarianceUpdates && layout.equals("features")) {
            throw new IllegalArgumentException("covariance updates are for the rows layout (tall data); with "
                    + "--layout features every worker already does its updates from its own columns");
        }
        if (pathLength == 0 && !(lambda > 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be a finite number > 0 (or give a path length), got " + lambda);
        }
        if (pathLength < 0 || pathLength == 1) {
            throw new IllegalArgumentException("the path needs at least 2 values of lambda, got " + pathLength);
        }
        if (!(pathRatio > 0 && pathRatio < 1)) {
            throw new IllegalArgumentException("the path ratio must be in (0, 1), got " + pathRatio);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
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

    /** The layout for {@code data}: the configured one, or auto's choice for its shape; rows with covariance updates. */
    public Layout layoutFor(long rows, long features) {
        if (covarianceUpdates) {
            return Layout.ROWS;
        }
        return Layout.parse(layout, rows, features);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: λ = 0.1, gap tolerance 1e-6, smp scheduler with 32 coordinates per round and otherwise
     * {@link SchedulerSettings#defaults()}, pipeline depth 1.
     */
    public static final class Builder {
        private double lambda = 0.1;
        private int pathLength;
        private double pathRatio = 1e-3;
        private double tolerance = 1e-6;
        private long maxRounds = 1_000_000;
        private double timeLimitSeconds;
        private String scheduler = "smp";
        private SchedulerSettings.Builder scheduling = SchedulerSettings.defaults().toBuilder().blockSize(32);
        private int pipelineDepth = 1;
        private int evaluateEvery;
        private boolean intercept = true;
        private boolean standardize;
        private long seed = 1;
        private boolean verifyWireFormats;
        private boolean covarianceUpdates;
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

        public Builder rho(double v) {
            scheduling.rho(v);
            return this;
        }

        /** All scheduler settings at once (replaces block size and ρ set before). */
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

        public Builder intercept(boolean v) {
            intercept = v;
            return this;
        }

        public Builder standardize(boolean v) {
            standardize = v;
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

        public Builder covarianceUpdates(boolean v) {
            covarianceUpdates = v;
            return this;
        }

        /** "rows", "features" or "auto". */
        public Builder layout(String v) {
            layout = v;
            return this;
        }

        public LassoConfig build() {
            return new LassoConfig(lambda, pathLength, pathRatio, tolerance, maxRounds, timeLimitSeconds, scheduler,
                    scheduling.build(), pipelineDepth, evaluateEvery, intercept, standardize, seed, verifyWireFormats,
                    covarianceUpdates, layout);
        }
    }
}
