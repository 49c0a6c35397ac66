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

    /** Every pair independent: a dependency filter keeps everything. */
    DependencyOracle NONE = (a, b) -> 0.0;
}
