package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;

/**
 * The static SMP schedule of LDA and matrix factorization: model blocks rotate around a ring of workers.
 *
 * <p>With B blocks (the program's parameters) and P workers, the blocks fall into P groups, group g holding the
 * blocks b with b mod P = g. In round (sub-round) r, worker p holds group (p + r) mod P. So in every round each
 * block is held by exactly one worker (updates of a block never conflict), a block goes from worker p to worker
 * p - 1 (mod P) between rounds (a ring), and in any P consecutive rounds every worker holds every block once:
 * P rounds make one sweep over the data. With B = P each worker holds one block; more blocks than workers make
 * finer pieces to move (so a cluster runtime can overlap moving one with computing on another).
 *
 * <p>The schedule depends on the round number only, not on the changes, so a pipeline may compute it any
 * distance ahead. Emits {@link Schedule#partitioned partitioned} schedules, each worker's blocks ascending.
 */
public final class RotationScheduler implements Scheduler {
    /** The name {@link Schedulers#create} selects it by. */
    public static final String NAME = "rotation";

    private int numBlocks;
    private int numWorkers;

    /** A rotation; {@link #init} must be called before the first round. Settings are not used. */
    public RotationScheduler(SchedulerSettings settings) {
        // Block size, candidate factor and the dependency filter belong to the dynamic schedule; a rotation
        // is fixed by the number of blocks and workers.
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(SchedulerContext context) {
        numBlocks = context.numParameters();
        numWorkers = context.numWorkers();
    }

    /** Group of blocks worker {@code worker} holds in round {@code round}: (worker + round) mod P. */
    public static int group(int worker, long round, int numWorkers) {
        return (int) ((worker + round % numWorkers) % numWorkers);
    }

    @Override
    public Schedule next(long round) {
        if (numWorkers == 0) {
            throw new IllegalStateException("init must be called before next");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        int[] params = new int[numBlocks];
        int[] split = new int[numWorkers + 1];
        int n = 0;
        for (int p = 0; p < numWorkers; p++) {
            for (int b = group(p, round, numWorkers); b < numBlocks; b += numWorkers) {
                params[n++] = b;
            }
            split[p + 1] = n;
        }
        return Schedule.partitioned(round, params, split);
    }

    /** Nothing to save: the round number alone fixes the schedule. */
    @Override
    public void saveState(DataOutput out) {
    }

    @Override
    public void restoreState(DataInput in) {
    }

    @Override
    public boolean feedbackFree() {
        return true;
    }

    /** A static schedule learns nothing from the changes. */
    @Override
    public void observe(ChangeSet changes) {
        // nothing to learn
    }

    @Override
    public String toString() {
        return NAME;
    }
}
