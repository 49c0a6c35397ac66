package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Optimality;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;

/**
 * What the schedulers of the feature-sharded layout share: every parameter lives on one worker (the context's
 * owners), a round gives each worker a share of its own parameters and a number of sweeps over it, and the
 * scheduler decides when the model is checked ({@link EvaluationTrigger}) from the evaluations' optimality reports
 * and the rounds' gains.
 */
abstract class PlacedScheduler implements Scheduler {
    /**
     * Updates a worker should make per round at least, for the round's coordination to be noise. Measured on the
     * 200 x 5,000 correlated design (1 and 2 workers, single λ and a 100-λ path): 2048 beat 512 (fewer rounds and
     * checks for the same accuracy: path 0.097 s against 0.135 s at P = 1) and 4096 (more sweeps past the point).
     */
    static final int UPDATES_PER_ROUND = 2048;
    /** Most sweeps over a share in one round with one worker (nothing to reconcile between sweeps). */
    static final int MAX_SWEEPS_ALONE = 32;
    /**
     * Most sweeps with several workers, whose blocks do not see each other's moves until the round ends: more
     * sweeps make a round carry more work for its reconciliation, and the blocks' moves more stale for each
     * other. Measured on two p ≫ n designs at P = 2: 1 sweep 0.195 s and 0.062 s, 2 sweeps 0.145 and 0.070, 3 sweeps
     * 0.112 and 0.060 (from 1.6 M to 2.1 M updates on the first: the staleness costs, the fewer rounds pay more).
     */
    static final int MAX_SWEEPS_SHARED = 3;

    final SchedulerSettings settings;
    int numParameters;
    int numWorkers;
    int[][] own;        // own[w]: the parameters worker w holds, ascending
    int[] owners;
    final EvaluationTrigger trigger = new EvaluationTrigger();

    PlacedScheduler(SchedulerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(SchedulerContext context) {
        if (!context.placed()) {
            throw new IllegalArgumentException("the " + name() + " scheduler of the feature-sharded layout needs a "
                    + "program whose workers hold their own parameters");
        }
        numParameters = context.numParameters();
        numWorkers = context.numWorkers();
        owners = context.owners();
        int[] count = new int[numWorkers];
        for (int w : owners) {
            count[w]++;
        }
        own = new int[numWorkers][];
        for (int w = 0; w < numWorkers; w++) {
            own[w] = new int[count[w]];
        }
        int[] fill = new int[numWorkers];
        for (int j = 0; j < numParameters; j++) {
            own[owners[j]][fill[owners[j]]++] = j;
        }
        initShares(context);
    }

    /** The subclass's own initialisation, after {@link #own} is known. */
    abstract void initShares(SchedulerContext context);

    /** Writes worker {@code worker}'s share of round {@code round} into {@code into}; returns its length. */
    abstract int share(int worker, long round, int[] into);

    /** The most parameters {@link #share} can give one worker. */
    abstract int maxShare(int worker);

    /**
     * Sweeps of each share in a round whose largest share has {@code largest} parameters, {@code active} workers
     * having a share at all.
     */
    int sweeps(int largest, int active) {
        if (largest == 0) {
            return 1;
        }
        int max = active <= 1 ? MAX_SWEEPS_ALONE : MAX_SWEEPS_SHARED;
        return Math.max(1, Math.min(max, (UPDATES_PER_ROUND + largest - 1) / largest));
    }

    @Override
    public Schedule next(long round) {
        if (own == null) {
            throw new IllegalStateException("init must be called before next");
        }
        int total = 0;
        for (int w = 0; w < numWorkers; w++) {
            total += maxShare(w);
        }
        int[] params = new int[total];
        int[] split = new int[numWorkers + 1];
        int[] buffer = scratch(total);
        int at = 0;
        int largest = 0;
        int active = 0;
        for (int w = 0; w < numWorkers; w++) {
            int len = share(w, round, buffer);
            System.arraycopy(buffer, 0, params, at, len);
            at += len;
            split[w + 1] = at;
            largest = Math.max(largest, len);
            active += len > 0 ? 1 : 0;
        }
        if (at < total) {
            params = java.util.Arrays.copyOf(params, at);
        }
        boolean evaluate = trigger.evaluateAfterNext() || (at == 0 && trigger.reported());
        return Schedule.partitioned(round, params, split, sweeps(largest, active), evaluate);
    }

    private int[] scratchBuffer = new int[0];

    private int[] scratch(int size) {
        if (scratchBuffer.length < size) {
            scratchBuffer = new int[size];
        }
        return scratchBuffer;
    }

    @Override
    public void observe(ChangeSet changes) {
        trigger.observe(changes);
        onChanges(changes);
    }

    /** The subclass's reaction to a round's changes (none by default). */
    void onChanges(ChangeSet changes) {
    }

    @Override
    public boolean wantsOptimality() {
        return true;
    }

    @Override
    public void observeOptimality(Optimality report) {
        trigger.reset(report, onReport(report));
    }

    /**
     * The subclass's reaction to a check's report (none by default: the gap alone matters); returns whether the
     * report left nothing to add to what the rounds work on (then the phase aims straight at the target).
     */
    boolean onReport(Optimality report) {
        return false;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        trigger.save(out);
        saveShares(out);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        trigger.restore(in);
        restoreShares(in);
    }

    abstract void saveShares(DataOutput out) throws IOException;

    abstract void restoreShares(DataInput in) throws IOException;
}
