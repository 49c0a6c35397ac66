package org.smpframe.api;

/** Receives how much each committed parameter moved; feeds the scheduler's priorities. */
@FunctionalInterface
public interface ChangeSink {
    /** {@code magnitude} is a non-negative size of the last update of {@code param}, e.g. |Δβ_j|. */
    void changed(int param, double magnitude);

    ChangeSink IGNORE = (param, magnitude) -> { };
}
