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
}
