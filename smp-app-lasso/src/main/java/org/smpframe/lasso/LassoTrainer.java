package org.smpframe.lasso;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.api.TracePoint;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.CoordinateSchedulers;
import org.smpframe.linear.Layout;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.linear.PathProgress;
import org.smpframe.linear.PlacementStrategy;
import org.smpframe.linear.RegularizationPath;
import org.smpframe.linear.SolverMemory;

/**
 * Fits a Lasso, for one λ or along a regularization path, on any {@link SmpRuntime}.
 *
 * <pre>{@code
 * LassoResult r = new LassoTrainer(LassoConfig.builder().path(20, 1e-3).build())
 *         .fit(LibSvmReader.read(file), new EmbeddedRuntime(4), LassoListener.NONE);
 * }</pre>
 */
public final class LassoTrainer {
    /** The kind name of a Lasso fit's checkpoint file. */
    public static final String CHECKPOINT_KIND = "lasso";

    private final LassoConfig config;

    public LassoTrainer(LassoConfig config) {
        this.config = config;
    }

    public LassoConfig config() {
        return config;
    }

    /**
     * What a checkpoint of a fit on {@code train} with {@code workers} workers must agree with: the data and every
     * option that changes the iterates. The round and time limits and the tolerance may differ.
     */
    public static String checkpointCompatibility(LabeledDataset train, LassoConfig config, int workers) {
        return PathCheckpoint.compatibility(train, String.format(Locale.ROOT, "lasso lambda %s path %d ratio %s;"
                        + " scheduler %s %s; depth %d; eval-every %d; intercept %s standardize %s; seed %d",
                config.lambda(), config.pathLength(), config.pathRatio(), config.scheduler(), config.scheduling(),
                config.pipelineDepth(), config.evaluateEvery(), config.intercept(), config.standardize(),
                config.seed()) + (config.covarianceUpdates() ? "; covariance updates" : "")
                + (layout(train, config) == Layout.FEATURES ? "; layout features" : ""), workers);
    }

    /** The layout a fit of {@code config} on {@code data} uses. */
    public static Layout layout(LabeledDataset data, LassoConfig config) {
        return config.layoutFor(data.numRows(), data.numFeatures());
    }

    /**
     * Bytes the solver state for {@code data} takes with {@code workers} workers, beyond the loaded data: the
     * standardized copy (if asked), the column-major copy, the workers' column-major shards and per-row state,
     * the dependency oracle and, for the smp scheduler, its pair table or cache; with covariance updates, each
     * worker's Gram matrix. Checked against the heap before the solver allocates anything.
     */
    public static long estimateBytes(LabeledDataset data, LassoConfig config, int workers) {
        long n = data.numRows();
        int p = data.numFeatures();
        long nnz = data.features().nnz();
        long standardized = config.standardize() ? SolverMemory.rowMajorBytes(n, nnz) : 0;
        if (layout(data, config) == Layout.FEATURES) {
            return standardized + featureLayoutBytes(n, p, nnz, workers, config);
        }
        long own = 8 * n + 24L * p + 8 * n + 24L * p * workers + 32L * p; // y, column stats, shards' y, β, sums
        long covariance = config.covarianceUpdates() ? workers * (8L * p * p + 40L * p) : 0; // Gram matrices
        return standardized + own + covariance
                + SolverMemory.sharedBytes(n, p, nnz, workers, config.scheduler(), config.scheduling());
    }

    /**
     * The feature layout's solver state: the problem (ỹ, column statistics) and its one column-major copy, dense
     * centred columns for dense data (shared by the workers) or compressed ones (shared with one worker, copied into
     * the workers' own blocks with several); per worker its column index and bookkeeping (about 100 bytes a
     * column it holds, 4p for the map from global columns), its residual replica with the evaluation's and the
     * extrapolation's n-vectors (16 of them, 3 more with several workers); the aggregator's coefficients and
     * gradient (and its copy of the residual with several workers); the scheduler's working set and reports.
     */
    static long featureLayoutBytes(long n, int p, long nnz, int workers, LassoConfig config) {
        long problem = 8 * n + 24L * p;
        boolean dense = org.smpframe.linear.ColumnBlock.prefersDense(nnz, n, p);
        long columns = dense ? 8L * n * p + 16L * p : SolverMemory.columnMajorBytes(p, nnz)
                + (workers > 1 ? 12 * nnz + 4L * p : 0);
        long perWorker = 8 * n * (16 + (workers > 1 ? 3 : 0)) + 4L * p;
        long blocks = 100L * p;
        long aggregator = 16L * p + (workers > 1 ? 24 * n : 0);
        return problem + columns + workers * perWorker + blocks + aggregator
                + SolverMemory.featureSchedulerBytes(n, p, nnz, workers, config.scheduler(), config.scheduling());
    }

    public LassoResult fit(LabeledDataset train, SmpRuntime runtime, LassoListener listener) {
        return fit(train, runtime, listener, PathCheckpoints.NONE);
    }

    /**
     * Fits from {@code checkpoints.resumeFrom()} if given, handing the state to the checkpoint sink as it goes; a
     * resumed fit gives the uninterrupted one's result, bit for bit.
     */
    public LassoResult fit(LabeledDataset train, SmpRuntime runtime, LassoListener listener,
                           PathCheckpoints checkpoints) {
        if (config.covarianceUpdates()) {
            LassoCovarianceWorker.requireFits(train.numFeatures()); // before the memory check asks for 8p² a worker
        }
        MemoryBudget.require(estimateBytes(train, config, runtime.numWorkers()), String.format(Locale.ROOT,
                "the Lasso on %d rows x %d features (%d nonzeros, %d workers)", train.numRows(), train.numFeatures(),
                train.features().nnz(), runtime.numWorkers()));
        LassoProblem problem = LassoProblem.of(train, config.intercept(), config.standardize());
        return fit(problem, train.source(), runtime, listener, checkpoints);
    }

