package org.smpframe.linear;

import java.util.Arrays;
import org.smpframe.api.SplitMix64;

/**
 * Which worker holds which column in the feature-sharded layout: part of the schedule, fixed for a session since
 * the data lives where it was placed. Every placement balances the workers' nonzeros (the work of a sweep), and
 * each worker's columns are in ascending order.
 *
 * <ul>
 *   <li>{@link #contiguous}: columns in order, cut into P runs (the cyclic baseline's);</li>
 *   <li>{@link #uniform}: a seeded uniformly random assignment (the random, Shotgun, baseline's);</li>
 *   <li>{@link #correlated}: strongly correlated columns on the same worker, so that they are updated one after
 *       another and never in parallel (the smp scheduler's), from a {@link ColumnSketch}.</li>
 * </ul>
 */
public final class ColumnPlacement {
    /**
     * Bits of a sketch band: about log2(p) − 2, so that unrelated columns share a band's bucket with a few others
     * column while strongly correlated ones often share one (per band and pair with probability (1 − θ/π)^bits).
     */
    static int bandBits(int p) {
        return Math.max(8, Math.min(16, 30 - Integer.numberOfLeadingZeros(Math.max(1, p - 1))));
    }
    /** Most pairs checked within one band bucket per column (a huge bucket must not cost p² checks). */
    static final int MAX_CHECKS_PER_COLUMN = 32;
    /**
     * Sketch correlations computed over all bands, at most this many per column: on data whose columns all look
     * alike (uncentred positive values) every band is one big bucket, and the checks, not the grouping, took the
     * time (ARCENE, 10,000 columns: 39 ms).
     */
    static final int CHECKS_PER_COLUMN = 8;
    /** A worker may hold this much more than an equal share of the nonzeros to keep a group together. */
    static final double SLACK = 1.05;

    private ColumnPlacement() {
    }

    /** Everything on one worker. */
    public static int[] single(int p) {
        return new int[p];
    }

    /** P contiguous runs of columns with about equal weight (nonzeros). */
    public static int[] contiguous(long[] weights, int workers) {
        int p = weights.length;
        int[] owner = new int[p];
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        long acc = 0;
        for (int j = 0; j < p; j++) {
            // The column goes to the worker whose share its middle falls in.
            long mid = acc + weights[j] / 2;
            owner[j] = total == 0 ? (int) ((long) j * workers / p) : (int) Math.min(workers - 1, mid * workers / total);
            acc += weights[j];
        }
        return owner;
    }

    /** A seeded uniform random assignment, balanced: a random order dealt to the least loaded worker. */
    public static int[] uniform(long[] weights, int workers, long seed) {
        int p = weights.length;
        int[] order = new int[p];
        for (int j = 0; j < p; j++) {
            order[j] = j;
        }
        SplitMix64 random = new SplitMix64(seed);
        for (int j = p - 1; j > 0; j--) {
            int k = (int) Long.remainderUnsigned(random.nextLong(), j + 1);
            int t = order[j];
            order[j] = order[k];
            order[k] = t;
        }
        int[] owner = new int[p];
        long[] load = new long[workers];
        for (int j : order) {
            int w = leastLoaded(load);
            owner[j] = w;
            load[w] += Math.max(1, weights[j]);
        }
        return owner;
    }

