package org.smpframe.api;

/**
 * The side of a {@link WorkerTask} that holds {@link MovingBlocks moving blocks}. In every round the runtime
 * gives the task the blocks of its share of the schedule before {@link WorkerTask#push}, and takes them back
 * after it, so a task holds a block only while it works on it.
 *
 * @param <B> the state of one block
 */
public interface BlockHolder<B> {
    /** Block {@code block} arrives; called before the push of a round whose share contains it. */
    void receive(int block, B state);

    /** Gives up block {@code block}; called after the push of a round whose share contains it. */
    B release(int block);
}
