package org.smpframe.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Chooses which parameters each round updates, and by which worker.
 *
 * <p>A runtime calls {@link #init} once, then alternates {@link #next} and {@link #observe} from a single
 * thread (possibly not the aggregator's: with a pipeline depth s &gt; 0, {@code next(t)} is computed while round
 * t-1 runs, and sees the changes of rounds up to t-1-s only). A scheduler must be deterministic for a given seed
 * and sequence of calls, so that runs are repeatable.
 */
public interface Scheduler {
    /** Name it is selected by, e.g. "smp", "random", "cyclic", "rotation". */
    String name();

    void init(SchedulerContext context);

    /** The schedule of round {@code round}; rounds are asked for in increasing order starting at 0. */
    Schedule next(long round);

    /** The changes committed in one round (rounds observed in increasing order). */
    void observe(ChangeSet changes);

    /**
     * Whether this scheduler works from the evaluations' {@link Optimality} reports (a working set): the runtime
     * then hands it one before the first round of a run (evaluating first if the aggregator has none) and after
     * every evaluation, through {@link #observeOptimality}, in round order with the changes. Such a scheduler also
     * decides when to evaluate ({@link Schedule#evaluateAfter}). False by default.
     */
    default boolean wantsOptimality() {
        return false;
    }

    /**
     * An evaluation's report, taken after {@code report.round()} rounds: seen after the changes of those rounds
     * and before those of any later round. The holder is reused once this returns; copy what is kept.
     */
    default void observeOptimality(Optimality report) {
    }

    /**
     * Whether {@link #next} ignores what {@link #observe} reports (a static schedule such as a rotation, or a
     * random one). A runtime may then compute the schedule of round t+1 before round t is committed whatever the
     * pipeline depth, without changing any result: the cluster runtime uses it to start moving blocks early.
     */
    default boolean feedbackFree() {
        return false;
    }

    /**
     * Writes everything {@link #next} and {@link #observe} depend on beyond the context given to {@link #init}
     * (random state, priorities), so that a scheduler initialised with the same context and given this state by
     * {@link #restoreState} goes on exactly as this one would. Called between rounds, from the thread that calls
     * {@code next}, or while that thread waits.
     *
     * @throws UnsupportedOperationException if the scheduler cannot be checkpointed (the default)
     */
    default void saveState(DataOutput out) throws IOException {
        throw new UnsupportedOperationException("the " + name() + " scheduler cannot be checkpointed");
    }

    /**
     * Takes the state {@link #saveState} wrote, after {@link #init} with the same context.
     *
     * @throws IOException when the state does not fit this scheduler (another size, cut short)
     */
    default void restoreState(DataInput in) throws IOException {
        throw new UnsupportedOperationException("the " + name() + " scheduler cannot be checkpointed");
    }
}
