package org.smpframe.lasso;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Fits a Lasso, for one λ or along a regularization path, on any {@link SmpRuntime}.
 *
 * <pre>{@code
 * LassoResult r = new LassoTrainer(LassoConfig.builder().path(20, 1e-3).build())
 *         .fit(LibSvmReader.read(file), new EmbeddedRuntime(4), LassoListener.NONE);
 * }</pre>
 */
public final class LassoTrainer {
    private final LassoConfig config;

    public LassoTrainer(LassoConfig config) {
        this.config = config;
    }

    public LassoConfig config() {
        return config;
    }

    /**
     * Bytes the solver state for {@code data} takes with {@code workers} workers, beyond the loaded data: the
     * standardized copy (if asked), the column-major copy, the workers' column-major shards and per-row state,
     * the dependency oracle and, for the smp scheduler, its pair cache. Checked against the heap before the solver
     * allocates anything.
     */
    public static long estimateBytes(LabeledDataset data, LassoConfig config, int workers) {
        long n = data.numRows();
        int p = data.numFeatures();
        long nnz = data.features().nnz();
        long standardized = config.standardize() ? SolverMemory.rowMajorBytes(n, nnz) : 0;
        long own = 8 * n + 24L * p + 8 * n + 24L * p * workers + 32L * p; // y, column stats, shards' y, β, sums
        return standardized + own
                + SolverMemory.sharedBytes(n, p, nnz, workers, config.scheduler(), config.scheduling());
    }

    public LassoResult fit(LabeledDataset train, SmpRuntime runtime, LassoListener listener) {
        MemoryBudget.require(estimateBytes(train, config, runtime.numWorkers()), String.format(Locale.ROOT,
                "the Lasso on %d rows x %d features (%d nonzeros, %d workers)", train.numRows(), train.numFeatures(),
                train.features().nnz(), runtime.numWorkers()));
        LassoProblem problem = LassoProblem.of(train, config.intercept(), config.standardize());
        return fit(problem, train.source(), runtime, listener);
    }

    /**
     * The program {@link #fit} runs on {@code train}: what a cluster worker builds (from the same data) to take
     * its shard.
     */
    public LassoProgram program(LabeledDataset train) {
        LassoProblem problem = LassoProblem.of(train, config.intercept(), config.standardize());
        return new LassoProgram(problem, lambdas(problem, train.source())[0], config.tolerance());
    }

    private double[] lambdas(LassoProblem problem, String source) {
        return RegularizationPath.of(config.lambda(), config.pathLength(), config.pathRatio(), problem::lambdaMax,
                source, "every feature is orthogonal to the target");
    }

    public LassoResult fit(LassoProblem problem, String source, SmpRuntime runtime, LassoListener listener) {
        double[] lambdas = lambdas(problem, source);
        LassoProgram program = new LassoProgram(problem, lambdas[0], config.tolerance());
        LassoAggregator aggregator = program.aggregator();
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
        List<LassoStage> stages = new ArrayList<>();
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
                RunSummary summary = session.run(scheduler, options, (TracePoint p) -> listener.onEvaluation(
                        new LassoTracePoint(s, lambdas[s], secondsBefore + p.seconds(), roundsBefore + p.round(),
                                updatesBefore + p.updates(), p.evaluation())));
                seconds += summary.seconds();
                rounds += summary.rounds();
                updates += summary.updates();
                LassoStage done = new LassoStage(stage, lambdas[stage],
                        model(problem, aggregator.beta(), lambdas[stage], source, summary, scheduler.name()), summary);
                stages.add(done);
                listener.onStageEnd(done);
                if (summary.reason() == RunSummary.StopReason.STOPPED) {
                    break; // the user stopped the fit: the path ends at this lambda
                }
            }
        }
        return new LassoResult(stages);
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
