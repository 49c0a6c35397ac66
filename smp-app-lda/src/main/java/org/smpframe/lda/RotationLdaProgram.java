package org.smpframe.lda;

import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.Evaluation;
import org.smpframe.api.MovingBlocks;
import org.smpframe.api.ParkedBlocks;
import org.smpframe.api.ResidentModel;
import org.smpframe.api.Schedule;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.BalancedRanges;

/**
 * LDA on the rotation schedule (SMP.md §3): documents sharded across the P workers (balanced by tokens), the
 * vocabulary cut into P·m blocks (balanced by tokens) that the {@code rotation} scheduler moves around the ring.
 * In sub-round r worker p samples its tokens whose words are in the blocks it holds; after P sub-rounds every
 * token has been sampled once (one iteration). Only the topic totals pass through the aggregator, reconciled
 * after every sub-round (K ints per worker).
 */
final class RotationLdaProgram implements SmpProgram<TopicCounts, TopicCounts, LdaStats>, LdaRun {
    private final LdaProblem problem;
    private final LdaConfig config;
    private final int[] totals;
    private int numWorkers;
    private int[] docBounds;
    private ParkedBlocks<WordBlock> home;
    private long[] blockTokens;
    private DocTopicParts parts;

    RotationLdaProgram(LdaProblem problem, LdaConfig config) {
        this.problem = problem;
        this.config = config;
        this.totals = problem.initialTotals();
    }

    @Override
    public String name() {
        return "lda-rotation";
    }

    @Override
    public int roundsPerIteration(int workers) {
        return workers;
    }

    @Override
    public int numParameters() {
        requireLayout();
        return home.count();
    }

    @Override
    public WorkerTask<TopicCounts, TopicCounts, LdaStats> createWorker(int worker, int workers) {
        partition(workers);
        int[] blockOfWord = new int[problem.vocabularySize];
        for (int block = 0; block < home.count(); block++) {
            WordBlock b = home.get(block);
            for (int w = 0; w < b.rows.size(); w++) {
                blockOfWord[b.rows.firstWord + w] = b.block;
            }
        }
        LdaShard shard = new LdaShard(problem, docBounds[worker], docBounds[worker + 1], blockOfWord, home.count());
        return new RotationLdaWorker(worker, workers, config, problem.vocabularySize, shard, totals, blockTokens,
                problem.logGammaTable, problem.samplerSeed(worker, workers));
    }

    @Override
    public void partition(int p) {
        if (numWorkers == p) {
            return;
        }
        if (numWorkers != 0) {
            throw new IllegalStateException("already split for " + numWorkers + " workers, not " + p);
        }
        numWorkers = p;
        docBounds = BalancedRanges.of(problem.docLengths(), p);
        int numBlocks = Math.max(1, Math.min(problem.vocabularySize, p * config.blocksPerWorker()));
        int[] wordBounds = BalancedRanges.of(problem.wordCounts, numBlocks);
        WordBlock[] blocks = new WordBlock[numBlocks];
        blockTokens = new long[numBlocks];
        for (int b = 0; b < numBlocks; b++) {
            blocks[b] = new WordBlock(b, problem.initialRows(wordBounds[b], wordBounds[b + 1]));
            for (int w = wordBounds[b]; w < wordBounds[b + 1]; w++) {
                blockTokens[b] += problem.wordCounts[w];
            }
        }
        home = new ParkedBlocks<>(blocks, WordBlock.FORMAT, "vocabulary block");
        parts = new DocTopicParts(p);
    }

    private void requireLayout() {
        if (home == null) {
            throw new IllegalStateException("the layout is fixed when the workers are created");
        }
    }

    @Override
    public MovingBlocks<WordBlock> movingBlocks() {
        requireLayout();
        return home;
    }

    @Override
    public ResidentModel<DocTopics> residentModel() {
        requireLayout();
        return parts;
    }

    @Override
    public LdaCheckpoint checkpoint(long round) {
        return parts.checkpoint(round, problem.words.length);
    }

    @Override
    public LdaModel model() {
        requireLayout();
        TopicRows[] blocks = new TopicRows[home.count()];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = home.get(b).rows;
            blocks[b].canonicalize(); // the files list equal counts in the same order however the chain got here
        }
        return LdaModel.of(problem, config, blocks, totals, parts.assemble(problem.words.length));
    }

    @Override
    public Aggregator<TopicCounts, TopicCounts, LdaStats> aggregator() {
        return new Aggregator<>() {
            @Override
            public TopicCounts pull(Schedule schedule, List<TopicCounts> partials, ChangeSink changes) {
                for (TopicCounts delta : partials) {
                    int[] d = delta.counts();
                    for (int k = 0; k < totals.length; k++) {
                        totals[k] += d[k];
                    }
                }
                if (config.checkInvariants()) {
                    Invariants.checkTotals(totals, problem.words.length);
                }
                return new TopicCounts(totals.clone());
            }

            @Override
            public Evaluation evaluate(List<LdaStats> stats) {
                return LdaObjective.evaluate(stats, 0, totals, config, problem.vocabularySize);
            }
        };
    }

    @Override
    public WireFormat<TopicCounts> partialFormat() {
        return TopicCounts.FORMAT;
    }

    @Override
    public WireFormat<TopicCounts> commitFormat() {
        return TopicCounts.FORMAT;
    }

    @Override
    public WireFormat<LdaStats> statsFormat() {
        return LdaStats.FORMAT;
    }
}
