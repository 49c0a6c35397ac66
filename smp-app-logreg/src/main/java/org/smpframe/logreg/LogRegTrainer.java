package org.smpframe.logreg;

import java.util.Arrays;
import java.util.Locale;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpSession;
import org.smpframe.api.TracePoint;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.ColumnBlock;
import org.smpframe.linear.CoordinateSchedulers;
import org.smpframe.linear.Layout;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.linear.PathProgress;
import org.smpframe.linear.PlacementStrategy;
import org.smpframe.linear.RegularizationPath;
import org.smpframe.linear.SolverMemory;

/**
 * Fits a sparse logistic regression, for one λ or along a regularization path, on any {@link SmpRuntime}.
 *
 * <pre>{@code
 * LogRegResult r = new LogRegTrainer(LogRegConfig.builder().lambda(1e-3).build())
 *         .fit(LibSvmReader.read(train), LibSvmReader.read(test), new EmbeddedRuntime(4), LogRegListener.NONE);
 * }</pre>
 */
public final class LogRegTrainer {
    /** The kind name of a logistic regression fit's checkpoint file. */
    public static final String CHECKPOINT_KIND = "logreg";

    private final LogRegConfig config;

    public LogRegTrainer(LogRegConfig config) {
        this.config = config;
    }

    public LogRegConfig config() {
        return config;
    }

    /**
     * What a checkpoint of a fit on {@code train} with {@code workers} workers must agree with: the data and every
     * option that changes the iterates. The round and time limits and the tolerances may differ.
     */
    public static String checkpointCompatibility(LabeledDataset train, LogRegConfig config, int workers) {
        return PathCheckpoint.compatibility(train, String.format(Locale.ROOT, "logreg lambda %s path %d ratio %s;"
                        + " scheduler %s %s; depth %d; eval-every %d; bias %s standardize %s; seed %d",
                config.lambda(), config.pathLength(), config.pathRatio(), config.scheduler(), config.scheduling(),
                config.pipelineDepth(), config.evaluateEvery(), config.bias(), config.standardize(), config.seed())
                + (layout(train, config) == Layout.FEATURES ? "; layout features" : ""), workers);
    }

    /** The layout a fit of {@code config} on {@code data} uses. */
    public static Layout layout(LabeledDataset data, LogRegConfig config) {
        return config.layoutFor(data.numRows(), data.numFeatures() + (config.bias() ? 1 : 0));
    }

    /**
     * @param train training data, labels −1/+1 or 0/1
     * @param test  test data for the metrics in the trace, or null
     */
    /**
     * Bytes the solver state for {@code data} takes with {@code workers} workers, beyond the loaded data: the
     * copy with the bias column (and standardized, if asked), its column-major copy, the workers' shards and
     * their seven per-row arrays (margins, exp(y m), labels, curvatures, directions, products), the outer
     * iteration's per-parameter arrays, the dependency oracle and the smp scheduler's pair table or cache.
     * Checked against the heap before the solver allocates anything.
     */
    public static long estimateBytes(LabeledDataset data, LogRegConfig config, int workers) {
        long n = data.numRows();
        int p = data.numFeatures() + (config.bias() ? 1 : 0);
        long nnz = data.features().nnz() + (config.bias() ? n : 0);
        long copy = config.bias() || config.standardize() ? SolverMemory.rowMajorBytes(n, nnz) : 0;
        if (layout(data, config) == Layout.FEATURES) {
            return copy + featureLayoutBytes(n, p, nnz, workers, config);
        }
        // labels, column stats, the shards' seven per-row arrays and w, d, the aggregator's per-parameter arrays
        long own = 8 * n + 40L * p + 56 * n + 16L * p * workers + 80L * p;
        return copy + own + SolverMemory.sharedBytes(n, p, nnz, workers, config.scheduler(), config.scheduling());
    }

    /**
     * The feature layout's solver state: the problem (labels, column statistics), the columns shared by the
     * workers (a dense copy for dense data, else the column-major one: only one of them is ever built); per worker its replicas of w and of the margins,
     * its row quantities and one round's n- and p-vectors (9 n-vectors, 2 more with several workers, and 7
     * p-vectors), the evaluation's per-column state; the aggregator's coefficients and gradient (and margins with
     * several workers); the scheduler's working set and reports.
     */
    static long featureLayoutBytes(long n, int p, long nnz, int workers, LogRegConfig config) {
        long problem = 8 * n + 40L * p;
        long columns = ColumnBlock.prefersDense(nnz, n, p) ? 8L * n * p + 16L * p
                : SolverMemory.columnMajorBytes(p, nnz);
        long perWorker = 8 * n * (9 + (workers > 1 ? 2 : 0)) + 60L * p;
        long aggregator = 24L * p + (workers > 1 ? 16 * n : 0);
        return problem + columns + workers * perWorker + aggregator
                + SolverMemory.featureSchedulerBytes(n, p, nnz, workers, config.scheduler(), config.scheduling());
    }

    /**
     * The program {@link #fit} runs on {@code train}: what a cluster worker builds (from the same data) to take
     * its shard.
     */
    public SmpProgram<?, ?, ?> program(LabeledDataset train) {
        return program(train, null);
    }

