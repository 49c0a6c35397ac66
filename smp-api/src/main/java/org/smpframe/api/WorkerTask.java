package org.smpframe.api;

/**
 * The worker side of an SMP program: owns one shard of the data and the local state derived from the model
 * (e.g. Lasso's residuals y - X beta for its rows). A runtime calls one task from one thread at a time.
 *
 * @param <P> partial result pushed to the aggregator
 * @param <C> commit pulled back from the aggregator
 * @param <S> local statistics for evaluation
 */
public interface WorkerTask<P, C, S> {
    /**
     * Computes this worker's partial result for its share of the schedule
     * ({@code schedule.from(worker) .. schedule.to(worker)}), from its shard and its current local state.
     */
    P push(Schedule schedule);

    /** Brings local state up to date with a commit of the aggregator. Called on every worker, in round order. */
    void apply(C commit);

    /** Statistics of this shard under the current model, combined by {@link Aggregator#evaluate}. */
    S localStats();
}
