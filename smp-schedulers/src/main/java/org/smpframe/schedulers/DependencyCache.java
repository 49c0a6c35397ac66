package org.smpframe.schedulers;

import java.util.Arrays;
import org.smpframe.api.DependencyOracle;

/**
 * Answers "is dependency(a, b) &lt; ρ?" for the dependency filter, remembering recent pairs in a direct-mapped
 * cache of 2^bits entries so that the pairs that recur round after round (the active set is small once a model
 * has mostly converged) cost no oracle call (for Lasso, no dot product of two feature columns).
 *
 * <p>A pair is stored under the key (min(a,b) &lt;&lt; 32) | max(a,b) in a {@code long[]}, at slot
 * mix(key) mod 2^bits; a newer pair evicts whatever held its slot. The oracle is always asked as
 * {@code dependency(min, max)}: dependencies are symmetric, and asking in one canonical order makes a hit and a
 * miss answer identically even for an oracle that is not quite symmetric (rounding of a dot product).
 *
 * <p>Values are kept as {@code float} to halve the memory. A plain float rounding could move a value across ρ
 * (0.09999999999 becomes 0.1f), so the stored float is nudged to the float nearest the true value on the same
 * side of ρ: the cache never changes a decision, only saves oracle calls.
 */
final class DependencyCache {
    private static final long EMPTY = -1L; // valid keys are >= 0 since ids are

    private final DependencyOracle oracle;
    private final double rho;
    private final long[] keys;
    private final float[] values;
    private final int mask;
    private long lookups;
    private long hits;

    DependencyCache(DependencyOracle oracle, double rho, int bits) {
        this.oracle = oracle;
        this.rho = rho;
        int size = 1 << bits;
        this.keys = new long[size];
        this.values = new float[size];
        this.mask = size - 1;
        Arrays.fill(keys, EMPTY);
    }

    /** Whether parameters a and b (distinct) may be updated in the same round: dependency(a, b) &lt; ρ. */
    boolean independent(int a, int b) {
        lookups++;
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        long key = ((long) lo << 32) | hi;
        int slot = (int) (mix(key) & mask);
        if (keys[slot] == key) {
            hits++;
            return values[slot] < rho;
        }
        double d = oracle.dependency(lo, hi);
        // "< rho" is false for NaN: a dependency the oracle cannot tell is treated as a conflict.
        boolean independent = d < rho;
        keys[slot] = key;
        values[slot] = sameSideFloat(d, independent);
        return independent;
    }

    /** Pair questions asked. */
    long lookups() {
        return lookups;
    }

    /** Pair questions answered without asking the oracle. */
    long hits() {
        return hits;
    }

    /** (float) d, moved to the nearest float on the same side of ρ as d when rounding crossed it. */
    private float sameSideFloat(double d, boolean below) {
        float f = (float) d;
        if ((f < rho) == below) {
            return f; // also keeps NaN (not below) as NaN
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

    // The high bits of a pair key hold the smaller id, which clusters; the finalizer of MurmurHash3 spreads
    // every input bit over the slot index so neighbouring pairs do not fight over the same slots.
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
