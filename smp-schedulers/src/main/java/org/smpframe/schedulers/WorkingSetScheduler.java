package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smpframe.api.Optimality;
import org.smpframe.api.SchedulerContext;

/**
 * The SMP scheduler of the feature-sharded layout: a working set, chosen by priority, solved by every worker's
 * Gauss-Seidel sweeps over its part of it, with a full check when the set is solved.
 *
 * <ul>
 *   <li><b>Priorities by optimality.</b> Each check (an evaluation) reports how much every parameter violates
 *       its optimality condition. The working set is every free parameter (a nonzero coefficient) plus the
 *       worst violators, at most {@value #MIN_SIZE} or twice the number of free ones in all, as Celer grows its
 *       working sets (Massias et al., 2018); at a new λ of a path the report is the sequential strong rule's, so
 *       the first working set is glmnet's strong set. Parameters that satisfy their condition are not touched
 *       until a check finds them violating it.</li>
 *   <li><b>Priorities by change.</b> Within the phase, rounds give every worker its part of the set for a few
 *       sweeps each; the rounds' gains tell when the set is solved well enough to check
 *       ({@link EvaluationTrigger}).</li>
 *   <li><b>Dependencies.</b> Correlated columns are placed on the same worker (the program's placement), so they
 *       are updated one after another, never in parallel. With a dependency threshold ρ ≤ 1 and several workers,
 *       two coordinates of the set on different workers whose dependency reaches ρ are also kept out of the same
 *       round: the set's cross-worker conflicts are coloured once per phase and conflicting coordinates take
 *       turns, one colour a round.</li>
 * </ul>
 */
public final class WorkingSetScheduler extends PlacedScheduler {
    /** Smallest working set (free parameters and violators together). */
    static final int MIN_SIZE = 100;
    /** The working set holds up to this many times the free parameters. */
    static final int GROWTH = 2;
    /**
     * A working set whose sweep costs less than this (in the context's cost units: stored entries of the columns)
     * is given whole to one worker, where the program allows it. Split, the workers' blocks do not see each other's
     * moves within a round, and the rounds converge like block Jacobi: on a9a (a working set of 42 one-hot columns,
     * 155,000 entries) the 2-worker logistic regression took 20,000 rounds where one worker took 34, and the
     * 2-worker Lasso was slower than one worker on every p ≫ n design measured. Below this a sweep takes a few
     * milliseconds, and the other workers still share the checks.
     */
    public static final long DELEGATE_BELOW = 4_000_000;

    private int[][] ws;
    private int[] wsSize;
    private long[] costs;   // null: every worker updates only what it holds
    private int[][] color; // per working-set entry: -1 = every round, c = rounds with round % colours == c
    private int colors;
    private boolean filtering;
    private DependencyMemo memo;
    private long conflicts;
    /** {@link #delegate}'s buffer for the merged working set, grown as needed (no allocation per check). */
    private int[] merged = new int[0];
    private long delegated;

    public WorkingSetScheduler(SchedulerSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return DynamicScheduler.NAME;
    }

    @Override
    void initShares(SchedulerContext context) {
        ws = new int[numWorkers][];
        color = new int[numWorkers][];
        wsSize = new int[numWorkers];
        costs = context.costs();
        for (int w = 0; w < numWorkers; w++) {
            // Room for the whole working set where one worker may be given it.
            int capacity = costs != null ? numParameters : own[w].length;
            ws[w] = new int[capacity];
            color[w] = new int[capacity];
        }
        colors = 1;
        filtering = numWorkers > 1 && DynamicScheduler.filters(settings);
        if (filtering) {
            context.dependencies().prepare();
            memo = DependencyMemo.create(context.dependencies(), settings, numParameters);
        }
    }

    @Override
    int maxShare(int worker) {
        return wsSize[worker];
    }

