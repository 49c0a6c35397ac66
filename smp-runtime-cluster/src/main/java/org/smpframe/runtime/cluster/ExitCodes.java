package org.smpframe.runtime.cluster;

/** Exit codes of a worker process. */
public final class ExitCodes {
    /** The coordinator could not be joined, or was lost during the job. */
    public static final int CLUSTER = 5;

    private ExitCodes() {
    }
}
