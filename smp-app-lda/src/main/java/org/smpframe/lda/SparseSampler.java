package org.smpframe.lda;

import org.smpframe.api.SplitMix64;

/**
 * The collapsed Gibbs draw of one token's topic, p(z = k) ∝ (n_dk + α)(n_wk + β)/(n_k + Vβ) (counts without the
 * token), by the SparseLDA bucket decomposition (Yao, Mimno and McCallum, KDD 2009), the sampler Mallet uses:
 * the mass splits into
 * <ul>
 *   <li>s = Σ_k αβ/(n_k + Vβ), the same for every token, kept as sums over √K groups of topics, so that a
 *       change of n_k costs O(1) and a draw from s (rare) O(√K) instead of Mallet's O(K) scan;</li>
 *   <li>r = Σ_{k: n_dk &gt; 0} β n_dk/(n_k + Vβ), kept up to date while a document is sampled;</li>
 *   <li>q = Σ_{k: n_wk &gt; 0} (α + n_dk)/(n_k + Vβ) · n_wk, summed over the word's nonzero topics.</li>
 * </ul>
 * Most of the mass is in q, whose sum costs the number of topics the word has (sorted by count, so its draw
 * usually stops after a few); r costs the topics the document has; s costs √K when hit. The per-token cost therefore
 * grows with the sparsity of the counts, not with K (the s bucket's share of the mass grows with K: with a
 * linear scan it made K = 5000 cost 6.6 times K = 1000 on AP). Exact: every draw is from the
 * true conditional, which the tests check against the formula.
 *
 * <p>One sampler per worker thread. It keeps the worker's view of the topic totals n_k and the current document's
 * topic counts; {@link #enterDoc} and {@link #exitDoc} bracket the tokens of one document.
 */
final class SparseSampler {
    private final int numTopics;
    private final double alpha;
    private final double beta;
    private final double alphaBeta;
    private final double betaSum;
    private final int[] totals;
    private final double[] coef;
    /** 1/(n_k + Vβ), so that a count change costs one division, not four. */
    private final double[] inv;
    private final int[] docCounts;
    private final int[] docTopics;
    private final int[] docTopicPos;
    private int numDocTopics;
    private final double[] qTerms;
    private final SplitMix64 rng;
    /** lnΓ(c + β) − lnΓ(β) for every count c a word can reach: the rows' log-likelihood share by look-up. */
    private final double[] logGammaTable;
    /**
     * Sums of αβ/(n_k + Vβ) (a topic's value is αβ·inv[k], computed where needed rather than kept in a third
     * K-long array) over groups of 2^{@code groupShift} consecutive topics, about √K, a power of two so that a
     * topic's group is a shift and not an integer division.
     */
    private final double[] groupSum;
    private final int groupShift;
    private double s;
    private double r;

    /**
     * @param totals the worker's topic totals n_k, updated in place by every draw
     */
    SparseSampler(int numTopics, double alpha, double beta, int vocabularySize, int[] totals, long seed,
                  double[] logGammaTable) {
        this.logGammaTable = logGammaTable;
        this.numTopics = numTopics;
        this.alpha = alpha;
        this.beta = beta;
        this.alphaBeta = alpha * beta;
        this.betaSum = beta * vocabularySize;
        this.totals = totals;
        this.coef = new double[numTopics];
        this.inv = new double[numTopics];
        this.docCounts = new int[numTopics];
        this.docTopics = new int[numTopics + 1]; // + 1: see enterDoc
        this.docTopicPos = new int[numTopics];
        this.qTerms = new double[numTopics];
        this.rng = new SplitMix64(seed);
        this.groupShift = (int) Math.round(Math.log(Math.sqrt(numTopics)) / Math.log(2));
        this.groupSum = new double[((numTopics - 1) >> groupShift) + 1];
        refreshTotals();
    }

    /** The state of the random stream: a checkpoint saves it, and a resumed sampler continues from it. */
    long rngState() {
        return rng.state();
    }

