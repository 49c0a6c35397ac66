package org.smpframe.runtime.cluster;

/** A worker's node was lost during a run: Pekko's failure detector stopped hearing from it, or it left. */
public final class WorkerLostException extends ClusterException {
    private final int worker;

    public WorkerLostException(int worker, String address, String why) {
        super("worker " + worker + " at " + address + " was lost: " + why + "; the run stopped and nothing of it"
                + " was written");
        this.worker = worker;
    }

    public int worker() {
        return worker;
    }
}
