package org.smpframe.mf;

/**
 * Settings of a matrix factorization run.
 *
 * @param rank              latent factors k
 * @param lambda            L2 penalty λ (see {@link Regularization})
 * @param regularization    weighted (by rating counts, the default) or plain penalty
 * @param biases            model the global mean and user and item biases as well
 * @param method            scheduled CCD++ on the rotation (default) or the Hogwild SGD baseline
 * @param iterations        outer iterations: CCD++ sweeps over all columns, or SGD epochs
 * @param innerIterations   CCD++ alternations between a column of W and of H before moving to the next column
 * @param blocksPerWorker   item blocks per worker in the rotation (more = smaller pieces to move)
 * @param tolerance         stop when an iteration lowers the objective by less than this fraction; 0 = never
 * @param learningRate      SGD step size at epoch 0
 * @param decay             SGD step size at epoch e is learningRate / (1 + decay·e^1.5)
 * @param mergesPerEpoch    SGD: how often per epoch the workers' item-factor copies are merged
 * @param initScale         initial H entries are uniform in [0, initScale)
 * @param seed              seed of the initial factors and of SGD's order; equal seeds give equal runs
 * @param timeLimitSeconds  stop after this much solver time; &lt;= 0 for none
 * @param verifyWireFormats pass every message through its binary encoding (as a cluster would)
 */
public record MfConfig(int rank, double lambda, Regularization regularization, boolean biases, MfMethod method,
                       int iterations, int innerIterations, int blocksPerWorker, double tolerance,
                       double learningRate, double decay, int mergesPerEpoch, double initScale, long seed,
                       double timeLimitSeconds, boolean verifyWireFormats) {
    public MfConfig {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (innerIterations < 1) {
            throw new IllegalArgumentException("inner iterations must be >= 1, got " + innerIterations);
        }
        if (blocksPerWorker < 1 || blocksPerWorker > 64) {
            // Each cell keeps a row pointer per user of its worker: many blocks cost memory and passes.
            throw new IllegalArgumentException("blocks per worker must be in 1 .. 64, got " + blocksPerWorker);
        }
        if (rank > 100_000 || (long) rank * innerIterations > 10_000_000) {
            throw new IllegalArgumentException("rank (" + rank + ") times inner iterations (" + innerIterations
                    + ") is beyond what a factorization can use (rank <= 100000, product <= 10^7)");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("decay must be a finite number >= 0, got " + decay);
        }
        if (mergesPerEpoch < 1) {
            throw new IllegalArgumentException("merges per epoch must be >= 1, got " + mergesPerEpoch);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("init scale must be a finite number > 0, got " + initScale);
        }
        if (regularization == null || method == null) {
            throw new IllegalArgumentException("regularization and method must be set");
        }
    }

    public FactorColumns columns() {
        return new FactorColumns(rank, biases);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().rank(rank).lambda(lambda).regularization(regularization).biases(biases).method(method)
                .iterations(iterations).innerIterations(innerIterations).blocksPerWorker(blocksPerWorker)
                .tolerance(tolerance).learningRate(learningRate).decay(decay).mergesPerEpoch(mergesPerEpoch)
                .initScale(initScale).seed(seed).timeLimitSeconds(timeLimitSeconds)
                .verifyWireFormats(verifyWireFormats);
    }

    /**
     * Defaults: rank 10, λ 0.05 weighted, no biases, rotation, 20 iterations of 3 inner alternations (enough on
     * MovieLens-sized data; more inner iterations fit each column more exactly but cost a pass each), one
     * block per worker, no tolerance stop; SGD: step 0.03, decay 0.05, 10 merges per epoch; init scale 0.1,
     * seed 1, no time limit.
     */
    public static final class Builder {
        private int rank = 10;
        private double lambda = 0.05;
        private Regularization regularization = Regularization.WEIGHTED;
        private boolean biases;
        private MfMethod method = MfMethod.ROTATION;
        private int iterations = 20;
        private int innerIterations = 3;
        private int blocksPerWorker = 1;
        private double tolerance;
        private double learningRate = 0.03;
        private double decay = 0.05;
        private int mergesPerEpoch = 10;
        private double initScale = 0.1;
        private long seed = 1;
        private double timeLimitSeconds;
        private boolean verifyWireFormats;

        public Builder rank(int v) {
            rank = v;
            return this;
        }

        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        public Builder regularization(Regularization v) {
            regularization = v;
            return this;
        }

        public Builder biases(boolean v) {
            biases = v;
            return this;
        }

        public Builder method(MfMethod v) {
            method = v;
            return this;
        }

        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        public Builder innerIterations(int v) {
            innerIterations = v;
            return this;
        }

        public Builder blocksPerWorker(int v) {
            blocksPerWorker = v;
            return this;
        }

        public Builder tolerance(double v) {
            tolerance = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder decay(double v) {
            decay = v;
            return this;
        }

        public Builder mergesPerEpoch(int v) {
            mergesPerEpoch = v;
            return this;
        }

        public Builder initScale(double v) {
            initScale = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder timeLimitSeconds(double v) {
            timeLimitSeconds = v;
            return this;
        }

        public Builder verifyWireFormats(boolean v) {
            verifyWireFormats = v;
            return this;
        }

        public MfConfig build() {
            return new MfConfig(rank, lambda, regularization, biases, method, iterations, innerIterations,
                    blocksPerWorker, tolerance, learningRate, decay, mergesPerEpoch, initScale, seed,
                    timeLimitSeconds, verifyWireFormats);
        }
    }
}
