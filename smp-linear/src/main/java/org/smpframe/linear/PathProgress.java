package org.smpframe.linear;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.RunSummary;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SmpSession;
import org.smpframe.api.StopRequest;
import org.smpframe.api.TracePoint;
import org.smpframe.api.Traffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a fit along a regularization path is (the λs done, the solver totals before the current one) and its
 * checkpoints: what both path apps (Lasso, logistic regression) keep between the runs of their λs.
 *
 * <p>A λ's run is checkpointed before its first round (except a fresh fit's first λ), after evaluations as
 * {@link PathCheckpoints} says, and when it is stopped; a resumed fit starts with the λ of its checkpoint and
 * continues that λ's run from the snapshot.
 */
public final class PathProgress {
    private static final Logger LOG = LoggerFactory.getLogger(PathProgress.class);

    private final PathCheckpoints checkpoints;
    private final List<PathCheckpoint.DoneStage> done = new ArrayList<>();
    private double seconds;
    private long rounds;
    private long updates;
    private final int firstStage;

    /**
     * @param numLambdas   λs of the path
     * @param numFeatures  coefficients of the model (a checkpoint of another size is refused)
     */
    public PathProgress(PathCheckpoints checkpoints, int numLambdas, int numFeatures) {
        this.checkpoints = checkpoints;
        PathCheckpoint resume = checkpoints.resumeFrom();
        if (resume == null) {
            firstStage = 0;
            return;
        }
        if (resume.stage() >= numLambdas || resume.coefficients().length != numFeatures) {
            throw new IllegalArgumentException("the checkpoint is for lambda " + (resume.stage() + 1) + " of a model"
                    + " with " + resume.coefficients().length + " coefficients; this fit has " + numLambdas
                    + " lambdas and " + numFeatures + " coefficients");
        }
        done.addAll(resume.done());
        firstStage = resume.stage();
        seconds = resume.secondsBefore();
        rounds = resume.roundsBefore();
        updates = resume.updatesBefore();
    }

    /** What a path app does around the runs of its λs; {@link #run} does the rest. */
    public interface PathApp<S> {
        /** Before λ's run: the aggregator takes the new λ (the coefficients are kept as the warm start). */
        void startStage(double lambda);

        /** An evaluation of λ {@code stage}'s run, its counters from the start of the whole fit. */
        void onEvaluation(int stage, double lambda, TracePoint point);

        /** The committed coefficients. */
        double[] coefficients();

        /** The app's record of λ {@code stage}, from the coefficients its run ended with. */
        S stage(int stage, double lambda, double[] coefficients, RunSummary summary, String schedulerName);

        /** A λ fitted by this process is done (not called for those a resumed fit rebuilds). */
        void onStageEnd(S stage);
    }

    /**
     * Fits the λs of {@code lambdas} in order on {@code session}, each with a fresh scheduler from
     * {@code schedulers}, from where the checkpoint to resume from (if any) left off; the λs fitted before it are
     * rebuilt from the checkpoint. The path ends early when a run is stopped, or a stop is requested between two
     * λs. {@code programState}: whether the snapshots must hold the aggregator's and workers' state.
     */
    public <S> List<S> run(SmpSession session, double[] lambdas, RunOptions base, boolean programState,
                           Supplier<Scheduler> schedulers, String schedulerName, PathApp<S> app) {
        List<S> stages = new ArrayList<>();
        if (checkpoints.resumeFrom() != null) {
            for (PathCheckpoint.DoneStage d : checkpoints.resumeFrom().done()) {
                stages.add(app.stage(stages.size(), d.lambda(), d.coefficients(), summaryOf(d), schedulerName));
            }
        }
        for (int stage = firstStage; stage < lambdas.length; stage++) {
            if (stage > firstStage && StopRequest.isRequested()) {
                break; // stopped between two lambdas: the path ends at the last one fitted
            }
            app.startStage(lambdas[stage]);
            Scheduler scheduler = schedulers.get();
            final int s = stage;
            final double secondsBefore = seconds;
            final long roundsBefore = rounds;
            final long updatesBefore = updates;
            RoundListener listener = new RoundListener() {
                @Override
                public void onEvaluation(TracePoint p) {
                    app.onEvaluation(s, lambdas[s], new TracePoint(secondsBefore + p.seconds(),
                            roundsBefore + p.round(), updatesBefore + p.updates(), p.evaluation()));
                }

                @Override
                public void onCheckpoint(RunSnapshot snapshot) {
                    checkpoint(s, app.coefficients(), snapshot);
                }
            };
            RunSummary summary = session.run(scheduler, options(base, stage, programState), listener);
            double[] coefficients = app.coefficients();
            finished(lambdas[stage], coefficients, summary);
            S done = app.stage(stage, lambdas[stage], coefficients, summary, scheduler.name());
            stages.add(done);
            app.onStageEnd(done);
            if (summary.reason() == RunSummary.StopReason.STOPPED) {
                break; // the user stopped the fit: the path ends at this lambda
            }
        }
        return stages;
    }

    /**
     * The options of the run of λ {@code stage}: checkpoints as asked (with the program's state if
     * {@code programState}), stops only after evaluations (where checkpoints are taken), and the snapshot to
     * resume from for a resumed fit's first λ.
     */
    RunOptions options(RunOptions base, int stage, boolean programState) {
        boolean saving = checkpoints.saving();
        RunOptions.Builder b = base.toBuilder()
                .checkpointEvery(saving ? checkpoints.everyRounds() : 0)
                .checkpointSeconds(saving ? checkpoints.everySeconds() : 0)
                .checkpointProgram(saving && programState)
                .checkpointAtStart(saving && stage > 0)
                .resumeFrom(stage == firstStage && checkpoints.resumeFrom() != null
                        ? checkpoints.resumeFrom().snapshot() : null);
        if (saving) {
            // A stop elsewhere would leave a state the uninterrupted run never had (e.g. residuals that an
            // evaluation recomputes).
            b.stopEvery(base.evaluateEvery());
        }
        return b.build();
    }

    /**
     * Saves the snapshot of λ {@code stage}'s run with the current coefficients, unless it was taken at the end
     * of a run that was not stopped: that λ is then done, and the next one's run is checkpointed at its start.
     */
    void checkpoint(int stage, double[] coefficients, RunSnapshot snapshot) {
        if (checkpoints.sink() == null
                || snapshot.endedBy() != null && snapshot.endedBy() != RunSummary.StopReason.STOPPED) {
            return;
        }
        PathCheckpoint c = new PathCheckpoint(stage, coefficients, snapshot, seconds, rounds, updates, done);
        try {
            checkpoints.sink().save(c);
        } catch (IOException | RuntimeException e) {
            // The fit in memory and the previous checkpoint are fine: go on, and try at the next one.
            LOG.warn("could not write the checkpoint after round {} ({}); the previous one is kept",
                    snapshot.round(), e.toString());
        }
    }

    /** Records the end of λ {@code stage}'s run (its counts include a resumed snapshot's). */
    void finished(double lambda, double[] coefficients, RunSummary summary) {
        seconds += summary.seconds();
        rounds += summary.rounds();
        updates += summary.updates();
        done.add(new PathCheckpoint.DoneStage(lambda, coefficients, summary.reason(), summary.rounds(),
                summary.updates(), summary.seconds(), summary.last()));
    }

    /** The summary of a λ done before this process started, to rebuild its result from. */
    private static RunSummary summaryOf(PathCheckpoint.DoneStage d) {
        return new RunSummary(d.reason(), d.rounds(), d.updates(), d.seconds(), d.last(), Traffic.NONE);
    }
}
