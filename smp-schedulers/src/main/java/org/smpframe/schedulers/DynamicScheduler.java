package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.smpframe.api.BlockFilter;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.SplitMix64;
import org.smpframe.api.StateIo;

/**
 * The SMP dynamic scheduler (Lasso, sparse logistic regression): priorities from the recent changes, then a
 * dependency filter.
 *
 * <h2>Priorities</h2>
 * Parameter j has weight w_j = the magnitude of its last observed change (|Δβ_j|, from {@link #observe}),
 * initially 0. Up to L' = min(p, candidateFactor · L) candidates are drawn without replacement, one at a time
 * until the filter has kept L of them, with probability
 * <pre>
 *     P(j) = (w_j + η) / (W + p·η),   W = Σ_j w_j,   η = etaFraction · W / #{j : w_j &gt; 0}
 * </pre>
 * (η, 1% of the mean nonzero weight by default, keeps parameters that stopped moving from starving; when every
 * w_j is 0 the choice is uniform). The uniform share of the draws is then about 0.01·p / #{j : w_j &gt; 0}: large
 * when few parameters move, as in p ≫ n Lasso, and measured to matter there: coordinates that must enter the
 * model are found through those draws (a fixed 9% share was 1.5–2x slower on a 200 x 5000 correlated design). The mixture is sampled exactly, and nothing is rebuilt when η moves: the w_j
 * are kept in a {@link FenwickTree}, and one draw is
 * <ul>
 *   <li>with probability T / (T + p·η), where T is the mass now in the tree, j ∝ (tree weight of j) by one
 *       O(log p) descent;</li>
 *   <li>otherwise j uniform over all p;</li>
 * </ul>
 * accepted if j was not drawn yet this round, else redrawn. Since an undrawn j still has its full weight in the
 * tree, an accepted draw is j with probability (w_j + η) / Σ_{undrawn k} (w_k + η): successive sampling without
 * replacement from P. A drawn candidate's weight is taken out of the tree (and T) the first time a descent
 * lands on it again, so no candidate is rejected twice from the tree and the round pays O(log p) tree updates
 * only for candidates heavy enough to be hit twice; their weights are put back at the end of the round.
 * Redraws are bounded; after that an O(p) scan draws from the same distribution, which only happens when L' is
 * close to p.
 *
 * <p>Until warmupSweeps · p updates have been observed the weights say little (most are still 0), so the L'
 * candidates are drawn uniformly instead (in draw order, as many as the filter needs).
 *
 * <h2>Dependency filter</h2>
 * Candidates are taken in the order they were drawn, and a candidate is kept only if dependency(candidate, k) &lt; ρ
 * for <em>every</em> candidate k kept before it, until L are kept. So no two parameters of a schedule ever have
 * dependency ≥ ρ (a NaN dependency counts as ≥ ρ). When the oracle offers a {@link BlockFilter} (sparse
 * columns), each candidate is checked against the whole block in one call; otherwise pair answers come through a
 * {@link DependencyMemo}, which saves oracle calls but never changes an answer: a {@link DependencyTable} of every
 * pair when there are few parameters (each pair asked once), else a {@link DependencyCache} of recent pairs.
 *
 * <p>Dependencies lie in [0, 1], so a ρ above 1 admits every pair: the filter is then switched off outright, and
 * the oracle is never asked (nor its pair table or cache allocated). That is the setting for apps whose aggregation
 * already guards against parallel updates that interfere (logistic regression's block line search), where the
 * filter is only a question of speed.
 *
 * <p>Why draw order and not sorted by weight (as the reference code does): the draw order already is a
 * priority order in expectation (successive sampling brings heavy parameters early), but it is random. Sorted,
 * a parameter whose weight is only rounding noise (|Δβ| = 1e-12 after it has converged) precedes every weight-0
 * candidate in every round, the filter rejects everything that depends on it, and the run stalls with the
 * parameters that still have to move never kept (seen on the diabetes data: no progress in 10⁶ rounds).
 *
 * <h2>Parameters in flight</h2>
 * A scheduled parameter's weight is set to 0 until its change is observed: with a pipeline of depth s (and apps
 * such as logistic regression that commit a round later) its update lands several rounds after it was
 * scheduled, and drawing it again meanwhile, which its high weight would make likely, recomputes it from a
 * state that misses that update: a wasted update. Its weight comes back with its change.
 *
 * <h2>Cost per round</h2>
 * Candidates are drawn one at a time as the filter asks for them, so a round costs O(m log p) to draw, where m
 * is between L (nothing rejected) and L', at most m·L pair checks to filter (L(L-1)/2 when nothing conflicts),
 * O(L log L) to emit; O(log p) per observed change. Nothing is allocated but the emitted schedule.
 * The tree is rebuilt from the weights, in O(p), after p updates of it to clear rounding residue: O(1) amortized
 * per update.
 *
 * <p>Emits {@link Schedule#shared shared} schedules with ids ascending. Deterministic for the context's seed and
 * the sequence of calls. Not thread-safe: a runtime calls it from one thread.
 */
