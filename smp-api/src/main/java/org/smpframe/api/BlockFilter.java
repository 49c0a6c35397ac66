package org.smpframe.api;

/**
 * Builds one round's block under a dependency threshold ρ: a parameter is admitted only if its dependency with
 * every parameter admitted since the last {@link #clear} is below ρ (a dependency that cannot be told, NaN,
 * counts as ≥ ρ). Obtained from {@link DependencyOracle#blockFilter}; used from one thread at a time.
 */
public interface BlockFilter {
    /** Starts a new block. */
    void clear();

    /** Admits {@code param} if it is independent of every parameter admitted so far; returns whether it did. */
    boolean admit(int param);
}
