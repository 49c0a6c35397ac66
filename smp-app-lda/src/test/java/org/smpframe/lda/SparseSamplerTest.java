package org.smpframe.lda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SparseLDA draw against the collapsed Gibbs conditional computed from its definition. */
class SparseSamplerTest {
    private static final int K = 6;
    private static final double ALPHA = 0.3;
    private static final double BETA = 0.05;
    private static final int V = 4;

    /**
     * A small state: one document of 7 tokens over 4 words, plus other documents' counts folded into the word
     * rows and totals. Token 0 (word 1) is redrawn 300,000 times from the same state; the frequencies must match
     * p(k) ∝ (n_dk + α)(n_wk + β)/(n_k + Vβ) (counts without the token) by a chi-square test.
     */
    @Test
    void drawsFollowTheExactCollapsedConditional() {
        drawsFollowTheConditional(0);
    }

    /**
     * Token 3 is the document's only token of its topic and its word's only count in it: without the token the
     * topic is gone from both the document and the row, which the sampler handles while the token's move is
     * tentative (the draw may put it back).
     */
    @Test
    void drawsFollowTheConditionalWhenTheTokenIsItsTopicsLastCount() {
        drawsFollowTheConditional(3);
    }

    private static void drawsFollowTheConditional(int token) {
        int[] docWords = {1, 0, 1, 2, 3, 1, 2};
        int[] docTopics = {2, 0, 2, 5, 1, 3, 2};
        // counts from other documents: word w, topic k -> extra
        int[][] other = {{3, 0, 1, 0, 0, 2}, {0, 4, 0, 1, 0, 0}, {1, 1, 6, 0, 0, 0}, {0, 0, 0, 2, 5, 1}};
        int[] capacity = {K, K, K, K};
        int trials = 300_000;
        long[] seen = new long[K];
        TopicRows rows = TopicRows.empty(0, capacity, TopicRows.bitsFor(K));
        int[] totals = new int[K];
        for (int w = 0; w < V; w++) {
            for (int k = 0; k < K; k++) {
                for (int c = 0; c < other[w][k]; c++) {
                    rows.increment(w, k);
                    totals[k]++;
                }
            }
        }
        for (int i = 0; i < docWords.length; i++) {
            rows.increment(docWords[i], docTopics[i]);
            totals[docTopics[i]]++;
        }
        SparseSampler sampler = new SparseSampler(K, ALPHA, BETA, V, totals, 42, null);
        int[] z = docTopics.clone();
        int word = docWords[token];
        for (int t = 0; t < trials; t++) {
            sampler.enterDoc(z, 0, z.length);
            int old = z[token];
            int drawn = sampler.resample(old, rows, word);
            seen[drawn]++;
            // Put the token back where it was, so every trial starts from the same state.
            rows.decrement(word, drawn);
            rows.increment(word, old);
            totals[drawn]--;
            totals[old]++;
            sampler.exitDoc();
            sampler.refreshTotals();
        }
        double[] p = new double[K];
        double sum = 0;
        for (int k = 0; k < K; k++) {
            int ndk = 0;
            for (int i = 0; i < docWords.length; i++) {
                ndk += i != token && docTopics[i] == k ? 1 : 0;
            }
            int nwk = other[word][k];
            int nk = 0;
            for (int w = 0; w < V; w++) {
                nk += other[w][k];
            }
            for (int i = 0; i < docWords.length; i++) {
                nwk += i != token && docWords[i] == word && docTopics[i] == k ? 1 : 0;
                nk += i != token && docTopics[i] == k ? 1 : 0;
            }
            p[k] = (ndk + ALPHA) * (nwk + BETA) / (nk + V * BETA);
            sum += p[k];
        }
        double chi2 = 0;
        for (int k = 0; k < K; k++) {
            double expected = trials * p[k] / sum;
            chi2 += (seen[k] - expected) * (seen[k] - expected) / expected;
        }
        // 5 degrees of freedom: P(chi2 > 20.5) = 0.001.
        assertThat(chi2).as("chi-square of %s", java.util.Arrays.toString(seen)).isLessThan(20.5);
    }

    @Test
    void rowsStaySortedAndCountExactly() {
        TopicRows rows = TopicRows.empty(10, new int[] {4}, TopicRows.bitsFor(4));
        rows.increment(0, 2);
        rows.increment(0, 1);
        rows.increment(0, 1);
        rows.increment(0, 3);
        rows.increment(0, 3);
        rows.increment(0, 3);
        assertThat(rows.count(10, 3)).isEqualTo(3);
        assertThat(rows.rows[0][0] & rows.topicMask).isEqualTo(3);
        rows.decrement(0, 3);
        rows.decrement(0, 3);
        rows.decrement(0, 3);
        assertThat(rows.count(10, 3)).isZero();
        assertThat(rows.nonzeros(0)).isEqualTo(2);
        assertThat(rows.rows[0][0] & rows.topicMask).isEqualTo(1);
        rows.increment(0, 0);
        assertThat(rows.nonzeros(0)).isEqualTo(3);
        assertThat(rows.count(10, 0)).isEqualTo(1);
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(LogGamma.of(1)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-13));
        assertThat(LogGamma.of(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), org.assertj.core.api.Assertions.within(1e-13));
        assertThat(LogGamma.of(101)).isCloseTo(363.73937555556347, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(LogGamma.of(0.01)).isCloseTo(4.599479878042022, org.assertj.core.api.Assertions.within(1e-12));
    }
}
