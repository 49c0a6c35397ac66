package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;

/**
 * Round-robin ("cyclic") coordinate choice: round t updates the L parameters
 * {(t·L + i) mod p : i = 0 .. L-1}, so the rounds walk through 0, 1, ..., p-1, 0, 1, ... and every parameter is
 * updated at least once in any ⌈p/L⌉ consecutive rounds. The baseline of the SMP papers with no priorities and
 * no dependency check. Emits {@link Schedule#shared shared} schedules with ids ascending.
 */
public final class CyclicScheduler implements Scheduler {
    /** The name {@link Schedulers#create} selects it by. */
    public static final String NAME = "cyclic";

    private final SchedulerSettings settings;
    private int numParameters;
    private int blockSize;

    /** A scheduler with these settings; {@link #init} must be called before the first round. */
    public CyclicScheduler(SchedulerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(SchedulerContext context) {
        numParameters = context.numParameters();
        blockSize = Math.min(settings.blockSize(), numParameters);
    }

    @Override
    public Schedule next(long round) {
        if (blockSize == 0) {
            throw new IllegalStateException("init must be called before next");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        // The position follows from the round number rather than from a cursor, so the schedule of a round does
        // not depend on how many rounds were asked for before (a re-run or a pipeline gives the same plan).
        // (round mod p) · L < 2^62, so this cannot overflow.
        int start = (int) ((round % numParameters) * blockSize % numParameters);
        int[] params = new int[blockSize];
        int firstPart = Math.min(blockSize, numParameters - start);
        int wrapped = blockSize - firstPart; // <= start because L <= p: no duplicates
        // Ascending output: the wrapped-around ids 0 .. wrapped-1 come first, then start .. start+firstPart-1.
        for (int i = 0; i < wrapped; i++) {
            params[i] = i;
        }
        for (int i = 0; i < firstPart; i++) {
            params[wrapped + i] = start + i;
        }
        return Schedule.shared(round, params);
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

    /** Round-robin order does not depend on the changes. */
    @Override
    public void observe(ChangeSet changes) {
        // nothing to learn
    }

    @Override
    public String toString() {
        return NAME + "(blockSize=" + settings.blockSize() + ")";
    }
}
