package org.smpframe.api;

/** Observes a run's evaluations, e.g. to log progress or write a trace. */
@FunctionalInterface
public interface RoundListener {
    void onEvaluation(TracePoint point);

    /**
     * A checkpoint of the run, right after the evaluation of the same round (see {@link RunOptions#checkpointEvery})
     * and at the run's end: the app adds its committed state and saves both.
     */
    default void onCheckpoint(RunSnapshot snapshot) {
    }

    RoundListener NONE = point -> { };
}
