package org.smpframe.linear;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.RunSummary;
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

    /** The λs fitted before this process started (a resumed fit's). */
    public List<PathCheckpoint.DoneStage> doneBefore() {
        return checkpoints.resumeFrom() == null ? List.of() : checkpoints.resumeFrom().done();
    }

    public int firstStage() {
        return firstStage;
    }

    public double seconds() {
        return seconds;
    }

    public long rounds() {
        return rounds;
    }

    public long updates() {
        return updates;
    }

    /**
     * The options of the run of λ {@code stage}: checkpoints as asked (with the program's state if
     * {@code programState}), stops only after evaluations (where checkpoints are taken), and the snapshot to
     * resume from for a resumed fit's first λ.
     */
    public RunOptions options(RunOptions base, int stage, boolean programState) {
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
    public void checkpoint(int stage, double[] coefficients, RunSnapshot snapshot) {
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
    public void finished(double lambda, double[] coefficients, RunSummary summary) {
        seconds += summary.seconds();
        rounds += summary.rounds();
        updates += summary.updates();
        done.add(new PathCheckpoint.DoneStage(lambda, coefficients, summary.reason(), summary.rounds(),
                summary.updates(), summary.seconds(), summary.last()));
    }

    /** The summary of a λ done before this process started, to rebuild its result from. */
    public static RunSummary summaryOf(PathCheckpoint.DoneStage d) {
        return new RunSummary(d.reason(), d.rounds(), d.updates(), d.seconds(), d.last(), Traffic.NONE);
    }
}
