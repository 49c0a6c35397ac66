package org.smpframe.schedulers;

import java.util.Arrays;
import org.smpframe.api.DependencyOracle;

/**
 * A {@link DependencyMemo} with one slot for every pair of p parameters: each pair is asked of the oracle at most
 * once per run, and nothing is ever evicted.
 *
 * <p>For few parameters this is both smaller and better than the hashed {@link DependencyCache}: the cache needs
 * about four slots of 12 bytes per pair to keep collisions rare, and the pairs that still collide evict each
 * other for the whole run. The scheduler asks for nearly every pair there, again and again, so a colliding pair
 * is recomputed every time. Measured on a 400,000 x 64 dense design: the scheduler thread spent 55% of a core
 * recomputing 400,000-row dot products of the pairs that collided (about a fifth of its 2,016 pairs in 8,192
 * slots). Here a pair is 4 bytes.
 *
 * <p>Pair (a, b) is at {@link DependencyOracle#pairSlot}. Unknown pairs hold −1, which no dependency takes (they lie
 * in [0, 1], or NaN for "cannot tell").
 */
final class DependencyTable extends DependencyMemo {
    private static final float UNKNOWN = -1f;
    /** Most pairs one table holds: the length of one Java array. */
    static final long MAX_PAIRS = Integer.MAX_VALUE - 8;

    private final int numParameters;
    private final float[] values;

    DependencyTable(DependencyOracle oracle, double rho, int numParameters) {
        super(oracle, rho);
        long pairs = pairs(numParameters);
        if (pairs > MAX_PAIRS) {
            throw new IllegalArgumentException(numParameters + " parameters have too many pairs for a table");
        }
        this.numParameters = numParameters;
        this.values = new float[(int) pairs];
        Arrays.fill(values, UNKNOWN);
    }

    /** p(p − 1)/2: the slots a table over p parameters holds. */
    static long pairs(int numParameters) {
        return (long) numParameters * (numParameters - 1) / 2;
    }

    @Override
    boolean independent(int a, int b) {
        countLookup();
        if (a == b) {
            return ask(a, b) < rho; // not a pair: no slot (the filter never asks this)
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int slot = (int) DependencyOracle.pairSlot(lo, hi, numParameters);
        float v = values[slot];
        if (v != UNKNOWN) {
            return decide(v);
        }
        v = ask(lo, hi);
        values[slot] = v;
        return v < rho;
    }
}
