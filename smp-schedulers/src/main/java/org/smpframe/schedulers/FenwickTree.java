package org.smpframe.schedulers;

import org.smpframe.api.StateIo;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A Fenwick (binary indexed) tree over non-negative weights w_0 .. w_{n-1}: point update and prefix sum in
 * O(log n), and sampling j with probability w_j / Σ w by descending the tree in O(log n).
 *
 * <p>Node i (1-based) holds Σ w_k over k in (i - lowbit(i), i], lowbit(i) = i &amp; -i. The prefix sum
 * S(j) = w_0 + ... + w_{j-1} is the sum of the nodes met while clearing the low bits of j.
 *
 * <p>Floating-point updates leave rounding residue in the nodes (adding and later subtracting the same weight
 * need not restore a node exactly), so owners rebuild from the true weights from time to time with
 * {@link #build}, which costs O(n).
 */
final class FenwickTree {
    private final double[] tree; // 1-based; tree[0] unused
    private final int n;
    private final int topBit; // highest power of two <= n: the first step of the descent

    FenwickTree(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + n);
        }
        this.n = n;
        this.tree = new double[n + 1];
        this.topBit = Integer.highestOneBit(n);
    }

    int size() {
        return n;
    }

    /** Replaces every weight with {@code weights[0 .. n)}, in O(n). */
    void build(double[] weights) {
        double[] t = tree;
        t[0] = 0;
        for (int i = 1; i <= n; i++) {
            t[i] = weights[i - 1];
        }
        // Push each node's sum into its parent: every node is complete before it is read, so one pass suffices.
        for (int i = 1; i <= n; i++) {
            int parent = i + (i & -i);
            if (parent <= n) {
                t[parent] += t[i];
            }
        }
    }

    /** w_j += delta. */
    void add(int j, double delta) {
        double[] t = tree;
        for (int i = j + 1; i <= n; i += i & -i) {
            t[i] += delta;
        }
    }

    /** S(j) = w_0 + ... + w_{j-1}; {@code prefixSum(n)} is the total. */
    double prefixSum(int j) {
        double s = 0;
        for (int i = j; i > 0; i -= i & -i) {
            s += tree[i];
        }
        return s;
    }

    /**
     * The j with S(j) &lt;= u &lt; S(j+1), i.e. the weight whose slice of [0, Σ w) contains u. For u uniform in
     * [0, Σ w) this is j with probability w_j / Σ w; a weight of 0 has an empty slice and is never returned.
     * Returns n when u &gt;= Σ w (which rounding can cause at the very top of the range): callers redraw.
     */
    int find(double u) {
        double[] t = tree;
        int pos = 0;
        // Descend from the largest power of two: at each step either skip the whole left subtree of that size
        // (its sum is <= what is left of u) or go into it. pos ends as the largest index with S(pos) <= u.
        for (int step = topBit; step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= n && t[next] <= u) {
                pos = next;
                u -= t[next];
            }
        }
        return pos;
    }

    /** The nodes as they are, rounding residue included: a restored tree descends exactly as this one. */
    void save(DataOutput out) throws IOException {
        StateIo.writeDoubles(out, tree);
    }

    void restore(DataInput in) throws IOException {
        StateIo.readDoubles(in, tree, "the priority tree");
    }
}