    /** The program for {@code problem} in the layout of {@code config}, at the first λ. */
    private SmpProgram<?, ?, ?> newProgram(LassoProblem problem, double lambda) {
        if (config.layoutFor(problem.n, problem.p) == Layout.FEATURES) {
            return new FeatureLassoProgram(problem, lambda, config.tolerance(),
                    PlacementStrategy.forScheduler(config.scheduler()), config.seed());
        }
        return new LassoProgram(problem, lambda, config.tolerance(), config.covarianceUpdates());
    }

    private static void startFrom(SmpProgram<?, ?, ?> program, double[] beta) {
        if (program instanceof FeatureLassoProgram f) {
            f.startFrom(beta);
        } else {
            ((LassoProgram) program).startFrom(beta);
        }
    }

    /**
     * The program {@link #fit} runs on {@code train}: what a cluster worker builds (from the same data) to take
     * its shard.
     */
    public SmpProgram<?, ?, ?> program(LabeledDataset train) {
        return program(train, null);
    }

    /** As {@link #program(LabeledDataset)}, starting from the coefficients of {@code start} if not null. */
    public SmpProgram<?, ?, ?> program(LabeledDataset train, PathCheckpoint start) {
        LassoProblem problem = LassoProblem.of(train, config.intercept(), config.standardize());
        SmpProgram<?, ?, ?> program = newProgram(problem, lambdas(problem, train.source())[0]);
        if (start != null) {
            startFrom(program, start.coefficients());
        }
        return program;
    }

    private double[] lambdas(LassoProblem problem, String source) {
        return RegularizationPath.of(config.lambda(), config.pathLength(), config.pathRatio(), problem::lambdaMax,
                source, "every feature is orthogonal to the target");
    }

    public LassoResult fit(LassoProblem problem, String source, SmpRuntime runtime, LassoListener listener) {
        return fit(problem, source, runtime, listener, PathCheckpoints.NONE);
    }

    public LassoResult fit(LassoProblem problem, String source, SmpRuntime runtime, LassoListener listener,
                           PathCheckpoints checkpoints) {
        double[] lambdas = lambdas(problem, source);
        PathProgress progress = new PathProgress(checkpoints, lambdas.length, problem.p);
        Layout layout = config.layoutFor(problem.n, problem.p);
        SmpProgram<?, ?, ?> program = newProgram(problem, lambdas[0]);
        LassoAggregation aggregator = (LassoAggregation) program.aggregator();
        // In the feature layout the scheduler asks for its checks itself; --eval-every adds fixed ones.
        int evaluateEvery = config.evaluateEvery() > 0 ? config.evaluateEvery()
                : layout == Layout.FEATURES ? Integer.MAX_VALUE : config.scheduling().roundsPerSweep(problem.p);
        RunOptions options = RunOptions.builder()
                .maxRounds(config.maxRounds())
                .pipelineDepth(config.pipelineDepth())
                .evaluateEvery(evaluateEvery)
                .timeLimitSeconds(config.timeLimitSeconds())
                .seed(config.seed())
                .verifyWireFormats(config.verifyWireFormats())
                .build();
        if (checkpoints.resumeFrom() != null) {
            // The workers rebuild their residuals from β as the evaluation before the checkpoint did.
            startFrom(program, checkpoints.resumeFrom().coefficients());
        }
        // The feature layout's workers hold state that cannot be rebuilt from β alone on one worker (the others'
        // columns): its checkpoints carry the program's state.
        boolean programState = layout == Layout.FEATURES;
        try (SmpSession session = runtime.open(program)) {
            return new LassoResult(progress.run(session, lambdas, options, programState,
                    () -> CoordinateSchedulers.create(config.scheduler(), config.scheduling(), layout),
                    config.scheduler(),
                    new PathProgress.PathApp<LassoStage>() {
                        @Override
                        public void startStage(double lambda) {
                            aggregator.setLambda(lambda);
                        }

                        @Override
                        public void onEvaluation(int stage, double lambda, TracePoint p) {
                            listener.onEvaluation(new LassoTracePoint(stage, lambda, p.seconds(), p.round(),
                                    p.updates(), p.evaluation()));
                        }

                        @Override
                        public double[] coefficients() {
                            return aggregator.beta();
                        }

                        @Override
                        public LassoStage stage(int stage, double lambda, double[] beta, RunSummary summary,
                                                String schedulerName) {
                            return new LassoStage(stage, lambda,
                                    model(problem, beta, lambda, source, summary, schedulerName), summary);
                        }

                        @Override
                        public void onStageEnd(LassoStage stage) {
                            listener.onStageEnd(stage);
                        }
                    }));
        }
    }

    private LassoModel model(LassoProblem problem, double[] beta, double lambda, String source, RunSummary summary,
                             String schedulerName) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("lambda", Double.toString(lambda));
        info.put("objective", Double.toString(summary.last().evaluation().objective()));
        info.put("gap", Double.toString(summary.last().evaluation().get(LassoAggregator.GAP)));
        info.put("converged", Boolean.toString(summary.reason() == RunSummary.StopReason.CONVERGED));
        info.put("rounds", Long.toString(summary.rounds()));
        info.put("scheduler", schedulerName);
        info.put("seed", Long.toString(config.seed()));
        info.put("standardize", Boolean.toString(config.standardize()));
        info.put("fit_intercept", Boolean.toString(config.intercept()));
        info.put("train", source.replaceAll("\\s", "_"));
        return new LassoModel(problem.toOriginalScale(beta), problem.interceptFor(beta), info);
    }
}
