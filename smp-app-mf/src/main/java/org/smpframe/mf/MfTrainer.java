package org.smpframe.mf;

import java.io.IOException;
import java.util.Locale;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.api.TracePoint;
import org.smpframe.data.Ratings;
import org.smpframe.schedulers.Schedulers;
import org.smpframe.schedulers.SchedulerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a matrix factorization on any {@link SmpRuntime}, evaluating (objective, train and test RMSE) after
 * every outer iteration.
 *
 * <pre>{@code
 * Ratings train = RatingsReader.read(file, RatingsReader.Options.defaults());
 * MfResult r = new MfTrainer(MfConfig.builder().rank(10).lambda(0.05).build())
 *         .fit(train, null, new EmbeddedRuntime(4), RoundListener.NONE);
 * }</pre>
 */
public final class MfTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(MfTrainer.class);

    private final MfConfig config;

    public MfTrainer(MfConfig config) {
        this.config = config;
    }

    public MfConfig config() {
        return config;
    }

    /**
     * Bytes the training state will take with {@code workers} workers, beyond the ratings themselves: for CCD++
     * each worker's cells (a residual and an item index per rating, row pointers per block) and user factors, the
     * travelling item blocks with their sums; for SGD each worker's copy of its ratings and of all item factors;
     * and the model assembled at the end. Checked against the heap before anything is allocated.
     */
    public static long estimateBytes(Ratings train, Ratings test, MfConfig config, int workers) {
        long r = train.size();
        long t = test == null ? 0 : test.size();
        long n = train.numUsers();
        long m = train.numItems();
        long cols = config.columns().count();
        long problem = 4 * (n + m) + 12 * t; // counts, the scored test triples
        long model = 8 * cols * (n + m) + 8 * cols * n + 4 * (n + 1) + 8 * r; // W, H, gathered parts, rated lists
        long state;
        if (config.method() == MfMethod.ROTATION) {
            long blocks = Math.max(1, Math.min(m, (long) workers * config.blocksPerWorker()));
            long cells = 8 * (r + t) + 8 * (n + workers) * blocks + 64 * blocks * workers;
            long users = 8 * cols * n + 24 * n; // factors, the two sums and the penalty weights
            long items = 8 * cols * m + 56 * m + 96 * blocks; // blocks: h, weights and six sums per item
            state = cells + users + items;
        } else {
            // a copy of H, the touched rows' starting values (up to all of H), item penalties and stamps
            long perWorker = 16 * cols * m + 16 * m;
            // ratings and order, W (and its initial draw), H and the last merge sent to the workers
            state = 16 * (r + t) + 16 * n + 16 * cols * n + workers * perWorker + 16 * cols * m + 12 * m;
        }
        return problem + state + model;
    }

    /** Fits on {@code train}; {@code test} (read with the training id maps) may be null. */
    public MfResult fit(Ratings train, Ratings test, SmpRuntime runtime, RoundListener listener) {
        return fit(train, test, runtime, listener, MfCheckpoints.NONE);
    }

    /**
     * Fits from {@code checkpoints.resumeFrom()} if given, handing the state to the checkpoint sink as it goes; a
     * resumed fit gives the uninterrupted one's model, bit for bit. Checkpoints hold the workers' state, which the
     * embedded runtime saves.
     */
    public MfResult fit(Ratings train, Ratings test, SmpRuntime runtime, RoundListener listener,
                        MfCheckpoints checkpoints) {
        MemoryBudget.require(estimateBytes(train, test, config, runtime.numWorkers()), String.format(Locale.ROOT,
                "matrix factorization of rank %d on %d ratings (%d workers, %s)", config.rank(), train.size(),
                runtime.numWorkers(), config.method().cliName()));
        return fit(MfProblem.of(train, test), runtime, listener, checkpoints);
    }

    /**
     * The program {@link #fit} runs on {@code train} and {@code test}: what a cluster worker builds (from the same
     * data) to take its shard.
     */
    public SmpProgram<?, ?, ?> program(Ratings train, Ratings test) {
        MfProblem problem = MfProblem.of(train, test);
        return config.method() == MfMethod.ROTATION ? new CcdProgram(problem, config) : new SgdProgram(problem, config);
    }

    public MfResult fit(MfProblem problem, SmpRuntime runtime, RoundListener listener) {
        return fit(problem, runtime, listener, MfCheckpoints.NONE);
    }

    public MfResult fit(MfProblem problem, SmpRuntime runtime, RoundListener listener, MfCheckpoints checkpoints) {
        if (config.method() == MfMethod.ROTATION) {
            CcdProgram program = new CcdProgram(problem, config);
            try (SmpSession session = runtime.open(program)) {
                int perIteration = program.roundsPerIteration(runtime.numWorkers());
                RunSummary summary = session.run(Schedulers.create("rotation", SchedulerSettings.defaults()),
                        options(perIteration, checkpoints), saving(listener, checkpoints));
                return new MfResult(withInfo(program.model(), problem, summary), summary, config.method(),
                        problem.numTestRatings(), problem.coldTestRatings());
            }
        }
        SgdProgram program = new SgdProgram(problem, config);
        try (SmpSession session = runtime.open(program)) {
            RunSummary summary = session.run(Schedulers.create("cyclic", SchedulerSettings.defaults()),
                    options(program.roundsPerIteration(), checkpoints), saving(listener, checkpoints));
            return new MfResult(withInfo(program.model(), problem, summary), summary, config.method(),
                        problem.numTestRatings(), problem.coldTestRatings());
        }
    }

    private RunOptions options(int roundsPerIteration, MfCheckpoints checkpoints) {
        boolean saving = checkpoints.saving();
        return RunOptions.builder()
                .maxRounds((long) config.iterations() * roundsPerIteration)
                // A static schedule costs nothing to compute: a scheduler thread running ahead would only take a
                // core from the workers.
                .pipelineDepth(0)
                .evaluateEvery(roundsPerIteration)
                .timeLimitSeconds(config.timeLimitSeconds())
                .seed(config.seed())
                .verifyWireFormats(config.verifyWireFormats())
                .checkpointEvery(saving ? checkpoints.everyIterations() * roundsPerIteration : 0)
                .checkpointSeconds(saving ? checkpoints.everySeconds() : 0)
                .checkpointProgram(saving)
                .resumeFrom(checkpoints.resumeFrom())
                .build();
    }

    /** The listener, with its checkpoints going to the sink (a failed write is a warning: the next may work). */
    private static RoundListener saving(RoundListener listener, MfCheckpoints checkpoints) {
        if (!checkpoints.saving()) {
            return listener;
        }
        return new RoundListener() {
            @Override
            public void onEvaluation(TracePoint point) {
                listener.onEvaluation(point);
            }

            @Override
            public void onCheckpoint(RunSnapshot snapshot) {
                if (snapshot.endedBy() == RunSummary.StopReason.CONVERGED) {
                    // Nothing to continue: resumed, the last checkpoint before it converges again, exactly. (A
                    // snapshot does not record that its run had ended, so this one would train on.)
                    return;
                }
                try {
                    checkpoints.sink().save(snapshot);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not write the checkpoint after round {} ({}); the previous one is kept",
                            snapshot.round(), e.toString());
                }
            }
        };
    }

    private MfModel withInfo(MfModel model, MfProblem problem, RunSummary summary) {
        model.setRated(problem.users, problem.items);
        model.setMeanRating(problem.mean);
        var info = model.info();
        info.put("method", config.method().cliName());
        info.put("lambda", Double.toString(config.lambda()));
        info.put("regularization", config.regularization().name().toLowerCase(Locale.ROOT));
        info.put("iterations", Long.toString((long) summary.last().evaluation().get(MfObjective.ITERATION)));
        info.put("objective", Double.toString(summary.last().evaluation().objective()));
        info.put("train_rmse", Double.toString(summary.last().evaluation().get(MfObjective.TRAIN_RMSE)));
        info.put("test_rmse", Double.toString(summary.last().evaluation().get(MfObjective.TEST_RMSE)));
        info.put("seed", Long.toString(config.seed()));
        return model;
    }
}
