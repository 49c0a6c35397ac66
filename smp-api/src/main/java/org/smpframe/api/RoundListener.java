package org.smpframe.api;

/** Observes a run's evaluations, e.g. to log progress or write a trace. */
@FunctionalInterface
public interface RoundListener {
    void onEvaluation(TracePoint point);

    RoundListener NONE = point -> { };
}
