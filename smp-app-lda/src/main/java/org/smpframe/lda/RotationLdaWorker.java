package org.smpframe.lda;

import org.smpframe.api.BlockHolder;
import org.smpframe.api.ResidentHolder;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;

/**
 * A worker of rotation LDA: owns a shard of documents and the topic of each of their tokens. In each sub-round
 * it holds the vocabulary blocks the rotation gives it, samples its tokens of those words document by
 * document, and pushes the change of its topic totals; the aggregator's reconciled totals come back before the
 * next sub-round. Its view of n_k is therefore stale by at most one sub-round of the other workers' changes;
 * n_wk and n_dk are always exact (each word's counts are held by one worker at a time, each document by its
 * owner).
 */
final class RotationLdaWorker implements WorkerTask<TopicCounts, TopicCounts, LdaStats>, BlockHolder<WordBlock>,
        ResidentHolder<DocTopics> {
    private final int worker;
    private final int numWorkers;
    private final LdaConfig config;
    private final LdaShard shard;
    private final WordBlock[] held;
    private final int[] totals;
    private final int[] synced;
    private final SparseSampler sampler;
    private final int[] scratch;
    private final long[] blockTokens;
    private final double[] logGammaTable;
    private double wordPart;
    /** Where sampleCell's look-ahead loads end up, so that the compiler keeps them (the value is of no use). */
    private int touched;
    private long measured;
    private LdaStats stats = LdaStats.NONE;

    RotationLdaWorker(int worker, int numWorkers, LdaConfig config, int vocabularySize, LdaShard shard,
                      int[] initialTotals, long[] blockTokens, double[] logGammaTable, long samplerSeed) {
        this.worker = worker;
        this.numWorkers = numWorkers;
        this.config = config;
        this.shard = shard;
        this.held = new WordBlock[blockTokens.length];
        this.totals = initialTotals.clone();
        this.synced = initialTotals.clone();
        this.blockTokens = blockTokens;
        this.scratch = new int[config.topics()];
        this.logGammaTable = logGammaTable;
        this.sampler = new SparseSampler(config.topics(), config.alpha(), config.beta(), vocabularySize, totals,
                samplerSeed, logGammaTable);
    }

    @Override
    public void receive(int block, WordBlock state) {
        held[block] = state;
    }

    @Override
    public WordBlock release(int block) {
        WordBlock b = held[block];
        held[block] = null;
        return b;
    }

    @Override
    public TopicCounts push(Schedule schedule) {
        long round = schedule.round();
        long iteration = round / numWorkers;
        boolean lastStep = round % numWorkers == numWorkers - 1;
        boolean measuring = lastStep && LdaSchedule.measures(iteration, config);
        if (measuring) {
            wordPart = 0;
        }
        int[] blocks = schedule.params();
        boolean iterationStarts = round % numWorkers == 0;
        for (int i = schedule.from(worker); i < schedule.to(worker); i++) {
            WordBlock block = held[blocks[i]];
            if (iterationStarts) {
                // Every block once per iteration: see TopicRows.canonicalize. The running lnΓ sum is summed
                // afresh too, so that its rounding does not depend on the history either.
                block.rows.canonicalize();
                block.rows.logGammaSum = Likelihood.wordPart(block.rows, logGammaTable);
            }
            sampleCell(block);
            if (measuring) {
                wordPart += block.rows.logGammaSum; // kept up to date by the sampler: measuring costs nothing
            }
            if (config.checkInvariants()) {
                Invariants.checkBlock(block, blockTokens[block.block], config.topics(), config.beta());
            }
        }
        if (measuring) {
            measured = iteration + 1; // the document part follows in localStats, outside the timed rounds
        }
        int[] delta = new int[totals.length];
        for (int k = 0; k < delta.length; k++) {
            delta[k] = totals[k] - synced[k];
        }
        if (config.checkInvariants()) {
            Invariants.checkTopics(shard.topics, config.topics());
            Invariants.checkNonNegative(totals, "worker " + worker + "'s topic totals");
        }
        return new TopicCounts(delta);
    }

    private void sampleCell(WordBlock block) {
        int b = block.block;
        int[] tokens = shard.cellTokens[b];
        int[] segDoc = shard.segDoc[b];
        int[] segEnd = shard.segEnd[b];
        int[] docPtr = shard.docPtr;
        int[] words = shard.words;
        int[] z = shard.topics;
        TopicRows rows = block.rows;
        int first = rows.firstWord;
        int[][] rowsOf = rows.rows;
        int touch = 0;
        int start = 0;
        for (int s = 0; s < segDoc.length; s++) {
            int d = segDoc[s];
            sampler.enterDoc(z, docPtr[d], docPtr[d + 1]);
            int end = segEnd[s];
            for (int t = start; t < end; t++) {
                int i = tokens[t];
                if (t + 2 < tokens.length) {
                    // Each token reads the row of a different word, often a cache miss: loading the start of
                    // the row two tokens ahead lets the miss overlap this token's work (Java has no prefetch).
                    touch += rowsOf[words[tokens[t + 2]] - first].length;
                }
                z[i] = sampler.resample(z[i], rows, words[i] - first);
            }
            sampler.exitDoc();
            start = end;
        }
        touched += touch;
    }

    @Override
    public void apply(TopicCounts reconciled) {
        System.arraycopy(reconciled.counts(), 0, totals, 0, totals.length);
        System.arraycopy(reconciled.counts(), 0, synced, 0, synced.length);
        sampler.refreshTotals();
    }

    /**
     * The worker's share of the log-likelihood as of the last measured iteration. The runtime asks right after
     * the round that ends it (evaluations fall on the same iterations), before any token moves again.
     */
    @Override
    public LdaStats localStats() {
        if (measured > stats.iteration()) {
            double docPart = Likelihood.docPart(shard.docPtr, shard.topics, config.topics(), config.alpha(), scratch);
            stats = new LdaStats(measured, docPart, wordPart, shard.numDocs(), shard.numTokens());
        }
        return stats;
    }

    @Override
    public DocTopics residentPart() {
        return new DocTopics(shard.firstDoc, shard.numDocs(), shard.topics.clone(), sampler.rngState());
    }
}
