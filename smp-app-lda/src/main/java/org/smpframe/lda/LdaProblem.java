package org.smpframe.lda;

import java.util.SplittableRandom;
import org.smpframe.data.Corpus;

/**
 * A training corpus with its initial state: every token's topic drawn uniformly from one seeded stream in corpus
 * order, so the start does not depend on the number of workers or blocks.
 */
final class LdaProblem {
    final Corpus corpus;
    final int numTopics;
    final int vocabularySize;
    final int[] docPtr;
    final int[] words;
    final int[] initialTopics;
    final int[] wordCounts;
    final int topicBits;
    final double[] logGammaTable;

    /** Where each worker's sampler starts when resuming (by worker), or null for streams derived from the seed. */
    private final long[] samplerStates;
    private final long seed;

    LdaProblem(Corpus corpus, LdaConfig config) {
        this(corpus, config, null);
    }

    /** A problem whose chain starts at {@code start} (a checkpoint of the same corpus and options), or fresh if null. */
    LdaProblem(Corpus corpus, LdaConfig config, LdaCheckpoint start) {
        if (corpus.numTokens() == 0) {
            throw new IllegalArgumentException(corpus.source() + ": the corpus has no tokens");
        }
        this.corpus = corpus;
        this.numTopics = config.topics();
        this.vocabularySize = corpus.vocabularySize();
        this.docPtr = corpus.docPtr();
        this.words = corpus.words();
        this.wordCounts = corpus.wordCounts();
        this.topicBits = TopicRows.bitsFor(numTopics);
        int maxCount = 0;
        for (int c : wordCounts) {
            maxCount = Math.max(maxCount, c);
        }
        if (maxCount >= 1 << (31 - topicBits)) {
            throw new IllegalArgumentException("a word occurs " + maxCount + " times: with " + numTopics
                    + " topics, counts must stay below " + (1 << (31 - topicBits)));
        }
        this.logGammaTable = new double[maxCount + 2];
        double lgBeta = LogGamma.of(config.beta());
        for (int c = 0; c < logGammaTable.length; c++) {
            logGammaTable[c] = LogGamma.of(c + config.beta()) - lgBeta;
        }
        this.seed = config.seed();
        if (start != null) {
            start.check(words.length, numTopics);
            this.initialTopics = start.topics();
            this.samplerStates = start.samplerStates();
            return;
        }
        this.samplerStates = null;
        this.initialTopics = new int[words.length];
        SplittableRandom rng = new SplittableRandom(config.seed());
        for (int i = 0; i < words.length; i++) {
            initialTopics[i] = rng.nextInt(numTopics);
        }
    }

    /** The seed of worker {@code worker}'s sampler: where its stream resumes, or derived from the seed. */
    long samplerSeed(int worker, int numWorkers) {
        if (samplerStates == null) {
            // Each worker's stream differs, and does not depend on how many rounds ran before.
            return seed * 0x9E3779B97F4A7C15L + worker + 1;
        }
        if (samplerStates.length != numWorkers) {
            throw new IllegalArgumentException("the checkpoint is of a run with " + samplerStates.length
                    + " workers; resume it with as many (--workers " + samplerStates.length + ")");
        }
        return samplerStates[worker];
    }

    /** Topic rows of words {@code [from, to)} holding the counts of the initial assignment. */
    TopicRows initialRows(int from, int to) {
        int[] capacity = new int[to - from];
        for (int w = from; w < to; w++) {
            capacity[w - from] = Math.min(numTopics, wordCounts[w]);
        }
        TopicRows rows = TopicRows.empty(from, capacity, topicBits);
        for (int i = 0; i < words.length; i++) {
            int w = words[i];
            if (w >= from && w < to) {
                rows.increment(w - from, initialTopics[i]);
            }
        }
        rows.logGammaSum = Likelihood.wordPart(rows, logGammaTable);
        return rows;
    }

    /** n_k of the initial assignment. */
    int[] initialTotals() {
        int[] totals = new int[numTopics];
        for (int k : initialTopics) {
            totals[k]++;
        }
        return totals;
    }

    /** Tokens per document, the weights of a balanced document sharding. */
    int[] docLengths() {
        int[] lengths = new int[docPtr.length - 1];
        for (int d = 0; d < lengths.length; d++) {
            lengths[d] = docPtr[d + 1] - docPtr[d];
        }
        return lengths;
    }
}