    /**
     * Groups of columns whose estimated |correlation| is at least {@code rho} kept on one worker where the
     * balance allows. Candidate pairs come from the sketch's sign bits in bands of about log2(p) − 2 bits, each
     * overlapping the next by half (columns sharing every bit of some band, up to a sign), and a pair joins its
     * columns' groups when its sketch estimate reaches rho. Groups are dealt largest first to the least loaded worker; one heavier than a worker's share
     * is split in order of its columns.
     */
    public static int[] correlated(ColumnSketch sketch, long[] weights, int workers, double rho) {
        int p = weights.length;
        if (workers == 1) {
            return single(p);
        }
        int[] parent = new int[p];
        for (int j = 0; j < p; j++) {
            parent[j] = j;
        }
        int bits = Math.min(bandBits(p), sketch.dims());
        int maxDistance = sketch.maxSignDistance(rho);
        int[] order = new int[p];
        int[] keys = new int[p];
        int[] start = new int[(1 << bits) + 1];
        long budget = (long) CHECKS_PER_COLUMN * p;
        // Bands overlap by half: twice the chances for a correlated pair to share one, at no cost in memory.
        for (int first = 0; first + bits <= Math.min(64, sketch.dims()); first += Math.max(1, bits / 2)) {
            // Columns by band key (a counting sort: keys have at most 16 bits), ascending within a key.
            java.util.Arrays.fill(start, 0);
            for (int j = 0; j < p; j++) {
                keys[j] = sketch.signKey(j, first, bits);
                start[keys[j] + 1]++;
            }
            for (int k = 0; k < (1 << bits); k++) {
                start[k + 1] += start[k];
            }
            for (int j = 0; j < p; j++) {
                order[start[keys[j]]++] = j;
            }
            int from = 0;
            while (from < p && budget > 0) {
                int to = from + 1;
                while (to < p && keys[order[to]] == keys[order[from]]) {
                    to++;
                }
                for (int a = from; a < to; a++) {
                    int ja = order[a];
                    for (int b = a + 1; b < to && b <= a + MAX_CHECKS_PER_COLUMN; b++) {
                        int jb = order[b];
                        if (find(parent, ja) != find(parent, jb) && sketch.signDistance(ja, jb) <= maxDistance) {
                            budget--;
                            if (Math.abs(sketch.correlation(ja, jb)) >= rho) {
                                union(parent, ja, jb);
                            }
                        }
                    }
                }
                from = to;
            }
        }
        // Groups: members in ascending column order, weight.
        int[] root = new int[p];
        int[] groupOf = new int[p];
        Arrays.fill(groupOf, -1);
        int groups = 0;
        for (int j = 0; j < p; j++) {
            root[j] = find(parent, j);
            if (groupOf[root[j]] < 0) {
                groupOf[root[j]] = groups++;
            }
        }
        long[] groupWeight = new long[groups];
        int[] groupSize = new int[groups];
        for (int j = 0; j < p; j++) {
            int g = groupOf[root[j]];
            groupWeight[g] += Math.max(1, weights[j]);
            groupSize[g]++;
        }
        int[] groupStart = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] = groupStart[g] + groupSize[g];
        }
        int[] members = new int[p];
        int[] fill = Arrays.copyOf(groupStart, groups);
        for (int j = 0; j < p; j++) {
            int g = groupOf[root[j]];
            members[fill[g]++] = j;
        }
        long total = 0;
        for (long w : groupWeight) {
            total += w;
        }
        long capacity = (long) Math.ceil(SLACK * total / workers);
        // Largest group first (ties by first column: groups are numbered by their first column).
        Integer[] byWeight = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            byWeight[g] = g;
        }
        Arrays.sort(byWeight, (a, b) -> groupWeight[a] != groupWeight[b] ? Long.compare(groupWeight[b], groupWeight[a])
                : Integer.compare(a, b));
        int[] owner = new int[p];
        long[] load = new long[workers];
        for (int g : byWeight) {
            int w = leastLoaded(load);
            if (load[w] + groupWeight[g] <= capacity || groupSize[g] == 1) {
                for (int m = groupStart[g]; m < groupStart[g + 1]; m++) {
                    owner[members[m]] = w;
                }
                load[w] += groupWeight[g];
            } else {
                for (int m = groupStart[g]; m < groupStart[g + 1]; m++) {
                    int j = members[m];
                    long wj = Math.max(1, weights[j]);
                    if (load[w] + wj > capacity) {
                        w = leastLoaded(load);
                    }
                    owner[j] = w;
                    load[w] += wj;
                }
            }
        }
        return owner;
    }

    /** The columns each worker holds, ascending: {@code result[w]}. */
    public static int[][] columnsOf(int[] owner, int workers) {
        int[] count = new int[workers];
        for (int w : owner) {
            count[w]++;
        }
        int[][] cols = new int[workers][];
        for (int w = 0; w < workers; w++) {
            cols[w] = new int[count[w]];
        }
        int[] fill = new int[workers];
        for (int j = 0; j < owner.length; j++) {
            cols[owner[j]][fill[owner[j]]++] = j;
        }
        return cols;
    }

    private static int leastLoaded(long[] load) {
        int best = 0;
        for (int w = 1; w < load.length; w++) {
            if (load[w] < load[best]) {
                best = w;
            }
        }
        return best;
    }

    private static int find(int[] parent, int j) {
        while (parent[j] != j) {
            parent[j] = parent[parent[j]];
            j = parent[j];
        }
        return j;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