    @Override
    int share(int worker, long round, int[] into) {
        int n = wsSize[worker];
        if (colors <= 1) {
            System.arraycopy(ws[worker], 0, into, 0, n);
            return n;
        }
        int turn = (int) (round % colors);
        int len = 0;
        int[] c = color[worker];
        for (int i = 0; i < n; i++) {
            if (c[i] < 0 || c[i] == turn) {
                into[len++] = ws[worker][i];
            }
        }
        return len;
    }

    @Override
    boolean onReport(Optimality report) {
        int p = numParameters;
        int free = 0;
        int violators = 0;
        for (int j = 0; j < p; j++) {
            double s = report.score(j);
            if (s == Double.POSITIVE_INFINITY) {
                free++;
            } else if (s > 0) {
                violators++;
            }
        }
        int allowed = (int) Math.max(0, Math.max((long) MIN_SIZE, (long) GROWTH * free) - free);
        double threshold = 0; // violators with a score above it are taken
        int atThreshold = Integer.MAX_VALUE; // how many with a score equal to it, in id order
        if (violators > allowed) {
            double[] scores = new double[violators];
            int v = 0;
            for (int j = 0; j < p; j++) {
                double s = report.score(j);
                if (s > 0 && s != Double.POSITIVE_INFINITY) {
                    scores[v++] = s;
                }
            }
            if (allowed == 0) {
                threshold = Double.POSITIVE_INFINITY;
                atThreshold = 0;
            } else {
                Arrays.sort(scores);
                threshold = scores[violators - allowed];
                int above = 0;
                for (double s : scores) {
                    if (s > threshold) {
                        above++;
                    }
                }
                atThreshold = allowed - above;
            }
        }
        Arrays.fill(wsSize, 0);
        for (int w = 0; w < numWorkers; w++) {
            int[] mine = own[w];
            for (int j : mine) {
                double s = report.score(j);
                boolean take;
                if (s == Double.POSITIVE_INFINITY) {
                    take = true;
                } else if (s > threshold && s > 0) {
                    take = true;
                } else if (s == threshold && s > 0 && atThreshold > 0) {
                    take = true;
                    atThreshold--;
                } else {
                    take = false;
                }
                if (take) {
                    ws[w][wsSize[w]++] = j;
                }
            }
        }
        colors = 1;
        if (!delegate() && filtering) {
            colorConflicts(report);
        }
        return violators == 0;
    }

    /**
     * Gives the whole working set to one worker (the one holding the most of its work) when a sweep over it costs
     * less than {@link #DELEGATE_BELOW} and the program lets any worker update any coordinate: the round then needs
     * no reconciliation between workers, and the others only take their share of the checks.
     */
    private boolean delegate() {
        if (costs == null || numWorkers == 1) {
            return false;
        }
        long total = 0;
        int target = 0;
        long best = -1;
        for (int w = 0; w < numWorkers; w++) {
            long mine = 0;
            for (int i = 0; i < wsSize[w]; i++) {
                mine += costs[ws[w][i]];
            }
            total += mine;
            if (mine > best) {
                best = mine;
                target = w;
            }
        }
        if (total >= DELEGATE_BELOW) {
            return false;
        }
        int size = 0;
        if (merged.length < workingSetSize()) {
            merged = new int[Math.max(workingSetSize(), 2 * merged.length)];
        }
        for (int w = 0; w < numWorkers; w++) {
            System.arraycopy(ws[w], 0, merged, size, wsSize[w]);
            size += wsSize[w];
            wsSize[w] = 0;
        }
        Arrays.sort(merged, 0, size);
        System.arraycopy(merged, 0, ws[target], 0, size);
        wsSize[target] = size;
        delegated++;
        return true;
    }

    /** Checks whose working set went whole to one worker, so far. */
    public long delegated() {
        return delegated;
    }

