package org.smpframe.api;

/**
 * An SMP application, as a runtime sees it: how to build the worker tasks and the aggregator, and how their
 * messages are encoded. A program is built once per run and is then driven by a {@link SmpRuntime}.
 *
 * @param <P> partial result pushed by a worker
 * @param <C> commit pulled by the workers
 * @param <S> local statistics for evaluation
 */
public interface SmpProgram<P, C, S> {
    /** Short name for logs and checkpoints, e.g. "lasso". */
    String name();

    /** Number of schedulable parameters (coordinates, or blocks for a rotation schedule). */
    int numParameters();

    /**
     * Fixes how the program is split over {@code numWorkers} workers (data shards, model blocks), before the
     * runtime asks for {@link #numParameters}, {@link #movingBlocks} or {@link #residentModel}. Called once per
     * program by every runtime, also where no worker task is created: a cluster coordinator's workers build their
     * own copy of the program in their own processes. {@link #createWorker} calls it too, so either order works.
     */
    default void partition(int numWorkers) {
    }

    /** The task of worker {@code worker} of {@code numWorkers}; it owns its shard of the data from then on. */
    WorkerTask<P, C, S> createWorker(int worker, int numWorkers);

    /** The aggregator; holds the committed model. */
    Aggregator<P, C, S> aggregator();

    /** Dependency between parameters for the dynamic scheduler's filter; {@link DependencyOracle#NONE} if none. */
    default DependencyOracle dependencies() {
        return DependencyOracle.NONE;
    }

    /**
     * For a program whose workers each hold a fixed set of the parameters and update those only (features sharded
     * across workers: each worker holds some columns of the data), the worker that holds parameter j at index j;
     * null (the default) when any worker can work on any parameter. Asked after {@link #partition}; schedules for
     * a placed program are {@link Schedule#partitioned partitioned}, each worker's share from what it holds.
     */
    default int[] placement() {
        return null;
    }

    /**
     * For a placed program whose workers can also update parameters they do not hold (they can read every
     * parameter's data), the work of one update of each parameter, e.g. its column's nonzeros: a scheduler may
     * then hand a small working set to one worker, where splitting it would cost more in coordination than it saves.
     * Null (the default) when every worker updates only what it holds.
     */
    default long[] parameterCosts() {
        return null;
    }

    /**
     * The parts of the model that live on workers and move between them (rotation schedules), or null when the
     * whole model sits in the aggregator. When not null, every worker task must implement {@link BlockHolder}.
     */
    default MovingBlocks<?> movingBlocks() {
        return null;
    }

    /**
     * The parts of the model that stay on the workers (gathered when a run ends), or null when there are none.
     * When not null, every worker task must implement {@link ResidentHolder}.
     */
    default ResidentModel<?> residentModel() {
        return null;
    }

    WireFormat<P> partialFormat();

    WireFormat<C> commitFormat();

    WireFormat<S> statsFormat();
}
