package org.smpframe.lda;

/**
 * Sparse topic counts n_wk of a range of words, in Mallet's packed layout: the row of word w is an int array
 * whose entries are {@code count << topicBits | topic}, sorted by count descending, ending at the first entry
 * with count 0. The sampler walks a row from the most frequent topic, so the walk that finds a topic (or the
 * q-bucket draw) usually stops early; a row has room for min(K, occurrences of w) entries, all it can need.
 */
final class TopicRows {
    final int firstWord;
    final int topicBits;
    final int topicMask;
    final int[][] rows;
    /**
     * Σ over the nonzero counts of lnΓ(n_wk + β) − lnΓ(β), the rows' share of the log-likelihood, kept up to date
     * by the rotation's sampler (two table look-ups per move) so that measuring it costs nothing.
     */
    double logGammaSum;

    TopicRows(int firstWord, int[][] rows, int topicBits) {
        this.firstWord = firstWord;
        this.rows = rows;
        this.topicBits = topicBits;
        this.topicMask = (1 << topicBits) - 1;
    }

    /** Empty rows for words {@code firstWord ..}, word i with room for {@code capacity[i]} topics. */
    static TopicRows empty(int firstWord, int[] capacity, int topicBits) {
        int[][] rows = new int[capacity.length][];
        for (int i = 0; i < capacity.length; i++) {
            rows[i] = new int[capacity[i]];
        }
        return new TopicRows(firstWord, rows, topicBits);
    }

    /** Bits needed for topic ids below {@code numTopics}. */
    static int bitsFor(int numTopics) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(numTopics - 1));
    }

    int size() {
        return rows.length;
    }

    /** n_wk of global word w (a linear walk: for checks and the likelihood, not the sampler's hot path). */
    int count(int word, int topic) {
        int[] row = rows[word - firstWord];
        for (int e : row) {
            int c = e >>> topicBits;
            if (c == 0) {
                return 0;
            }
            if ((e & topicMask) == topic) {
                return c;
            }
        }
        return 0;
    }

    /** Adds one occurrence of topic {@code topic} to the row of local word {@code local}; returns its new count. */
    int increment(int local, int topic) {
        int[] row = rows[local];
        int i = 0;
        while (i < row.length && (row[i] >>> topicBits) != 0 && (row[i] & topicMask) != topic) {
            i++;
        }
        if (i == row.length) {
            throw new IllegalStateException("topic row of word " + (firstWord + local) + " is full");
        }
        int e = (row[i] >>> topicBits) == 0 ? (1 << topicBits) | topic : row[i] + (1 << topicBits);
        // Bubble toward the front while the entry before has a lower count.
        while (i > 0 && (row[i - 1] >>> topicBits) < (e >>> topicBits)) {
            row[i] = row[i - 1];
            i--;
        }
        row[i] = e;
        return e >>> topicBits;
    }

    /**
     * Adds one occurrence of the topic at position {@code index} of the row of local word {@code local} (a
     * nonzero entry): the sampler knows where the topic it drew from the word's row sits, so no search.
     */
    int incrementAt(int local, int index) {
        int[] row = rows[local];
        int i = index;
        int e = row[i] + (1 << topicBits);
        while (i > 0 && (row[i - 1] >>> topicBits) < (e >>> topicBits)) {
            row[i] = row[i - 1];
            i--;
        }
        row[i] = e;
        return e >>> topicBits;
    }

    /** Removes one occurrence of topic {@code topic} from the row of local word {@code local}. */
    void decrement(int local, int topic) {
        int[] row = rows[local];
        int i = 0;
        while (i < row.length && (row[i] & topicMask) != topic && (row[i] >>> topicBits) != 0) {
            i++;
        }
        if (i == row.length || (row[i] >>> topicBits) == 0) {
            throw new IllegalStateException("word " + (firstWord + local) + " has no count in topic " + topic);
        }
        int e = row[i] - (1 << topicBits);
        int c = e >>> topicBits;
        // Bubble toward the back while the entry after has a higher count (a zero count sinks past all others).
        while (i + 1 < row.length && (row[i + 1] >>> topicBits) > c) {
            row[i] = row[i + 1];
            i++;
        }
        row[i] = c == 0 ? 0 : e;
    }

    /**
     * Removes one occurrence of the topic at position {@code index} of the row of local word {@code local} and
     * returns where the entry ends up (entries between the two positions move one step toward the front).
     */
    int decrementAt(int local, int index) {
        int[] row = rows[local];
        int e = row[index] - (1 << topicBits);
        int c = e >>> topicBits;
        int i = index;
        while (i + 1 < row.length && (row[i + 1] >>> topicBits) > c) {
            row[i] = row[i + 1];
            i++;
        }
        row[i] = c == 0 ? 0 : e;
        return i;
    }

    /**
     * Puts every row in its canonical order: by count, then by topic, both descending. The sampler keeps rows
     * sorted by count, but the order of equal counts depends on the history of the updates; in canonical order it
     * depends on the counts alone, so a chain rebuilt from its topics (a resumed checkpoint) continues exactly as
     * the uninterrupted chain does. Rows are nearly sorted already: an insertion sort costs about one pass.
     */
    void canonicalize() {
        for (int[] row : rows) {
            for (int i = 1; i < row.length && row[i] != 0; i++) {
                int e = row[i];
                int j = i;
                while (j > 0 && row[j - 1] < e) {
                    row[j] = row[j - 1];
                    j--;
                }
                row[j] = e;
            }
        }
    }

    /** Number of nonzero entries of local word {@code local}. */
    int nonzeros(int local) {
        int[] row = rows[local];
        int n = 0;
        while (n < row.length && (row[n] >>> topicBits) != 0) {
            n++;
        }
        return n;
    }
}
