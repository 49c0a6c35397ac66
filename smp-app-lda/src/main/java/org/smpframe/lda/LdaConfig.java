package org.smpframe.lda;

/**
 * Settings of an LDA run.
 *
 * @param topics           K
 * @param alpha            symmetric Dirichlet prior on document-topic proportions, per topic (NaN = 50/K)
 * @param beta             symmetric Dirichlet prior on topic-word distributions
 * @param method           rotation (model parallel, default) or the data-parallel baseline
 * @param iterations       Gibbs sweeps over all tokens
 * @param evaluateEvery    compute the log-likelihood every this many iterations (and after the last)
 * @param blocksPerWorker  vocabulary blocks per worker in the rotation
 * @param seed             seed of the initial assignment and of the samplers; equal seeds give equal runs
 * @param timeLimitSeconds stop after this much sampling time; &lt;= 0 for none
 * @param checkInvariants  after every sub-round, check every count (Σ = tokens, none negative); for tests
 * @param verifyWireFormats pass every message and block through its binary encoding (as a cluster would)
 */
public record LdaConfig(int topics, double alpha, double beta, LdaMethod method, int iterations, int evaluateEvery,
                        int blocksPerWorker, long seed, double timeLimitSeconds, boolean checkInvariants,
                        boolean verifyWireFormats) {
    public LdaConfig {
        if (topics < 2 || topics > (1 << 20)) {
            throw new IllegalArgumentException("topics must be in 2 .. 2^20, got " + topics);
        }
        if (Double.isNaN(alpha)) {
            alpha = 50.0 / topics;
        }
        // Beyond these the log-likelihood's lnΓ terms overflow or cancel to nothing.
        if (!(alpha >= 1e-100 && alpha <= 1e6)) {
            throw new IllegalArgumentException("alpha must be in [1e-100, 1e6], got " + alpha);
        }
        if (!(beta >= 1e-100 && beta <= 1e6)) {
            throw new IllegalArgumentException("beta must be in [1e-100, 1e6], got " + beta);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (evaluateEvery < 1) {
            throw new IllegalArgumentException("evaluate-every must be >= 1, got " + evaluateEvery);
        }
        if (blocksPerWorker < 1 || blocksPerWorker > 64) {
            // A document is recounted once per block it has words in, so many blocks cost passes.
            throw new IllegalArgumentException("blocks per worker must be in 1 .. 64, got " + blocksPerWorker);
        }
        if (method == null) {
            throw new IllegalArgumentException("method must be set");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().topics(topics).alpha(alpha).beta(beta).method(method).iterations(iterations)
                .evaluateEvery(evaluateEvery).blocksPerWorker(blocksPerWorker).seed(seed)
                .timeLimitSeconds(timeLimitSeconds).checkInvariants(checkInvariants)
                .verifyWireFormats(verifyWireFormats);
    }

    /** Defaults: 100 topics, α = 50/K, β = 0.01, rotation, 100 iterations, evaluated every 10, seed 1. */
    public static final class Builder {
        private int topics = 100;
        private double alpha = Double.NaN;
        private double beta = 0.01;
        private LdaMethod method = LdaMethod.ROTATION;
        private int iterations = 100;
        private int evaluateEvery = 10;
        private int blocksPerWorker = 1;
        private long seed = 1;
        private double timeLimitSeconds;
        private boolean checkInvariants;
        private boolean verifyWireFormats;

        public Builder topics(int v) {
            topics = v;
            return this;
        }

        /** Per-topic α; NaN (the default) means 50/K. */
        public Builder alpha(double v) {
            alpha = v;
            return this;
        }

        public Builder beta(double v) {
            beta = v;
            return this;
        }

        public Builder method(LdaMethod v) {
            method = v;
            return this;
        }

        public Builder iterations(int v) {
            iterations = v;
            return this;
        }

        public Builder evaluateEvery(int v) {
            evaluateEvery = v;
            return this;
        }

        public Builder blocksPerWorker(int v) {
            blocksPerWorker = v;
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

        public Builder checkInvariants(boolean v) {
            checkInvariants = v;
            return this;
        }

        public Builder verifyWireFormats(boolean v) {
            verifyWireFormats = v;
            return this;
        }

        public LdaConfig build() {
            return new LdaConfig(topics, alpha, beta, method, iterations, evaluateEvery, blocksPerWorker, seed,
                    timeLimitSeconds, checkInvariants, verifyWireFormats);
        }
    }
}
