package org.smpframe.lasso;

/** Follows a Lasso fit: every evaluation, and the end of every λ of a path. */
public interface LassoListener {
    void onEvaluation(LassoTracePoint point);

    default void onStageEnd(LassoStage stage) {
    }

    LassoListener NONE = point -> { };
}
