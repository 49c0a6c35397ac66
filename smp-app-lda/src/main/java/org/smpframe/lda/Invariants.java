package org.smpframe.lda;

/**
 * Consistency checks of the counts, run after every sub-round when {@link LdaConfig#checkInvariants()} is on
 * (tests): they cost a pass over the counts, too much for production runs.
 */
final class Invariants {
    private Invariants() {
    }

    /**
     * Every row sorted by count, no count negative, the block's counts adding up to its tokens, and its running
     * log-likelihood share equal to the sum recomputed from the counts.
     */
    static void checkBlock(WordBlock block, long tokens, int numTopics, double beta) {
        TopicRows rows = block.rows;
        long sum = 0;
        for (int w = 0; w < rows.size(); w++) {
            int[] row = rows.rows[w];
            int previous = Integer.MAX_VALUE;
            boolean ended = false;
            for (int e : row) {
                int c = e >>> rows.topicBits;
                if (c == 0) {
                    ended = true;
                    continue;
                }
                if (ended || c > previous || (e & rows.topicMask) >= numTopics) {
                    throw new IllegalStateException("block " + block.block + ": row of word " + (rows.firstWord + w)
                            + " is not a sorted list of valid topics");
                }
                previous = c;
                sum += c;
            }
        }
        if (sum != tokens) {
            throw new IllegalStateException("block " + block.block + " counts " + sum + " tokens, it has " + tokens);
        }
        double exact = Likelihood.wordPart(rows, beta);
        if (Math.abs(rows.logGammaSum - exact) > 1e-8 * Math.max(1, Math.abs(exact))) {
            throw new IllegalStateException("block " + block.block + ": running log-likelihood share "
                    + rows.logGammaSum + ", recomputed " + exact);
        }
    }

    static void checkTopics(int[] z, int numTopics) {
        for (int i = 0; i < z.length; i++) {
            if (z[i] < 0 || z[i] >= numTopics) {
                throw new IllegalStateException("token " + i + " has topic " + z[i]);
            }
        }
    }

    static void checkNonNegative(int[] counts, String what) {
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 0) {
                throw new IllegalStateException(what + ": topic " + k + " has count " + counts[k]);
            }
        }
    }

    /** The totals are non-negative and add up to the number of tokens. */
    static void checkTotals(int[] totals, long tokens) {
        checkNonNegative(totals, "topic totals");
        long sum = 0;
        for (int c : totals) {
            sum += c;
        }
        if (sum != tokens) {
            throw new IllegalStateException("topic totals add up to " + sum + ", the corpus has " + tokens + " tokens");
        }
    }
}
