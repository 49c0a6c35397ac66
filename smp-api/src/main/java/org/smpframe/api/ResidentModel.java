package org.smpframe.api;

/**
 * Parts of the model that live on one worker for good and never pass through the aggregator: the user factors
 * of matrix factorization, say, which only the worker owning those users' ratings ever updates. The runtime
 * gathers them from every worker when a run ends, so the program holds the whole model between runs (to save
 * it). A program that has them returns them from {@link SmpProgram#residentModel()}, and its worker tasks
 * implement {@link ResidentHolder}.
 *
 * @param <R> one worker's part
 */
public interface ResidentModel<R> {
    /** Receives worker {@code worker}'s part at the end of a run. */
    void gather(int worker, R part);

    /** The encoding a part travels in. */
    WireFormat<R> format();
}
