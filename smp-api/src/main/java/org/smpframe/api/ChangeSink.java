package org.smpframe.api;

/** Receives how much each committed parameter moved; feeds the scheduler's priorities. */
@FunctionalInterface
public interface ChangeSink {
    /** {@code magnitude} is a non-negative size of the last update of {@code param}, e.g. |Δβ_j|. */
    void changed(int param, double magnitude);

    /**
     * An upper bound on how far the round's scheduled parameters are from the optimum of the problem restricted to
     * them (a restricted duality gap, in objective units), for an app that has one: a working-set scheduler checks
     * the whole model once its working set is solved. Ignored by default.
     */
    default void workingSetGap(double gap) {
    }

    ChangeSink IGNORE = (param, magnitude) -> { };
}
