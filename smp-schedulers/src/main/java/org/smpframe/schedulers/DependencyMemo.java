package org.smpframe.schedulers;

import org.smpframe.api.DependencyOracle;

/**
 * Answers "is dependency(a, b) &lt; ρ?" for the dynamic scheduler's filter and remembers what the oracle said, so
 * that pairs that come back cost no oracle call (for a linear model, no dot product of two feature columns, which
 * on tall data is hundreds of thousands of multiply-adds). A memo never changes an answer, it only saves calls:
 * values are kept as {@code float}, nudged to stay on the same side of ρ as the oracle's double
 * ({@link #sameSideFloat}), and the oracle is always asked as {@code dependency(min, max)}, so a remembered and a
 * fresh answer agree even for an oracle that is not quite symmetric (rounding of a dot product).
 */
abstract class DependencyMemo {
    private final DependencyOracle oracle;
    /** ρ: pairs with dependency ≥ ρ are never scheduled together. */
    final double rho;
    private long lookups;
    private long hits;

    DependencyMemo(DependencyOracle oracle, double rho) {
        this.oracle = oracle;
        this.rho = rho;
    }

    /**
     * The memo for a filter over {@code numParameters} parameters with these settings: an exact table of every
     * pair when it fits the cache's memory ({@link DynamicScheduler#usesTable}), else the direct-mapped cache.
     */
    static DependencyMemo create(DependencyOracle oracle, SchedulerSettings settings, int numParameters) {
        if (DynamicScheduler.usesTable(settings, numParameters)) {
            return new DependencyTable(oracle, settings.rho(), numParameters);
        }
        return new DependencyCache(oracle, settings.rho(), DynamicScheduler.cacheBits(settings.dependencyCacheBits(),
                numParameters));
    }

    /** Whether parameters a and b (distinct) may be updated in the same round: dependency(a, b) &lt; ρ. */
    abstract boolean independent(int a, int b);

    /** Pair questions asked. */
    final long lookups() {
        return lookups;
    }

    /** Pair questions answered without asking the oracle. */
    final long hits() {
        return hits;
    }

    /** Counts a question; the implementations call it once per {@link #independent} call. */
    final void countLookup() {
        lookups++;
    }

    /** A remembered answer: counts the hit and decides it ("&lt; ρ" is false for NaN: "cannot tell" conflicts). */
    final boolean decide(float remembered) {
        hits++;
        return remembered < rho;
    }

    /**
     * The oracle's answer for (lo, hi), in that order, as the float to remember: it decides exactly as the oracle's
     * double does ({@link #sameSideFloat}).
     */
    final float ask(int lo, int hi) {
        double d = oracle.dependency(lo, hi);
        return sameSideFloat(d, d < rho, rho);
    }

    /**
     * (float) d, moved to the nearest float on the same side of ρ as d when rounding crossed it (0.09999999999
     * would otherwise become 0.1f): the stored value decides exactly as d does. NaN stays NaN (never below ρ).
     */
    static float sameSideFloat(double d, boolean below, double rho) {
        float f = (float) d;
        if ((f < rho) == below) {
            return f;
        }
        f = (float) rho;
        if (below) {
            while (!(f < rho)) {
                f = Math.nextDown(f);
            }
        } else {
            while (f < rho) {
                f = Math.nextUp(f);
            }
        }
        return f;
    }
}
