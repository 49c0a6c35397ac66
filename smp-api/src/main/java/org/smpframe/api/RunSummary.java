package org.smpframe.api;

/**
 * How a run ended.
 *
 * @param reason  why it stopped
 * @param rounds  rounds completed by this run (from {@link RunOptions#firstRound})
 * @param updates parameter updates committed
 * @param seconds solver time, evaluation excluded
 * @param last    the last evaluation
 * @param traffic the messages' encoded sizes, when formats were verified ({@link Traffic#NONE} otherwise)
 */
public record RunSummary(StopReason reason, long rounds, long updates, double seconds, TracePoint last,
                         Traffic traffic) {
    public enum StopReason {
        /** The app's stopping rule (e.g. duality gap below tolerance) held. */
        CONVERGED,
        MAX_ROUNDS,
        TIME_LIMIT,
        /** {@link StopRequest} was set (Ctrl-C, SIGTERM): the run ended after the round in progress. */
        STOPPED
    }
}
