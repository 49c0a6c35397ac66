package org.smpframe.mf;

import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.data.Ratings;
import org.smpframe.schedulers.Schedulers;
import org.smpframe.schedulers.SchedulerSettings;

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
    private final MfConfig config;

    public MfTrainer(MfConfig config) {
        this.config = config;
    }

    public MfConfig config() {
        return config;
    }

    /** Fits on {@code train}; {@code test} (read with the training id maps) may be null. */
    public MfResult fit(Ratings train, Ratings test, SmpRuntime runtime, RoundListener listener) {
        return fit(MfProblem.of(train, test), runtime, listener);
    }

    public MfResult fit(MfProblem problem, SmpRuntime runtime, RoundListener listener) {
        if (config.method() == MfMethod.ROTATION) {
            CcdProgram program = new CcdProgram(problem, config);
            try (SmpSession session = runtime.open(program)) {
                int perIteration = program.roundsPerIteration(runtime.numWorkers());
                RunSummary summary = session.run(Schedulers.create("rotation", SchedulerSettings.defaults()),
                        options(perIteration), listener);
                return new MfResult(withInfo(program.model(), problem, summary), summary, config.method(),
                        problem.numTestRatings(), problem.coldTestRatings());
            }
        }
        SgdProgram program = new SgdProgram(problem, config);
        try (SmpSession session = runtime.open(program)) {
            RunSummary summary = session.run(Schedulers.create("cyclic", SchedulerSettings.defaults()),
                    options(program.roundsPerIteration()), listener);
            return new MfResult(withInfo(program.model(), problem, summary), summary, config.method(),
                        problem.numTestRatings(), problem.coldTestRatings());
        }
    }

    private RunOptions options(int roundsPerIteration) {
        return RunOptions.builder()
                .maxRounds((long) config.iterations() * roundsPerIteration)
                // A static schedule costs nothing to compute: a scheduler thread running ahead would only take a
                // core from the workers.
                .pipelineDepth(0)
                .evaluateEvery(roundsPerIteration)
                .timeLimitSeconds(config.timeLimitSeconds())
                .seed(config.seed())
                .verifyWireFormats(config.verifyWireFormats())
                .build();
    }

    private MfModel withInfo(MfModel model, MfProblem problem, RunSummary summary) {
        model.setRated(problem.users, problem.items);
        model.setMeanRating(problem.mean);
        var info = model.info();
        info.put("method", config.method().cliName());
        info.put("lambda", Double.toString(config.lambda()));
        info.put("regularization", config.regularization().name().toLowerCase(java.util.Locale.ROOT));
        info.put("iterations", Long.toString((long) summary.last().evaluation().get(MfObjective.ITERATION)));
        info.put("objective", Double.toString(summary.last().evaluation().objective()));
        info.put("train_rmse", Double.toString(summary.last().evaluation().get(MfObjective.TRAIN_RMSE)));
        info.put("test_rmse", Double.toString(summary.last().evaluation().get(MfObjective.TEST_RMSE)));
        info.put("seed", Long.toString(config.seed()));
        return model;
    }
}
