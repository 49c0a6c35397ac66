package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.smpframe.api.SchedulerContext;

/**
 * The cyclic baseline of the feature-sharded layout: every worker walks through its own parameters in order,
 * L per round (by default all of them: one sweep per round, the order of glmnet's and scikit-learn's plain
 * cyclic coordinate descent), with no priorities. The position follows from the round number.
 */
public final class ShardedCyclicScheduler extends PlacedScheduler {
    public ShardedCyclicScheduler(SchedulerSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return CyclicScheduler.NAME;
    }

    @Override
    void initShares(SchedulerContext context) {
    }

    @Override
    int maxShare(int worker) {
        return Math.min(settings.blockSize(), own[worker].length);
    }

    @Override
    int share(int worker, long round, int[] into) {
        int[] mine = own[worker];
        int m = mine.length;
        int len = maxShare(worker);
        if (len == 0) {
            return 0;
        }
        int start = (int) ((round % m) * len % m);
        for (int i = 0; i < len; i++) {
            int k = start + i;
            into[i] = mine[k >= m ? k - m : k];
        }
        return len;
    }

    /** One sweep per round: the share is the unit of the baseline. */
    @Override
    int sweeps(int largest, int active) {
        return 1;
    }

    @Override
    void saveShares(DataOutput out) {
    }

    @Override
    void restoreShares(DataInput in) {
    }

    @Override
    public String toString() {
        return "cyclic(features, blockSize=" + settings.blockSize() + ")";
    }
}
