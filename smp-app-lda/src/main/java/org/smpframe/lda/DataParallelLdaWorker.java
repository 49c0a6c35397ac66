package org.smpframe.lda;

import java.util.Arrays;
import org.smpframe.api.ResidentHolder;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;

/**
 * A worker of the data-parallel baseline (AD-LDA): samples every token of its documents against its own copy of
 * all word-topic counts, which the other workers' changes reach only at the end of the iteration. Where two
 * workers' documents share a word, each samples against counts missing the other's changes of this iteration:
 * the staleness the rotation avoids.
 */
final class DataParallelLdaWorker implements WorkerTask<TopicMoves, TopicMoves, LdaStats>,
        ResidentHolder<DocTopics> {
    private final int worker;
    private final LdaConfig config;
    private final LdaShard shard;
    private final TopicRows rows;
    private final int[] totals;
    private final SparseSampler sampler;
    private final int[] scratch;
    private int[] moves = new int[3 * 1024];
    private int numMoves;
    private long measured;
    private LdaStats stats = LdaStats.NONE;

    DataParallelLdaWorker(int worker, LdaConfig config, int vocabularySize, LdaShard shard, TopicRows rows,
                          int[] initialTotals, long samplerSeed) {
        this.worker = worker;
        this.config = config;
        this.shard = shard;
        this.rows = rows;
        this.totals = initialTotals.clone();
        this.scratch = new int[config.topics()];
        this.sampler = new SparseSampler(config.topics(), config.alpha(), config.beta(), vocabularySize, totals,
                samplerSeed, null);
    }

    @Override
    public TopicMoves push(Schedule schedule) {
        numMoves = 0;
        rows.canonicalize(); // once per iteration: see TopicRows.canonicalize
        int[] docPtr = shard.docPtr;
        int[] words = shard.words;
        int[] z = shard.topics;
        for (int d = 0; d < shard.numDocs(); d++) {
            sampler.enterDoc(z, docPtr[d], docPtr[d + 1]);
            for (int i = docPtr[d]; i < docPtr[d + 1]; i++) {
                int old = z[i];
                int topic = sampler.resample(old, rows, words[i]);
                z[i] = topic;
                if (topic != old) {
                    record(words[i], old, topic);
                }
            }
            sampler.exitDoc();
        }
        if (LdaSchedule.measures(schedule.round(), config)) {
            measured = schedule.round() + 1; // the document part follows in localStats, outside the timed rounds
        }
        if (config.checkInvariants()) {
            Invariants.checkTopics(z, config.topics());
            Invariants.checkNonNegative(totals, "worker " + worker + "'s topic totals");
        }
        return new TopicMoves(Arrays.copyOf(moves, 3 * numMoves), new int[] {3 * numMoves});
    }

    private void record(int word, int old, int topic) {
        if (3 * numMoves + 3 > moves.length) {
            moves = Arrays.copyOf(moves, moves.length * 2);
        }
        moves[3 * numMoves] = word;
        moves[3 * numMoves + 1] = old;
        moves[3 * numMoves + 2] = topic;
        numMoves++;
    }

    /** Applies the other workers' changes of the iteration; this worker's own are in its counts already. */
    @Override
    public void apply(TopicMoves merged) {
        int[] m = merged.moves();
        int from = 0;
        for (int p = 0; p < merged.workerEnd().length; p++) {
            int to = merged.workerEnd()[p];
            if (p != worker) {
                for (int i = from; i < to; i += 3) {
                    rows.decrement(m[i], m[i + 1]);
                    rows.increment(m[i], m[i + 2]);
                    totals[m[i + 1]]--;
                    totals[m[i + 2]]++;
                }
            }
            from = to;
        }
        sampler.refreshTotals();
    }

    @Override
    public LdaStats localStats() {
        if (measured > stats.iteration()) {
            stats = new LdaStats(measured, Likelihood.docPart(shard.docPtr, shard.topics, config.topics(),
                    config.alpha(), scratch), 0, shard.numDocs(), shard.numTokens());
        }
        return stats;
    }

    @Override
    public DocTopics residentPart() {
        return new DocTopics(shard.firstDoc, shard.numDocs(), shard.topics.clone(), sampler.rngState());
    }
}
