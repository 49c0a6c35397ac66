package org.smpframe.schedulers;

import java.util.Arrays;
import org.smpframe.api.DependencyOracle;

/**
 * A {@link DependencyMemo} for many parameters: recent pairs in a direct-mapped cache of 2^bits entries, so that
 * the pairs that recur round after round (the active set is small once a model has mostly converged) cost no
 * oracle call. Too many pairs for a {@link DependencyTable}, so a newer pair may evict an older one.
 *
 * <p>A pair is stored under the key (min(a,b) &lt;&lt; 32) | max(a,b) in a {@code long[]}, at slot
 * mix(key) mod 2^bits; a newer pair evicts whatever held its slot. The oracle is always asked as
 * {@code dependency(min, max)}: dependencies are symmetric, and asking in one canonical order makes a hit and a
 * miss answer identically even for an oracle that is not quite symmetric (rounding of a dot product).
 *
 * <p>Values are kept as {@code float} to halve the memory, on the same side of ρ as the oracle's answer.
 */
final class DependencyCache extends DependencyMemo {
    private static final long EMPTY = -1L; // valid keys are >= 0 since ids are

    private final long[] keys;
    private final float[] values;
    private final int mask;

    DependencyCache(DependencyOracle oracle, double rho, int bits) {
        super(oracle, rho);
        int size = 1 << bits;
        this.keys = new long[size];
        this.values = new float[size];
        this.mask = size - 1;
        Arrays.fill(keys, EMPTY);
    }

    @Override
    boolean independent(int a, int b) {
        countLookup();
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        long key = ((long) lo << 32) | hi;
        int slot = (int) (mix(key) & mask);
        if (keys[slot] == key) {
            return decide(values[slot]);
        }
        float v = ask(lo, hi);
        keys[slot] = key;
        values[slot] = v;
        return v < rho;
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