public final class DynamicScheduler implements Scheduler {
    /** The name {@link Schedulers#create} selects it by. */
    public static final String NAME = "smp";

    /**
     * Redraws allowed per candidate before the exact O(p) scan takes over. A uniform draw hits a drawn candidate
     * with probability k/p and a descent hits each drawn one at most once, so with L' much smaller than p the
     * scan essentially never runs.
     */
    private static final int MAX_REDRAWS = 64;

    // State of a parameter within a round.
    private static final byte UNDRAWN = 0;
    private static final byte DRAWN = 1;
    private static final byte DRAWN_AND_OUT_OF_TREE = 2;

    private final SchedulerSettings settings;

    private int numParameters;
    private int blockSize;          // L
    private int numCandidates;      // L'
    private double warmupUpdates;   // warmupSweeps · p
    private SplitMix64 random;
    /** False when ρ &gt; 1: no pair can reach it, so candidates are kept without asking the oracle. */
    private boolean filtering;
    private DependencyMemo memo;
    /** The oracle's one-against-the-block filter, or null to ask pair by pair through the memo. */
    private BlockFilter blockFilter;
    private UniformSubsetSampler uniform;

    private double[] weights;       // w_j, the true weights (the tree may have candidates taken out mid-round)
    private FenwickTree tree;
    private double weightSum;       // W, kept alongside the tree to avoid an O(log p) query per round
    private int nonzero;            // #{j : w_j > 0}
    private long updatesObserved;
    private long treeUpdatesSinceBuild;

    // Per-round work arrays, allocated once at init.
    private byte[] state;
    private int[] candidates;
    private int[] outOfTree;        // candidates whose weight was taken out of the tree this round
    private int[] kept;

