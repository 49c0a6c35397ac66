package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.SplitMix64;

/**
 * The random baseline of the feature-sharded layout (Shotgun, Bradley et al. 2011): every worker draws L of its
 * own parameters uniformly at random with replacement per round (by default as many as it holds: one epoch of
 * stochastic coordinate descent per round), with no priorities; the placement of the columns on the workers is
 * uniform too. Deterministic for the context's seed.
 */
public final class ShardedRandomScheduler extends PlacedScheduler {
    private SplitMix64 random;

    public ShardedRandomScheduler(SchedulerSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return RandomScheduler.NAME;
    }

    @Override
    void initShares(SchedulerContext context) {
        random = new SplitMix64(context.seed());
    }

    @Override
    int maxShare(int worker) {
        return Math.min(settings.blockSize(), own[worker].length);
    }

    @Override
    int share(int worker, long round, int[] into) {
        int[] mine = own[worker];
        int len = maxShare(worker);
        for (int i = 0; i < len; i++) {
            into[i] = mine[(int) Long.remainderUnsigned(random.nextLong(), mine.length)];
        }
        return len;
    }

    @Override
    int sweeps(int largest, int active) {
        return 1;
    }

    @Override
    void saveShares(DataOutput out) throws IOException {
        out.writeLong(random.state());
    }

    @Override
    void restoreShares(DataInput in) throws IOException {
        random = SplitMix64.resume(in.readLong());
    }

    @Override
    public String toString() {
        return "random(features, blockSize=" + settings.blockSize() + ")";
    }
}
