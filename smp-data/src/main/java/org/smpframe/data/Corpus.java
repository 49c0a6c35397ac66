package org.smpframe.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A bag-of-words corpus as topic models consume it: every token of every document, as word ids, on primitive
 * arrays. Document d's tokens are {@code words[docPtr[d] .. docPtr[d+1])}; the order of tokens inside a
 * document carries no meaning (bag-of-words formats do not keep it). Word ids index the {@link #vocabulary()}.
 *
 * <p>Immutable; the arrays are owned by the corpus and must not be changed.
 */
public final class Corpus {
    private final String source;
    private final int[] docPtr;
    private final int[] words;
    private final IdMap vocabulary;

    private Corpus(String source, int[] docPtr, int[] words, IdMap vocabulary) {
        this.source = source;
        this.docPtr = docPtr;
        this.words = words;
        this.vocabulary = vocabulary;
    }

    /**
     * A corpus over {@code vocabulary} from document boundaries and token word ids (taken, not copied).
     *
     * @throws IllegalArgumentException if the boundaries do not run from 0 to words.length without
     *                                  decreasing, or a word id is outside the vocabulary
     */
    public static Corpus of(String source, int[] docPtr, int[] words, IdMap vocabulary) {
        if (source == null || docPtr == null || words == null || vocabulary == null) {
            throw new IllegalArgumentException("null argument");
        }
        if (docPtr.length < 1 || docPtr[0] != 0 || docPtr[docPtr.length - 1] != words.length) {
            throw new IllegalArgumentException("document boundaries must run from 0 to the number of tokens");
        }
        for (int d = 1; d < docPtr.length; d++) {
            if (docPtr[d] < docPtr[d - 1]) {
                throw new IllegalArgumentException("document boundaries decrease at document " + d);
            }
        }
        int v = vocabulary.size();
        for (int k = 0; k < words.length; k++) {
            if (words[k] < 0 || words[k] >= v) {
                throw new IllegalArgumentException("token " + k + ": word id " + words[k]
                        + " outside the vocabulary (size " + v + ")");
            }
        }
        return new Corpus(source, docPtr, words, vocabulary);
    }

    /** Where the corpus came from, for messages and reports. */
    public String source() {
        return source;
    }

    public int numDocs() {
        return docPtr.length - 1;
    }

    public int numTokens() {
        return words.length;
    }

    /** Size of the vocabulary (word ids 0 .. size-1), whether or not every word occurs. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    public IdMap vocabulary() {
        return vocabulary;
    }

    /** Document boundaries (numDocs + 1 entries); owned, not to be modified. */
    public int[] docPtr() {
        return docPtr;
    }

    /** Token word ids, document by document; owned, not to be modified. */
    public int[] words() {
        return words;
    }

    public int docLength(int d) {
        return docPtr[d + 1] - docPtr[d];
    }

    /** Occurrences of every word id in the whole corpus. */
    public int[] wordCounts() {
        int[] counts = new int[vocabulary.size()];
        for (int w : words) {
            counts[w]++;
        }
        return counts;
    }

    /** The documents {@code docs} (in that order), over the same vocabulary. */
    public Corpus subset(int[] docs, String name) {
        int n = 0;
        for (int d : docs) {
            if (d < 0 || d >= numDocs()) {
                throw new IllegalArgumentException("document " + d + " outside 0.." + (numDocs() - 1));
            }
            n += docLength(d);
        }
        int[] ptr = new int[docs.length + 1];
        int[] w = new int[n];
        int k = 0;
        for (int i = 0; i < docs.length; i++) {
            int d = docs[i];
            System.arraycopy(words, docPtr[d], w, k, docLength(d));
            k += docLength(d);
            ptr[i + 1] = k;
        }
        return new Corpus(name, ptr, w, vocabulary);
    }

    /**
     * A seeded split into training and test documents: exactly round(testFraction · numDocs) documents,
     * chosen uniformly, go to the test corpus; both keep the original document order.
     *
     * @return {train, test}
     */
    public Corpus[] split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        int n = numDocs();
        int nTest = (int) Math.round(testFraction * n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < nTest; i++) { // partial Fisher–Yates: the first nTest entries are the test set
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] test = Arrays.copyOf(perm, nTest);
        Arrays.sort(test);
        boolean[] isTest = new boolean[n];
        for (int d : test) {
            isTest[d] = true;
        }
        int[] train = new int[n - nTest];
        int k = 0;
        for (int d = 0; d < n; d++) {
            if (!isTest[d]) {
                train[k++] = d;
            }
        }
        return new Corpus[] {subset(train, source + " [train]"), subset(test, source + " [test]")};
    }

    @Override
    public String toString() {
        return source + ": " + numDocs() + " documents, " + numTokens() + " tokens, " + vocabularySize() + " words";
    }
}
