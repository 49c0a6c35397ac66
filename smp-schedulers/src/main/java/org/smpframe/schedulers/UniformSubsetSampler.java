package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.smpframe.api.SplitMix64;
import org.smpframe.api.StateIo;

/**
 * Draws k distinct ids uniformly from 0 .. n-1 in O(k) by a partial Fisher–Yates shuffle of a persistent
 * permutation: step i swaps position i with a uniform position in [i, n) and emits what lands at i.
 *
 * <p>The permutation is not reset between draws: whatever order it is in, the partial shuffle emits every
 * k-subset (in every order) with the same probability, so keeping it saves the O(n) reset.
 */
final class UniformSubsetSampler {
    private final int[] permutation;

    UniformSubsetSampler(int n) {
        permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
    }

    /** Writes k distinct uniform ids (in draw order) to {@code out[0 .. k)}; requires k &lt;= n. */
    void sample(SplitMix64 random, int k, int[] out) {
        for (int i = 0; i < k; i++) {
            out[i] = next(random, i);
        }
    }

    /**
     * The {@code i}-th id of a draw ({@code i} = 0, 1, ... in order, i &lt; n): one step of the partial shuffle, so a
     * caller can stop as soon as it has what it needs.
     */
    int next(SplitMix64 random, int i) {
        int[] perm = permutation;
        int r = i + random.nextInt(perm.length - i);
        int chosen = perm[r];
        perm[r] = perm[i];
        perm[i] = chosen;
        return chosen;
    }

    /** The permutation is state: the next draws depend on the order the earlier ones left it in. */
    void save(DataOutput out) throws IOException {
        StateIo.writeInts(out, permutation);
    }

    void restore(DataInput in) throws IOException {
        StateIo.readInts(in, permutation, "the permutation of the uniform sampler");
        boolean[] seen = new boolean[permutation.length];
        for (int v : permutation) {
            if (v < 0 || v >= permutation.length || seen[v]) {
                throw new IOException("the uniform sampler's permutation is not a permutation");
            }
            seen[v] = true;
        }
    }
}