    /** As {@link #program(LabeledDataset)}, starting from the weights of {@code start} if not null. */
    public SmpProgram<?, ?, ?> program(LabeledDataset train, PathCheckpoint start) {
        LogRegProblem problem = LogRegProblem.of(train, config.bias(), config.standardize());
        SmpProgram<?, ?, ?> program = newProgram(problem, lambdas(problem, train.source())[0]);
        if (start != null && program instanceof FeatureLogRegProgram f) {
            f.startFrom(start.coefficients());
        }
        return program;
    }

    /** The program for {@code problem} in the layout of {@code config}, at the first λ. */
    private SmpProgram<?, ?, ?> newProgram(LogRegProblem problem, double lambda) {
        if (config.layoutFor(problem.n, problem.p) == Layout.FEATURES) {
            return new FeatureLogRegProgram(problem, lambda, config.tolerance(), config.relTolerance(),
                    PlacementStrategy.forScheduler(config.scheduler()), config.seed());
        }
        return new LogRegProgram(problem, lambda, config.tolerance(), config.relTolerance());
    }

    private double[] lambdas(LogRegProblem problem, String source) {
        return RegularizationPath.of(config.lambda(), config.pathLength(), config.pathRatio(), problem::lambdaMax,
                source, "no feature is correlated with the labels");
    }

    public LogRegResult fit(LabeledDataset train, LabeledDataset test, SmpRuntime runtime, LogRegListener listener) {
        return fit(train, test, runtime, listener, PathCheckpoints.NONE);
    }

    /**
     * Fits from {@code checkpoints.resumeFrom()} if given, handing the state to the checkpoint sink as it goes;
     * a resumed fit gives the uninterrupted one's result, bit for bit. The snapshots hold the aggregator's and the
     * workers' state (an outer Newton iteration in progress cannot be rebuilt from w), which the embedded runtime
     * saves.
     */
    public LogRegResult fit(LabeledDataset train, LabeledDataset test, SmpRuntime runtime, LogRegListener listener,
                            PathCheckpoints checkpoints) {
        MemoryBudget.require(estimateBytes(train, config, runtime.numWorkers()), String.format(Locale.ROOT,
                "logistic regression on %d rows x %d features (%d nonzeros, %d workers)", train.numRows(),
                train.numFeatures(), train.features().nnz(), runtime.numWorkers()));
        LogRegProblem problem = LogRegProblem.of(train, config.bias(), config.standardize());
        double[] lambdas = lambdas(problem, train.source());
        Layout layout = config.layoutFor(problem.n, problem.p);
        SmpProgram<?, ?, ?> program = newProgram(problem, lambdas[0]);
        LogRegAggregation aggregator = (LogRegAggregation) program.aggregator();
        if (checkpoints.resumeFrom() != null && program instanceof FeatureLogRegProgram f) {
            // The warm start of the stage resumed; a snapshot inside it then restores the workers' own state.
            f.startFrom(checkpoints.resumeFrom().coefficients());
        }
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
        PathProgress progress = new PathProgress(checkpoints, lambdas.length, problem.p);
        try (SmpSession session = runtime.open(program)) {
            return new LogRegResult(progress.run(session, lambdas, options, true,
                    () -> CoordinateSchedulers.create(config.scheduler(), config.scheduling(), layout),
                    config.scheduler(),
                    new PathProgress.PathApp<LogRegStage>() {
                        @Override
                        public void startStage(double lambda) {
                            aggregator.setLambda(lambda);
                        }

                        @Override
                        public void onEvaluation(int stage, double lambda, TracePoint p) {
                            LogRegModel now = config.traceMetrics() ? model(problem, aggregator.weights()) : null;
                            listener.onEvaluation(new LogRegTracePoint(stage, lambda, p.seconds(), p.round(),
                                    p.updates(), p.evaluation(), now == null ? null : metrics(now, train),
                                    now == null || test == null ? null : metrics(now, test)));
                        }

                        @Override
                        public double[] coefficients() {
                            return aggregator.weights();
                        }

                        @Override
                        public LogRegStage stage(int stage, double lambda, double[] w, RunSummary summary,
                                                 String schedulerName) {
                            LogRegModel model = model(problem, w);
                            return new LogRegStage(stage, lambda, model, summary, metrics(model, train),
                                    test == null ? null : metrics(model, test));
                        }

                        @Override
                        public void onStageEnd(LogRegStage stage) {
                            listener.onStageEnd(stage);
                        }
                    }));
        }
    }

    private static LogRegModel model(LogRegProblem problem, double[] w) {
        double bias = problem.bias ? w[problem.numFeatures] : Double.NaN;
        return new LogRegModel(problem.toOriginalScale(Arrays.copyOf(w, problem.numFeatures)), bias, problem.positiveLabel,
                problem.negativeLabel);
    }

    private static BinaryMetrics metrics(LogRegModel model, LabeledDataset data) {
        return BinaryMetrics.of(model.decisions(data.features()), data.labels());
    }
}
