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

    /**
     * Writes every part of the local state that the next rounds depend on, so that a worker created the same way and given this state by {@link #restoreState} goes on
     * exactly as this one would. Called between rounds, after an evaluation, when no commit is pending.
     *
     * @throws UnsupportedOperationException if the program cannot be checkpointed this way (the default)
     */
    default void saveState(java.io.DataOutput out) throws java.io.IOException {
        throw new UnsupportedOperationException("this program does not save its worker state");
    }

    /**
     * Takes the state {@link #saveState} wrote.
     *
     * @throws java.io.IOException when the state does not fit (another shard, cut short)
     */
    default void restoreState(java.io.DataInput in) throws java.io.IOException {
        throw new UnsupportedOperationException("this program does not restore its worker state");
    }
}