    /** Recomputes what depends on the totals after they were replaced (reconciliation); outside a document. */
    void refreshTotals() {
        java.util.Arrays.fill(groupSum, 0);
        double sum = 0;
        for (int k = 0; k < numTopics; k++) {
            double i = 1.0 / (totals[k] + betaSum);
            inv[k] = i;
            double value = alphaBeta * i;
            groupSum[k >> groupShift] += value;
            sum += value;
            coef[k] = alpha * i;
        }
        // Recomputing (every sub-round) also clears the rounding the incremental updates accumulate.
        s = sum;
    }

    /** The topic where the running sum of the s values first exceeds {@code u}: a group, then a topic in it. */
    private int smoothDraw(double u) {
        int g = 0;
        while (g < groupSum.length - 1 && u >= groupSum[g]) {
            u -= groupSum[g];
            g++;
        }
        int end = Math.min(numTopics, (g + 1) << groupShift);
        for (int k = g << groupShift; k < end; k++) {
            u -= alphaBeta * inv[k];
            if (u < 0) {
                return k;
            }
        }
        return end - 1;
    }

    /** Starts a document whose tokens' topics are {@code z[from .. to)} (all its tokens, in any block). */
    void enterDoc(int[] z, int from, int to) {
        // Whether a token's topic is new to the document is a coin flip (half the topics of a document at K =
        // 1000 occur once), so the list is appended to by arithmetic rather than behind a mispredicted branch:
        // every topic is written at the end, which advances only for a first occurrence.
        int m = 0;
        for (int i = from; i < to; i++) {
            int k = z[i];
            int c = docCounts[k];
            docCounts[k] = c + 1;
            docTopics[m] = k;
            m += (c - 1) >>> 31; // 1 if c == 0
        }
        numDocTopics = m;
        double sum = 0;
        for (int j = 0; j < m; j++) {
            int k = docTopics[j];
            docTopicPos[k] = j;
            sum += beta * docCounts[k] * inv[k];
            coef[k] = (alpha + docCounts[k]) * inv[k];
        }
        r = sum;
    }

    /** Ends the current document, leaving the sampler ready for the next. */
    void exitDoc() {
        for (int j = 0; j < numDocTopics; j++) {
            int k = docTopics[j];
            docCounts[k] = 0;
            coef[k] = alpha * inv[k];
        }
        numDocTopics = 0;
        r = 0;
    }

    /** n_dk of the current document. */
    int docCount(int topic) {
        return docCounts[topic];
    }

