package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.SplitMix64;

/**
 * Shotgun-style random coordinate choice: every round updates L distinct parameters drawn uniformly at random,
 * i.e. each L-subset of {0 .. p-1} with probability 1 / C(p, L), independently of earlier rounds. No priorities,
 * no dependency check: the baseline the SMP papers compare the dynamic scheduler against. O(L) per round.
 * Emits {@link Schedule#shared shared} schedules with ids ascending; deterministic for the context's seed.
 */
public final class RandomScheduler implements Scheduler {
    /** The name {@link Schedulers#create} selects it by. */
    public static final String NAME = "random";

    private final SchedulerSettings settings;
    private int blockSize;
    private SplitMix64 random;
    private UniformSubsetSampler sampler;

    /** A scheduler with these settings; {@link #init} must be called before the first round. */
    public RandomScheduler(SchedulerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(SchedulerContext context) {
        blockSize = Math.min(settings.blockSize(), context.numParameters());
        random = new SplitMix64(context.seed());
        sampler = new UniformSubsetSampler(context.numParameters());
    }

    @Override
    public Schedule next(long round) {
        if (sampler == null) {
            throw new IllegalStateException("init must be called before next");
        }
        int[] params = new int[blockSize];
        sampler.sample(random, blockSize, params);
        // Ascending ids: the set is what matters, and sorted ids are friendlier to column-major data.
        Arrays.sort(params);
        return Schedule.shared(round, params);
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeLong(random.state());
        sampler.save(out);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        random = SplitMix64.resume(in.readLong());
        sampler.restore(in);
    }

    @Override
    public boolean feedbackFree() {
        return true;
    }

    /** Uniform choice does not depend on the changes. */
    @Override
    public void observe(ChangeSet changes) {
        // nothing to learn
    }

    @Override
    public String toString() {
        return NAME + "(blockSize=" + settings.blockSize() + ")";
    }
}
