package org.smpframe.api;

/**
 * The side of a {@link WorkerTask} that owns part of the model for good (see {@link ResidentModel}).
 *
 * @param <R> the worker's part
 */
public interface ResidentHolder<R> {
    /** A copy of this worker's part of the model as it is now; called when a run ends. */
    R residentPart();
}