    /** A scheduler with these settings; {@link #init} must be called before the first round. */
    public DynamicScheduler(SchedulerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(SchedulerContext context) {
        int p = context.numParameters();
        numParameters = p;
        blockSize = Math.min(settings.blockSize(), p);
        numCandidates = (int) Math.min(p, (long) settings.candidateFactor() * blockSize);
        warmupUpdates = settings.warmupSweeps() * p;
        random = new SplitMix64(context.seed());
        filtering = filters(settings);
        if (filtering) {
            context.dependencies().prepare();
        }
        // When every pair is soon remembered (4 cache slots a pair), pair checks become look-ups: cheaper than any
        // block filter (a9a, p = 124: 7x). Beyond that, pairs rarely repeat and the oracle's block filter wins.
        boolean allPairsFit = 4L * DependencyTable.pairs(p) <= 1L << cacheBits(settings.dependencyCacheBits(), p);
        blockFilter = !filtering || allPairsFit ? null : context.dependencies().blockFilter(settings.rho());
        if (!filtering || blockFilter != null) {
            memo = null;
        } else if (usesTable(settings, p)) {
            memo = new DependencyTable(context.dependencies(), settings.rho(), p);
        } else {
            memo = new DependencyCache(context.dependencies(), settings.rho(),
                    cacheBits(settings.dependencyCacheBits(), p));
        }
        uniform = new UniformSubsetSampler(p);
        weights = new double[p];
        tree = new FenwickTree(p);
        weightSum = 0;
        nonzero = 0;
        updatesObserved = 0;
        treeUpdatesSinceBuild = 0;
        state = new byte[p];
        candidates = new int[numCandidates];
        outOfTree = new int[numCandidates];
        kept = new int[blockSize];
    }

    @Override
    public Schedule next(long round) {
        if (weights == null) {
            throw new IllegalStateException("init must be called before next");
        }
        // Candidates are drawn one at a time, as the filter asks for them: a round whose first L candidates are
        // all independent draws L, not L' (drawing is most of the cost of a round on wide data).
        boolean weighted = isWarmedUp() && nonzero != 0;
        if (weighted) {
            beginWeightedDraws();
        }
        if (blockFilter != null) {
            blockFilter.clear();
        }
        int numKept = 0;
        int drawn = 0;
        while (drawn < numCandidates && numKept < blockSize) {
            // Warm-up, or nothing moved yet: uniform distinct candidates in random order.
            int candidate = weighted ? drawWeighted(drawn) : uniform.next(random, drawn);
            candidates[drawn++] = candidate;
            if (admit(candidate, numKept)) {
                kept[numKept++] = candidate;
            }
        }
        if (weighted) {
            endWeightedDraws(drawn);
        }
        for (int k = 0; k < numKept; k++) {
            setWeight(kept[k], 0.0); // in flight until its change is observed (see the class documentation)
        }
        int[] params = Arrays.copyOf(kept, numKept);
        Arrays.sort(params);
        return Schedule.shared(round, params);
    }

    private void setWeight(int j, double m) {
        double old = weights[j];
        if (m != old) {
            weights[j] = m;
            tree.add(j, m - old);
            treeUpdatesSinceBuild++;
            weightSum += m - old;
            if (old == 0) {
                nonzero++;
            } else if (m == 0) {
                nonzero--;
            }
        }
    }

    /** Records w_j = magnitude for every change; the last one wins when a parameter appears twice. */
    @Override
    public void observe(ChangeSet changes) {
        if (weights == null) {
            throw new IllegalStateException("init must be called before observe");
        }
        int n = changes.size();
        for (int i = 0; i < n; i++) {
            int j = changes.param(i);
            double m = changes.magnitude(i);
            if (j < 0 || j >= numParameters) {
                throw new IllegalArgumentException("round " + changes.round() + ": parameter " + j
                        + " is out of range [0, " + numParameters + ")");
            }
            if (!(m >= 0) || m == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("round " + changes.round() + ": change magnitude of parameter "
                        + j + " must be finite and >= 0, got " + m);
            }
            setWeight(j, m);
        }
        if (nonzero == 0) {
            weightSum = 0; // exact, whatever rounding residue the updates left
        }
        updatesObserved += n;
    }

    /**
     * The random stream, the uniform sampler's permutation, the weights and the tree exactly as they are (its
     * rounding residue decides descents), and the counters. The pair table or cache is left out: it only saves oracle
     * calls and never changes an answer.
     */
    @Override
    public void saveState(DataOutput out) throws IOException {
        requireInit();
        out.writeLong(random.state());
        uniform.save(out);
        StateIo.writeDoubles(out, weights);
        tree.save(out);
        out.writeDouble(weightSum);
        out.writeInt(nonzero);
        out.writeLong(updatesObserved);
        out.writeLong(treeUpdatesSinceBuild);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        requireInit();
        random = SplitMix64.resume(in.readLong());
        uniform.restore(in);
        StateIo.readDoubles(in, weights, "the weights");
        tree.restore(in);
        weightSum = in.readDouble();
        nonzero = in.readInt();
        updatesObserved = in.readLong();
        treeUpdatesSinceBuild = in.readLong();
        int count = 0;
        for (double w : weights) {
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IOException("a weight is " + w);
            }
            count += w > 0 ? 1 : 0;
        }
        if (count != nonzero || updatesObserved < 0 || treeUpdatesSinceBuild < 0) {
            throw new IOException("the counters do not match the weights");
        }
    }

