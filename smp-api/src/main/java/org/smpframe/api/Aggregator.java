package org.smpframe.api;

import java.util.List;

/**
 * The aggregation side of an SMP program: holds the committed model, combines the workers' partials into new
 * parameter values and evaluates the objective. Runs in one place (the caller's thread in the embedded runtime,
 * the coordinator in the cluster runtime).
 *
 * @param <P> partial result pushed by workers
 * @param <C> commit broadcast to workers
 * @param <S> local statistics pushed by workers for evaluation
 */
public interface Aggregator<P, C, S> {
    /**
     * Combines the partials of one round (index = worker) and commits new values for the scheduled parameters.
     * Reports |change| of every updated parameter to {@code changes}: the dynamic scheduler's priorities.
     *
     * @return what workers need to update their local state
     */
    C pull(Schedule schedule, List<P> partials, ChangeSink changes);

    /** Objective and other metrics of the committed model from every worker's statistics (index = worker). */
    Evaluation evaluate(List<S> stats);

    /**
     * A commit every worker applies before the first round of a run, or null (the default) for none: what the
     * workers must learn of a change made to the aggregator between the runs of a session (a regularization
     * path's next λ, when the workers do the updates themselves).
     */
    default C beginRun() {
        return null;
    }

    /**
     * Fills {@code into} (already {@link Optimality#reset reset} to the parameters and round) with what the last
     * evaluation found about each parameter, at the aggregator's current settings: called after every
     * evaluation, and before a run's first round (a new λ of a path, with the model the last run left), for a
     * scheduler that {@link Scheduler#wantsOptimality wants it}.
     *
     * @return false when there is nothing to report (no evaluation yet, or the program has no such notion: the
     *         default); the runtime then evaluates first
     */
    default boolean reportOptimality(Optimality into) {
        return false;
    }

    /**
     * Writes the committed model and every part of the aggregation's state that the next rounds depend on, so that an aggregator created the same way and given this state by {@link #restoreState} goes on
     * exactly as this one would. Called between rounds, after an evaluation, when no commit is pending.
     *
     * @throws UnsupportedOperationException if the program cannot be checkpointed this way (the default)
     */
    default void saveState(java.io.DataOutput out) throws java.io.IOException {
        throw new UnsupportedOperationException("this program does not save its aggregator state");
    }

    /**
     * Takes the state {@link #saveState} wrote.
     *
     * @throws java.io.IOException when the state does not fit (another shard, cut short)
     */
    default void restoreState(java.io.DataInput in) throws java.io.IOException {
        throw new UnsupportedOperationException("this program does not restore its aggregator state");
    }
}
