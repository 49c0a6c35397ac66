package org.smpframe.logreg;

import java.util.Arrays;
import java.util.Locale;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.api.TracePoint;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.CoordinateSchedulers;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.linear.PathProgress;
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
                config.pipelineDepth(), config.evaluateEvery(), config.bias(), config.standardize(), config.seed()),
                workers);
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
        // labels, column stats, the shards' seven per-row arrays and w, d, the aggregator's per-parameter arrays
        long own = 8 * n + 40L * p + 56 * n + 16L * p * workers + 80L * p;
        return copy + own + SolverMemory.sharedBytes(n, p, nnz, workers, config.scheduler(), config.scheduling());
    }

    /**
     * The program {@link #fit} runs on {@code train}: what a cluster worker builds (from the same data) to take
     * its shard.
     */
    public LogRegProgram program(LabeledDataset train) {
        LogRegProblem problem = LogRegProblem.of(train, config.bias(), config.standardize());
        return program(problem, lambdas(problem, train.source()));
    }

    private LogRegProgram program(LogRegProblem problem, double[] lambdas) {
        return new LogRegProgram(problem, lambdas[0], config.tolerance(), config.relTolerance());
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
        LogRegProgram program = program(problem, lambdas);
        LogRegAggregator aggregator = program.aggregator();
        int evaluateEvery = config.evaluateEvery() > 0 ? config.evaluateEvery()
                : config.scheduling().roundsPerSweep(problem.p);
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
                    () -> CoordinateSchedulers.create(config.scheduler(), config.scheduling()), config.scheduler(),
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