    /**
     * Colours the working set's cross-worker conflicts (dependency ≥ ρ) greedily, highest score first: a
     * coordinate without conflicts runs every round, the others one colour a round, and no two conflicting
     * coordinates share a colour.
     */
    private void colorConflicts(Optimality report) {
        int total = 0;
        for (int w = 0; w < numWorkers; w++) {
            total += wsSize[w];
            Arrays.fill(color[w], 0, wsSize[w], -1);
        }
        int[] worker = new int[total];
        int[] index = new int[total];
        int at = 0;
        for (int w = 0; w < numWorkers; w++) {
            for (int i = 0; i < wsSize[w]; i++) {
                worker[at] = w;
                index[at] = i;
                at++;
            }
        }
        List<List<Integer>> adjacent = new ArrayList<>(total);
        for (int a = 0; a < total; a++) {
            adjacent.add(null);
        }
        for (int a = 0; a < total; a++) {
            int ja = ws[worker[a]][index[a]];
            for (int b = a + 1; b < total; b++) {
                if (worker[b] == worker[a]) {
                    continue;
                }
                int jb = ws[worker[b]][index[b]];
                if (!memo.independent(Math.min(ja, jb), Math.max(ja, jb))) {
                    link(adjacent, a, b);
                    link(adjacent, b, a);
                    conflicts++;
                }
            }
        }
        Integer[] order = new Integer[total];
        for (int a = 0; a < total; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (a, b) -> {
            double sa = report.score(ws[worker[a]][index[a]]);
            double sb = report.score(ws[worker[b]][index[b]]);
            return sa != sb ? Double.compare(sb, sa) : Integer.compare(ws[worker[a]][index[a]], ws[worker[b]][index[b]]);
        });
        int[] assigned = new int[total];
        Arrays.fill(assigned, -1);
        int maxColor = -1;
        for (int a : order) {
            List<Integer> nb = adjacent.get(a);
            if (nb == null) {
                continue; // no conflict: every round
            }
            boolean[] used = new boolean[nb.size() + 1];
            for (int b : nb) {
                int c = assigned[b];
                if (c >= 0 && c < used.length) {
                    used[c] = true;
                }
            }
            int c = 0;
            while (used[c]) {
                c++;
            }
            assigned[a] = c;
            color[worker[a]][index[a]] = c;
            maxColor = Math.max(maxColor, c);
        }
        colors = maxColor + 1;
    }

    private static void link(List<List<Integer>> adjacent, int a, int b) {
        List<Integer> l = adjacent.get(a);
        if (l == null) {
            l = new ArrayList<>(2);
            adjacent.set(a, l);
        }
        l.add(b);
    }

    /** Working-set size now, over all workers. */
    public int workingSetSize() {
        int total = 0;
        for (int s : wsSize) {
            total += s;
        }
        return total;
    }

    /** Cross-worker conflicts found so far (pairs of the working set with dependency ≥ ρ). */
    public long conflicts() {
        return conflicts;
    }

    /** Turns the conflicting coordinates take (1: none). */
    public int colors() {
        return colors;
    }

    @Override
    void saveShares(DataOutput out) throws IOException {
        out.writeInt(numWorkers);
        out.writeInt(colors);
        for (int w = 0; w < numWorkers; w++) {
            out.writeInt(wsSize[w]);
            for (int i = 0; i < wsSize[w]; i++) {
                out.writeInt(ws[w][i]);
                out.writeInt(color[w][i]);
            }
        }
    }

    @Override
    void restoreShares(DataInput in) throws IOException {
        int workers = in.readInt();
        if (workers != numWorkers) {
            throw new IOException("a working set for " + workers + " workers; this run has " + numWorkers);
        }
        colors = in.readInt();
        for (int w = 0; w < numWorkers; w++) {
            int size = in.readInt();
            if (size < 0 || size > ws[w].length) {
                throw new IOException("worker " + w + "'s working set of " + size + " of at most " + ws[w].length);
            }
            wsSize[w] = size;
            for (int i = 0; i < size; i++) {
                int j = in.readInt();
                if (j < 0 || j >= numParameters || (costs == null && owners[j] != w)) {
                    throw new IOException("parameter " + j + " is not worker " + w + "'s");
                }
                ws[w][i] = j;
                color[w][i] = in.readInt();
            }
        }
    }

    @Override
    public String toString() {
        return "smp(features, working set, rho=" + settings.rho() + ")";
    }
}