    private void requireInit() {
        if (weights == null) {
            throw new IllegalStateException("init must be called first");
        }
    }

    /** w_j: the magnitude of the last observed change of parameter j (0 if none yet). */
    public double weight(int j) {
        return weights[j];
    }

    /** Pair checks the dependency filter has made (answered from memory or by the oracle). */
    public long dependencyChecks() {
        return memo == null ? 0 : memo.lookups();
    }

    /** Pair checks answered from memory (the pair table or cache), without an oracle call. */
    public long cacheHits() {
        return memo == null ? 0 : memo.hits();
    }

    /** Whether enough updates were observed for the weights to steer the candidate draw. */
    public boolean isWarmedUp() {
        return updatesObserved >= warmupUpdates;
    }

    /** η = etaFraction · (mean of the nonzero weights), 0 when every weight is 0. */
    public double eta() {
        return nonzero == 0 ? 0 : settings.etaFraction() * Math.max(weightSum, 0) / nonzero;
    }

    @Override
    public String toString() {
        return NAME + "(" + settings + ")";
    }

    // The weighted draws of the round in progress: η, the mass left in the tree, and the candidates whose weight
    // was taken out of it.
    private double roundEta;
    private double treeMass;
    private int nonzeroInTree;
    private int numOut;

    private void beginWeightedDraws() {
        if (treeUpdatesSinceBuild >= numParameters) {
            rebuildTree();
        }
        roundEta = eta();
        treeMass = Math.max(weightSum, 0); // T: W minus the weights taken out this round
        nonzeroInTree = nonzero;
        numOut = 0;
    }

