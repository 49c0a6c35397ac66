package org.smpframe.api;

/**
 * How strongly two parameters interfere when updated in the same round, in [0, 1]: 0 = independent.
 * For linear models, the absolute correlation of the two feature columns |x_jᵀx_k| / (‖x_j‖ ‖x_k‖).
 * Implementations must be safe to call from the scheduler's thread while workers run.
 */
@FunctionalInterface
public interface DependencyOracle {
    double dependency(int a, int b);

    /**
     * A filter that checks a candidate against a whole block at once, for oracles that can do that faster than
     * pair by pair (sparse feature columns: one pass over the candidate's nonzeros finds every column it shares
     * a row with). Null, the default, means the scheduler asks {@link #dependency} pair by pair (and may cache
     * the answers).
     */
    default BlockFilter blockFilter(double rho) {
        return null;
    }

    /**
     * Called once by a scheduler that will ask, from the thread that initialises it and before its first question:
     * an oracle builds what its answers need here (a copy of the data in the layout its questions read), outside
     * the rounds' time and before the scheduler's own thread starts. A scheduler that never asks (no dependency
     * filter) does not call it, so nothing is built. The default does nothing.
     */
    default void prepare() {
    }

    /** Every pair independent: a dependency filter keeps everything. */
    DependencyOracle NONE = (a, b) -> 0.0;

    /**
     * Where pair (lo, hi), lo &lt; hi &lt; p, goes in an array of the p(p − 1)/2 pairs of p parameters, for memories
     * of answers: lo·(2p − lo − 1)/2 + (hi − lo − 1), row lo of the strict upper triangle.
     */
    static long pairSlot(int lo, int hi, int p) {
        return (long) lo * (2L * p - lo - 1) / 2 + (hi - lo - 1);
    }
}
