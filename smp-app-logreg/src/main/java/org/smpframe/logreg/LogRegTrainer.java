package org.smpframe.logreg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.api.StopRequest;
import org.smpframe.api.TracePoint;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.CoordinateSchedulers;
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
    private final LogRegConfig config;

    public LogRegTrainer(LogRegConfig config) {
        this.config = config;
    }

    public LogRegConfig config() {
        return config;
    }

    /**
     * @param train training data, labels −1/+1 or 0/1
     * @param test  test data for the metrics in the trace, or null
     */
    /**
     * Bytes the solver state for {@code data} takes with {@code workers} workers, beyond the loaded data: the
     * copy with the bias column (and standardized, if asked), its column-major copy, the workers' shards and
     * their seven per-row arrays (margins, exp(y m), labels, curvatures, directions, products), the outer
     * iteration's per-parameter arrays, the dependency oracle and the smp scheduler's pair cache. Checked against
     * the heap before the solver allocates anything.
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
        List<LogRegStage> stages = new ArrayList<>();
        try (SmpSession session = runtime.open(program)) {
            double seconds = 0;
            long rounds = 0;
            long updates = 0;
            for (int stage = 0; stage < lambdas.length; stage++) {
                if (stage > 0 && StopRequest.isRequested()) {
                    break; // stopped between two lambdas: the path ends at the last one fitted
                }
                aggregator.setLambda(lambdas[stage]);
                Scheduler scheduler = CoordinateSchedulers.create(config.scheduler(), config.scheduling());
                final int s = stage;
                final double secondsBefore = seconds;
                final long roundsBefore = rounds;
                final long updatesBefore = updates;
                RunSummary summary = session.run(scheduler, options, (TracePoint p) -> {
                    LogRegModel now = config.traceMetrics() ? model(problem, aggregator.weights()) : null;
                    listener.onEvaluation(new LogRegTracePoint(s, lambdas[s], secondsBefore + p.seconds(),
                            roundsBefore + p.round(), updatesBefore + p.updates(), p.evaluation(),
                            now == null ? null : metrics(now, train),
                            now == null || test == null ? null : metrics(now, test)));
                });
                seconds += summary.seconds();
                rounds += summary.rounds();
                updates += summary.updates();
                LogRegModel model = model(problem, aggregator.weights());
                LogRegStage done = new LogRegStage(stage, lambdas[stage], model, summary, metrics(model, train),
                        test == null ? null : metrics(model, test));
                stages.add(done);
                listener.onStageEnd(done);
                if (summary.reason() == RunSummary.StopReason.STOPPED) {
                    break; // the user stopped the fit: the path ends at this lambda
                }
            }
        }
        return new LogRegResult(stages);
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
