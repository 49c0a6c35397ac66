package org.smpframe.logreg;

/** Follows a logistic-regression fit: every evaluation, and the end of every λ of a path. */
public interface LogRegListener {
    void onEvaluation(LogRegTracePoint point);

    default void onStageEnd(LogRegStage stage) {
    }

    LogRegListener NONE = point -> { };
}
