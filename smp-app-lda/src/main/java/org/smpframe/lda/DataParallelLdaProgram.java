package org.smpframe.lda;

import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.Evaluation;
import org.smpframe.api.ResidentModel;
import org.smpframe.api.Schedule;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.BalancedRanges;

/**
 * The data-parallel baseline (AD-LDA, Newman, Asuncion, Smyth and Welling, JMLR 2009) in the same framework:
 * one round is one iteration in which every worker samples all its tokens against its own copy of the counts;
 * the aggregator merges every worker's topic changes into the global counts and sends them to the others. Each
 * worker keeps a copy of the whole word-topic table (P times the model's memory).
 */
final class DataParallelLdaProgram implements SmpProgram<TopicMoves, TopicMoves, LdaStats>, LdaRun {
    private final LdaProblem problem;
    private final LdaConfig config;
    private final TopicRows global;
    private final int[] totals;
    private int numWorkers;
    private int[] docBounds;
    private DocTopicParts parts;

    DataParallelLdaProgram(LdaProblem problem, LdaConfig config) {
        this.problem = problem;
        this.config = config;
        this.global = problem.initialRows(0, problem.vocabularySize);
        this.totals = problem.initialTotals();
    }

    @Override
    public String name() {
        return "lda-data-parallel";
    }

    @Override
    public int roundsPerIteration(int workers) {
        return 1;
    }

    @Override
    public int numParameters() {
        return 1;
    }

    @Override
    public void partition(int workers) {
        if (numWorkers == workers) {
            return;
        }
        if (numWorkers != 0) {
            throw new IllegalStateException("already split for " + numWorkers + " workers, not " + workers);
        }
        numWorkers = workers;
        docBounds = BalancedRanges.of(problem.docLengths(), workers);
        parts = new DocTopicParts(workers);
    }

    @Override
    public WorkerTask<TopicMoves, TopicMoves, LdaStats> createWorker(int worker, int workers) {
        partition(workers);
        LdaShard shard = new LdaShard(problem, docBounds[worker], docBounds[worker + 1],
                new int[problem.vocabularySize], 1);
        return new DataParallelLdaWorker(worker, config, problem.vocabularySize, shard, copy(global), totals,
                problem.samplerSeed(worker, workers));
    }

    private static TopicRows copy(TopicRows rows) {
        int[][] r = new int[rows.rows.length][];
        for (int w = 0; w < r.length; w++) {
            r[w] = rows.rows[w].clone();
        }
        return new TopicRows(rows.firstWord, r, rows.topicBits);
    }

    @Override
    public ResidentModel<DocTopics> residentModel() {
        return parts;
    }

    @Override
    public LdaCheckpoint checkpoint(long round) {
        return parts.checkpoint(round, problem.words.length);
    }

    @Override
    public LdaModel model() {
        global.canonicalize(); // the files list equal counts in the same order however the chain got here
        return LdaModel.of(problem, config, new TopicRows[] {global}, totals,
                parts.assemble(problem.words.length));
    }

    @Override
    public Aggregator<TopicMoves, TopicMoves, LdaStats> aggregator() {
        return new Aggregator<>() {
            @Override
            public TopicMoves pull(Schedule schedule, List<TopicMoves> partials, ChangeSink changes) {
                int total = 0;
                for (TopicMoves m : partials) {
                    total += m.moves().length;
                }
                int[] all = new int[total];
                int[] ends = new int[partials.size()];
                int n = 0;
                for (int p = 0; p < partials.size(); p++) {
                    int[] m = partials.get(p).moves();
                    for (int i = 0; i < m.length; i += 3) {
                        global.decrement(m[i], m[i + 1]);
                        global.increment(m[i], m[i + 2]);
                        totals[m[i + 1]]--;
                        totals[m[i + 2]]++;
                    }
                    System.arraycopy(m, 0, all, n, m.length);
                    n += m.length;
                    ends[p] = n;
                }
                if (config.checkInvariants()) {
                    Invariants.checkTotals(totals, problem.words.length);
                }
                return new TopicMoves(all, ends);
            }

            @Override
            public Evaluation evaluate(List<LdaStats> stats) {
                return LdaObjective.evaluate(stats, Likelihood.wordPart(global, problem.logGammaTable), totals, config,
                        problem.vocabularySize);
            }
        };
    }

    @Override
    public WireFormat<TopicMoves> partialFormat() {
        return TopicMoves.FORMAT;
    }

    @Override
    public WireFormat<TopicMoves> commitFormat() {
        return TopicMoves.FORMAT;
    }

    @Override
    public WireFormat<LdaStats> statsFormat() {
        return LdaStats.FORMAT;
    }
}
