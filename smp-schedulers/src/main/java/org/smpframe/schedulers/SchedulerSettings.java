package org.smpframe.schedulers;

/**
 * Tuning of the schedulers in this module. Immutable; build with {@link #builder()}.
 *
 * @param blockSize           L: parameters scheduled per round, in total over all workers (clamped to the number
 *                            of parameters when a scheduler is initialised)
 * @param candidateFactor     the dynamic scheduler samples L' = min(p, candidateFactor · L) candidates per round
 *                            before its dependency filter keeps at most L of them
 * @param rho                 ρ: two parameters whose dependency is ≥ ρ are never scheduled in the same round.
 *                            Dependencies lie in [0, 1], so a ρ above 1 switches the filter off
 * @param etaFraction         η = etaFraction · (mean of the nonzero weights): the priority floor that keeps
 *                            parameters whose last change was 0 from starving; 0 disables it (they are then only
 *                            drawn once the weighted mass of a round is used up)
 * @param warmupSweeps        the dynamic scheduler samples candidates uniformly until warmupSweeps · p updates
 *                            have been observed (weights are meaningless before every parameter moved once)
 * @param dependencyCacheBits log2 of the number of entries of the dynamic scheduler's pair cache (12 bytes each);
 *                            that memory is also the budget under which few parameters get an exact table of
 *                            every pair instead (4 bytes a pair: up to 1,254 parameters with the default 18)
 */
public record SchedulerSettings(int blockSize, int candidateFactor, double rho, double etaFraction,
                                double warmupSweeps, int dependencyCacheBits) {

    /**
     * A ρ above every dependency: the dynamic scheduler keeps its priorities and skips the filter (the value
     * "--rho off" stands for).
     */
    public static final double NO_FILTER = 2.0;

    /** Largest cache: 2^30 entries already take 12 GiB, anything larger is certainly a mistake. */
    public static final int MAX_CACHE_BITS = 30;

    public SchedulerSettings {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("blockSize must be positive, got " + blockSize);
        }
        if (candidateFactor <= 0) {
            throw new IllegalArgumentException("candidateFactor must be positive, got " + candidateFactor);
        }
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be a finite number > 0 (dependencies >= rho are never "
                    + "scheduled together; use a value > 1 to switch the filter off), got " + rho);
        }
        if (!(etaFraction >= 0) || Double.isInfinite(etaFraction)) {
            throw new IllegalArgumentException("etaFraction must be a finite number >= 0, got " + etaFraction);
        }
        if (!(warmupSweeps >= 0) || Double.isInfinite(warmupSweeps)) {
            throw new IllegalArgumentException("warmupSweeps must be a finite number >= 0, got " + warmupSweeps);
        }
        if (dependencyCacheBits < 0 || dependencyCacheBits > MAX_CACHE_BITS) {
            throw new IllegalArgumentException("dependencyCacheBits must be in [0, " + MAX_CACHE_BITS + "], got "
                    + dependencyCacheBits);
        }
    }

    /**
     * Rounds for one sweep's worth of updates over {@code numParameters} parameters, ⌈p / L⌉ with L capped at p:
     * the apps' default evaluation interval.
     */
    public int roundsPerSweep(int numParameters) {
        int perRound = Math.max(1, Math.min(blockSize, numParameters));
        return Math.max(1, (numParameters + perRound - 1) / perRound);
    }

    /**
     * L = 16, L' = 4L, ρ = 0.1, η = 1% of the mean nonzero weight, 1 warm-up sweep, a 2^18-entry pair cache (an
     * exact table of every pair up to 1,254 parameters).
     */
    public static SchedulerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().blockSize(blockSize).candidateFactor(candidateFactor).rho(rho).etaFraction(etaFraction)
                .warmupSweeps(warmupSweeps).dependencyCacheBits(dependencyCacheBits);
    }

    /** Starts from {@link #defaults()}; validation happens in {@link #build()}. */
    public static final class Builder {
        private int blockSize = 16;
        private int candidateFactor = 4;
        private double rho = 0.1;
        private double etaFraction = 0.01;
        private double warmupSweeps = 1.0;
        private int dependencyCacheBits = 18;

        private Builder() {
        }

        public Builder blockSize(int v) {
            blockSize = v;
            return this;
        }

        public Builder candidateFactor(int v) {
            candidateFactor = v;
            return this;
        }

        public Builder rho(double v) {
            rho = v;
            return this;
        }

        public Builder etaFraction(double v) {
            etaFraction = v;
            return this;
        }

        public Builder warmupSweeps(double v) {
            warmupSweeps = v;
            return this;
        }

        public Builder dependencyCacheBits(int v) {
            dependencyCacheBits = v;
            return this;
        }

        public SchedulerSettings build() {
            return new SchedulerSettings(blockSize, candidateFactor, rho, etaFraction, warmupSweeps,
                    dependencyCacheBits);
        }
    }
}