    /**
     * Draws a new topic for a token of the current document whose word is local word {@code local} of
     * {@code rows} and whose topic is {@code old}; moves the token's counts from {@code old} to the new topic in
     * the document, the word's row and the totals, and returns it.
     */
    int resample(int old, TopicRows rows, int local) {
        // The token leaves its old topic only tentatively: almost half the draws at K = 1000 (more at smaller
        // K) return it there, and then restoring the saved values is cheaper than a second change, and exact
        // (the running sums s, r and the group sum come back bit for bit, not with two roundings added).
        int nd = docCounts[old];
        int total = totals[old];
        double invPrev = inv[old];
        double coefPrev = coef[old];
        int g = old >> groupShift;
        double groupPrev = groupSum[g];
        double sPrev = s;
        double rPrev = r;
        docCounts[old] = nd - 1;
        totals[old] = total - 1;
        double invNew = 1.0 / (total - 1 + betaSum);
        inv[old] = invNew;
        coef[old] = (alpha + nd - 1) * invNew;
        double change = alphaBeta * invNew - alphaBeta * invPrev;
        s = sPrev + change;
        groupSum[g] = groupPrev + change;
        r = rPrev - beta * nd * invPrev + beta * (nd - 1) * invNew;
        // While tentative, a topic the document no longer has stays in its list with count 0 (a zero r term).
        int[] row = rows.rows[local];
        int bits = rows.topicBits;
        int mask = rows.topicMask;
        // One pass over the word's topics: the q terms with the token taken out of its old topic's count (the
        // row itself is updated after the draw, once it is known where the token goes).
        double q = 0;
        int n = 0;
        int oldAt = -1;
        int oldRest = 0;
        for (; n < row.length; n++) {
            int e = row[n];
            int c = e >>> bits;
            if (c == 0) {
                break;
            }
            int k = e & mask;
            if (k == old) {
                c--;
                oldAt = n;
                oldRest = c;
            }
            q += coef[k] * c;
            qTerms[n] = q; // running sums, for the draw below
        }
        if (oldAt < 0) {
            throw new IllegalStateException("word " + (rows.firstWord + local) + " has no count in topic " + old);
        }
        double u = rng.nextDouble() * (s + r + q);
        int topic;
        int at = -1; // the new topic's position in the word's row, when the draw found it there
        if (u < q) {
            // A forward scan of the running sums: rows are sorted by count, so the mass is at the front and
            // the scan usually stops within a few entries (as fast as a binary search on AP, and simpler).
            int j = 0;
            while (j < n - 1 && u >= qTerms[j]) {
                j++;
            }
            topic = row[j] & mask;
            at = j;
        } else if ((u -= q) < r) {
            topic = docDraw(u);
        } else {
            topic = smoothDraw(u - r);
        }
        if (topic == old) { // the token stays: every count, sum and row is as it was
            docCounts[old] = nd;
            totals[old] = total;
            inv[old] = invPrev;
            coef[old] = coefPrev;
            groupSum[g] = groupPrev;
            s = sPrev;
            r = rPrev;
            return old;
        }
        if (nd == 1) {
            int last = docTopics[--numDocTopics];
            int pos = docTopicPos[old];
            docTopics[pos] = last;
            docTopicPos[last] = pos;
        }
        add(topic);
        int oldEnd = rows.decrementAt(local, oldAt);
        if (at > oldAt && at <= oldEnd) {
            at--; // the entries the old topic moved past shifted one step toward the front
        }
        int newCount = at >= 0 ? rows.incrementAt(local, at) : rows.increment(local, topic);
        if (logGammaTable != null) {
            double[] lg = logGammaTable;
            rows.logGammaSum += lg[oldRest] - lg[oldRest + 1] + lg[newCount] - lg[newCount - 1];
        }
        return topic;
    }

    /**
     * The topic where the running sum of the r terms β n_dk/(n_k + Vβ) first exceeds {@code u}. The list may hold
     * the old topic with count 0 (see resample): its term is 0, so only the fall-back for rounding, when the
     * scan's sum ends below the incremental r, must skip it.
     */
    private int docDraw(double u) {
        int lastNonzero = -1;
        for (int j = 0; j < numDocTopics; j++) {
            int k = docTopics[j];
            int nd = docCounts[k];
            u -= beta * nd * inv[k];
            if (u < 0) {
                return k;
            }
            if (nd > 0) {
                lastNonzero = k;
            }
        }
        // No count left (r was not 0 only by rounding): the s bucket holds all the mass.
        return lastNonzero >= 0 ? lastNonzero : smoothDraw(rng.nextDouble() * s);
    }

    /** Adds the token to n_dk and n_k of {@code topic}, keeping s, r and the coefficient in step. */
    private void add(int topic) {
        int nd = docCounts[topic];
        r -= beta * nd * inv[topic];
        nd++;
        docCounts[topic] = nd;
        int total = totals[topic] + 1;
        totals[topic] = total;
        double invPrev = inv[topic];
        double invNew = 1.0 / (total + betaSum);
        inv[topic] = invNew;
        r += beta * nd * invNew;
        coef[topic] = (alpha + nd) * invNew;
        double change = alphaBeta * invNew - alphaBeta * invPrev;
        s += change;
        groupSum[topic >> groupShift] += change;
        if (nd == 1) {
            docTopicPos[topic] = numDocTopics;
            docTopics[numDocTopics++] = topic;
        }
    }
}
