package org.smpframe.runtime.cluster;

/**
 * Where a worker's time went in one round, in nanoseconds: sending its blocks on after the previous push, idle
 * waiting for the coordinator's next step, applying the commit, waiting for this round's blocks, computing.
 */
record WorkerTimes(long sendNanos, long idleNanos, long applyNanos, long blockWaitNanos, long computeNanos) {
    static final WorkerTimes ZERO = new WorkerTimes(0, 0, 0, 0, 0);

    WorkerTimes plus(WorkerTimes o) {
        return new WorkerTimes(sendNanos + o.sendNanos, idleNanos + o.idleNanos, applyNanos + o.applyNanos,
                blockWaitNanos + o.blockWaitNanos, computeNanos + o.computeNanos);
    }
}