    /** Candidate {@code k} of the round (k = 0, 1, ...) from P(j) ∝ w_j + η, not drawn before this round. */
    private int drawWeighted(int k) {
        int p = numParameters;
        double eta = roundEta;
        int j = -1;
        for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
            int d;
            if (treeMass > 0 && random.nextDouble() * (treeMass + p * eta) < treeMass) {
                d = tree.find(random.nextDouble() * treeMass);
                if (d >= p) {
                    continue; // rounding at the very top of the range
                }
                if (state[d] == DRAWN && weights[d] > 0) {
                    // A drawn candidate hit again: take its weight out so that it cannot be hit a third time.
                    state[d] = DRAWN_AND_OUT_OF_TREE;
                    tree.add(d, -weights[d]);
                    treeMass -= weights[d];
                    outOfTree[numOut++] = d;
                    if (--nonzeroInTree == 0) {
                        treeMass = 0; // exact: no rounding residue may be drawn from an empty tree
                    }
                    continue;
                }
                if (weights[d] == 0) {
                    continue; // rounding residue of the tree put mass on a weight-0 slot
                }
            } else {
                d = random.nextInt(p);
            }
            if (state[d] == UNDRAWN) {
                j = d;
                break;
            }
        }
        if (j < 0) {
            j = scan(k, eta);
        }
        state[j] = DRAWN;
        return j;
    }

    /** Puts back the weights taken out of the tree and forgets the round's {@code drawn} candidates. */
    private void endWeightedDraws(int drawn) {
        for (int i = 0; i < numOut; i++) {
            int j = outOfTree[i];
            tree.add(j, weights[j]);
        }
        treeUpdatesSinceBuild += 2L * numOut;
        for (int k = 0; k < drawn; k++) {
            state[candidates[k]] = UNDRAWN;
        }
    }

    /** The exact draw by an O(p) scan: undrawn j with probability (w_j + η) / Σ_{undrawn k} (w_k + η). */
    private int scan(int drawnSoFar, double eta) {
        double mass = (numParameters - drawnSoFar) * eta;
        for (int j = 0; j < numParameters; j++) {
            if (state[j] == UNDRAWN) {
                mass += weights[j];
            }
        }
        if (!(mass > 0)) {
            // η = 0 and no undrawn weight: P is undefined, and uniform is the only choice that favours nobody.
            int r = random.nextInt(numParameters - drawnSoFar);
            for (int j = 0; j < numParameters; j++) {
                if (state[j] == UNDRAWN && r-- == 0) {
                    return j;
                }
            }
        }
        double u = random.nextDouble() * mass;
        double acc = 0;
        int last = -1;
        for (int j = 0; j < numParameters; j++) {
            if (state[j] == UNDRAWN) {
                acc += weights[j] + eta;
                last = j;
                if (acc > u) {
                    return j;
                }
            }
        }
        return last; // rounding left u at the very top: the last undrawn one
    }

    /** Whether {@code candidate}'s dependency with each of the {@code numKept} kept so far is below ρ. */
    private boolean admit(int candidate, int numKept) {
        if (!filtering) {
            return true;
        }
        if (blockFilter != null) {
            return blockFilter.admit(candidate);
        }
        for (int i = 0; i < numKept; i++) {
            if (!memo.independent(candidate, kept[i])) {
                return false; // rejected: the remaining pairs cannot change that
            }
        }
        return true;
    }

    // Adding and later subtracting the same weight need not restore a node bit for bit; rebuilding after p
    // updates of the tree keeps that residue bounded at O(1) amortized cost per update.
    private void rebuildTree() {
        tree.build(weights);
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        weightSum = sum;
        treeUpdatesSinceBuild = 0;
    }

    /** Bytes a dynamic scheduler over {@code numParameters} parameters holds: mostly its pair table or cache. */
    public static long estimateBytes(int numParameters, SchedulerSettings settings) {
        long memo = 0;
        if (filters(settings)) {
            memo = usesTable(settings, numParameters) ? 4L * DependencyTable.pairs(numParameters)
                    : 12L << cacheBits(settings.dependencyCacheBits(), numParameters); // a long key, a float
        }
        long candidates = 12L * Math.min(settings.blockSize(), numParameters) * Math.max(1, settings.candidateFactor());
        return memo + 40L * numParameters + candidates;
    }

    /**
     * Whether the filter remembers every pair in a {@link DependencyTable} (4 bytes a pair) rather than recent ones
     * in a {@link DependencyCache} (when it asks pair by pair at all, see {@link #init}): when the table takes no
     * more memory than the cache of 2^dependencyCacheBits entries (12 bytes each) would, i.e. up to 1,254
     * parameters with the default 2^18, and fits in one array.
     */
    static boolean usesTable(SchedulerSettings settings, int numParameters) {
        long pairs = DependencyTable.pairs(numParameters);
        return pairs <= DependencyTable.MAX_PAIRS && 4L * pairs <= 12L << settings.dependencyCacheBits();
    }

    /**
     * Whether a dynamic scheduler with these settings filters at all, and so asks the dependency oracle:
     * dependencies lie in [0, 1], so ρ &gt; 1 admits every pair.
     */
    public static boolean filters(SchedulerSettings settings) {
        return settings.rho() <= 1;
    }

    /**
     * A small problem does not need a 2^18-entry cache: 4 slots per distinct pair (a power of two at least
     * 4·p(p-1)/2) keep collisions in the direct-mapped cache rare; the settings give the upper bound.
     */
    static int cacheBits(int bits, int numParameters) {
        long slotsWanted = 4L * numParameters * (numParameters - 1) / 2;
        int needed = 0;
        while (needed < bits && (1L << needed) < slotsWanted) {
            needed++;
        }
        return needed;
    }
}
