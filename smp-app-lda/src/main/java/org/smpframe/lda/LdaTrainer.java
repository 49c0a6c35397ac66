package org.smpframe.lda;

import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.api.TracePoint;
import org.smpframe.data.Corpus;
import org.smpframe.schedulers.SchedulerSettings;
import org.smpframe.schedulers.Schedulers;

/**
 * Trains an LDA model on any {@link SmpRuntime}: collapsed Gibbs sampling with the rotation schedule (or the
 * data-parallel baseline), the joint log-likelihood every few iterations, and, given test documents, the
 * held-out perplexity by document completion at the end.
 *
 * <pre>{@code
 * Corpus corpus = CorpusReader.readLdaC(Path.of("ap.dat"), Path.of("vocab.txt"));
 * LdaResult r = new LdaTrainer(LdaConfig.builder().topics(100).iterations(200).build())
 *         .fit(corpus, null, new EmbeddedRuntime(4), RoundListener.NONE);
 * }</pre>
 */
public final class LdaTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(LdaTrainer.class);

    /** Gibbs sweeps over the observed half of each test document before the held-out words are scored. */
    public static final int COMPLETION_ITERATIONS = 50;

    private final LdaConfig config;

    public LdaTrainer(LdaConfig config) {
        this.config = config;
    }

    public LdaConfig config() {
        return config;
    }

    /**
     * Bytes the training state of {@code corpus} will take with {@code workers} workers, beyond the corpus itself:
     * the topic of every token and its copies in the workers' shards, the word-topic rows (one copy under the
     * rotation, one per worker plus the merged one for data-parallel), the samplers' K-long arrays, and the model
     * assembled at the end. Checked against the heap before anything is allocated.
     */
    public static long estimateBytes(Corpus corpus, LdaConfig config, int workers) {
        long n = corpus.numTokens();
        long v = corpus.vocabularySize();
        long d = corpus.numDocs();
        long k = config.topics();
        long rowEntries = 0;
        long maxCount = 0;
        for (int c : corpus.wordCounts()) {
            rowEntries += Math.min(k, c);
            maxCount = Math.max(maxCount, c);
        }
        long rows = 4 * rowEntries + 40 * v; // entries, plus an array header and a reference per word
        boolean rotation = config.method() == LdaMethod.ROTATION;
        long blocks = rotation ? Math.max(1, Math.min(v, (long) workers * config.blocksPerWorker())) : 1;
        long segments = Math.min(n, d * blocks);
        long problem = 4 * n + 4 * v + 8 * (maxCount + 2); // initial topics, word counts, lnΓ table
        long shards = 12 * n + 4 * (d + workers) + 8 * segments + 48 * blocks * workers; // words, topics, cells
        long samplers = workers * (80 * k + 256); // coef, inv, q terms, doc counts and lists, totals
        long counts = rotation ? rows : (workers + 1) * rows + 24 * n; // data-parallel: copies, and the moves
        long model = rows + 8 * n; // the final counts and the gathered topics
        return problem + shards + samplers + counts + model;
    }

    /** Trains on {@code train}; {@code test} (same vocabulary) may be null. */
    public LdaResult fit(Corpus train, Corpus test, SmpRuntime runtime, RoundListener listener) {
        return fit(train, test, runtime, listener, LdaCheckpoints.NONE);
    }

    /**
     * Trains on {@code train}, from {@code checkpoints.resumeFrom()} if given, handing the chain's state to the
     * checkpoint sink as it goes. The run is then a series of runs of one session, each ending on a checkpoint;
     * a resumed run repeats the uninterrupted one exactly (the same topics, bit for bit).
     */
    public LdaResult fit(Corpus train, Corpus test, SmpRuntime runtime, RoundListener listener,
                         LdaCheckpoints checkpoints) {
        if (test != null && test.vocabulary() != train.vocabulary()) {
            throw new IllegalArgumentException("test documents must use the training vocabulary");
        }
        MemoryBudget.require(estimateBytes(train, config, runtime.numWorkers()), String.format(Locale.ROOT,
                "LDA with %d topics on %d tokens (%d workers, %s)", config.topics(), train.numTokens(),
                runtime.numWorkers(), config.method().cliName()));
        SmpProgram<?, ?, ?> program = program(train, checkpoints.resumeFrom());
        return run(program, (LdaRun) program, runtime, listener, test, checkpoints);
    }

    /**
     * The program {@link #fit} runs on {@code train}: what a cluster worker builds (from the same corpus) to take
     * its shard.
     */
    public SmpProgram<?, ?, ?> program(Corpus train) {
        return program(train, null);
    }

    /** As {@link #program(Corpus)}, the chain starting at {@code start} (a checkpoint) if not null. */
    public SmpProgram<?, ?, ?> program(Corpus train, LdaCheckpoint start) {
        LdaProblem problem = new LdaProblem(train, config, start);
        return config.method() == LdaMethod.ROTATION ? new RotationLdaProgram(problem, config)
                : new DataParallelLdaProgram(problem, config);
    }

    private <P, C, S> LdaResult run(SmpProgram<P, C, S> program, LdaRun lda, SmpRuntime runtime,
                                    RoundListener listener, Corpus test, LdaCheckpoints checkpoints) {
        int perIteration = lda.roundsPerIteration(runtime.numWorkers());
        long total = (long) config.iterations() * perIteration;
        long startRound = checkpoints.resumeFrom() == null ? 0 : checkpoints.resumeFrom().round();
        // Runs end on multiples of the interval counted from round 0, so that a resumed run ends its runs (and
        // so evaluates) where the uninterrupted one did.
        long chunk = checkpoints.everyIterations() > 0 ? (long) checkpoints.everyIterations() * perIteration : total;
        long round = startRound;
        double seconds = 0;
        long updates = 0;
        RunSummary last = null;
        boolean outOfTime = false;
        try (SmpSession session = runtime.open(program)) {
            while (round < total || last == null) {
                double timeLeft = config.timeLimitSeconds() > 0 ? config.timeLimitSeconds() - seconds : 0;
                if (last != null && config.timeLimitSeconds() > 0 && timeLeft <= 0) {
                    outOfTime = true; // the limit ran out exactly at a run's end
                    break;
                }
                // A timed checkpoint ends the run at the first iteration end after its interval, as a time limit
                // would; the chain does not depend on where runs end, only the trace gains a row there.
                boolean timed = checkpoints.sink() != null && checkpoints.everySeconds() > 0
                        && (timeLeft <= 0 || checkpoints.everySeconds() < timeLeft);
                RunOptions options = RunOptions.builder()
                        .firstRound(round)
                        .stopEvery(perIteration) // a stop mid-iteration could not be resumed exactly
                        .maxRounds(Math.min(total, (round / chunk + 1) * chunk))
                        .pipelineDepth(0) // a static schedule: a scheduler thread would only take a core
                        .evaluateEvery(config.evaluateEvery() * perIteration)
                        .timeLimitSeconds(timed ? checkpoints.everySeconds() : timeLeft)
                        .seed(config.seed())
                        .verifyWireFormats(config.verifyWireFormats())
                        .build();
                String scheduler = config.method() == LdaMethod.ROTATION ? "rotation" : "cyclic";
                double secondsBefore = seconds;
                long updatesBefore = updates;
                last = session.run(Schedulers.create(scheduler, SchedulerSettings.defaults()), options,
                        p -> listener.onEvaluation(new TracePoint(secondsBefore + p.seconds(), p.round(),
                                updatesBefore + p.updates(), p.evaluation())));
                seconds += last.seconds();
                updates += last.updates();
                round += last.rounds();
                if (checkpoints.sink() != null) {
                    try {
                        checkpoints.sink().save(lda.checkpoint(round));
                    } catch (IOException | RuntimeException e) {
                        // The chain in memory and the previous checkpoint are fine: go on, and try at the next one.
                        LOG.warn("could not write the checkpoint after round {} ({}); the previous one is kept",
                                round, e.toString());
                    }
                }
                boolean timerEnded = timed && last.reason() == RunSummary.StopReason.TIME_LIMIT;
                if (last.reason() != RunSummary.StopReason.MAX_ROUNDS && !timerEnded) {
                    break;
                }
            }
        }
        TracePoint lastPoint = last.last() == null ? null : new TracePoint(seconds, last.last().round(), updates,
                last.last().evaluation());
        RunSummary summary = new RunSummary(outOfTime ? RunSummary.StopReason.TIME_LIMIT : last.reason(),
                round - startRound, updates, seconds, lastPoint, last.traffic());
        LdaModel model = lda.model();
        // Of the state the model holds: a time limit can stop the run after the last measured iteration.
        double logLikelihood = model.trainingLogLikelihood();
        double iterations = round / (double) perIteration;
        // A stopped run writes what it has at once: held-out perplexity can take minutes on a big test set.
        double perplexity = test == null || test.numTokens() == 0 || summary.reason() == RunSummary.StopReason.STOPPED
                ? Double.NaN
                : model.completionPerplexity(test, COMPLETION_ITERATIONS, config.seed());
        model.info().put("method", config.method().cliName());
        model.info().put("iterations", iterations == Math.rint(iterations) ? Long.toString((long) iterations)
                : String.format(Locale.ROOT, "%.2f", iterations));
        model.info().put("stopped_by", summary.reason().name().toLowerCase(Locale.ROOT));
        model.info().put("log_likelihood", Double.toString(logLikelihood));
        model.info().put("seed", Long.toString(config.seed()));
        if (!Double.isNaN(perplexity)) {
            model.info().put("test_perplexity", String.format(Locale.ROOT, "%.4f", perplexity));
        }
        return new LdaResult(model, summary, perplexity, logLikelihood, iterations);
    }
}
