package org.smpframe.api;

/**
 * Parts of the model that live on workers and move between them, rather than sitting in the aggregator: the
 * item-factor blocks of matrix factorization or the word-topic blocks of LDA under the rotation schedule.
 *
 * <p>A program that has them returns them from {@link SmpProgram#movingBlocks()}, and its worker tasks implement
 * {@link BlockHolder}. Its schedules are then {@link Schedule#partitioned partitioned} and their parameter ids
 * are block ids: in a round, worker p holds exactly the blocks of its share, so two workers never touch the same
 * block at the same time and no update of a block ever conflicts with another.
 *
 * <p>Between rounds the runtime moves every block from the worker that held it to the worker that holds it
 * next (the cluster runtime sends it directly, worker to worker, never through the coordinator). Outside a run
 * the blocks rest with the program: {@link #take} hands each one out when a run starts, {@link #park} takes it
 * back when the run ends, so the program holds the whole model between runs (to save it, or to warm-start the
 * next run).
 *
 * @param <B> the state of one block
 */
public interface MovingBlocks<B> {
    /** Number of blocks, ids 0 .. count-1. */
    int count();

    /** Gives up block {@code block} to the runtime at the start of a run; the program must not touch it after. */
    B take(int block);

    /** Returns block {@code block} to the program at the end of a run. */
    void park(int block, B state);

    /** The encoding a block travels in. */
    WireFormat<B> format();
}
