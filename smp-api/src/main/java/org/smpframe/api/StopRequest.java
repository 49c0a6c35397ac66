package org.smpframe.api;

/**
 * A process-wide request to stop the running program early, at the end of the current round, keeping what it has
 * computed: the command line sets it when the user presses Ctrl-C or the process gets SIGTERM. Runtimes check it
 * once per round and end the run as a time limit would ({@link RunSummary.StopReason#STOPPED}); the apps then
 * return the model as of that round, which the command line writes as usual.
 *
 * <p>Process-wide because signals are: a library user who wants to stop a run from another thread can call
 * {@link #request} too (and {@link #clear} before the next run).
 */
public final class StopRequest {
    private static volatile boolean requested;

    private StopRequest() {
    }

    public static void request() {
        requested = true;
    }

    public static boolean isRequested() {
        return requested;
    }

    public static void clear() {
        requested = false;
    }
}
