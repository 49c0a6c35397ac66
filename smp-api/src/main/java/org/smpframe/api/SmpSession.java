package org.smpframe.api;

/** A program whose workers exist; each {@link #run} continues from the state the previous one left. */
public interface SmpSession extends AutoCloseable {
    /**
     * Runs rounds of {@code scheduler}'s schedules until the aggregator's evaluation says converged, or a limit
     * in {@code options} is reached. The scheduler is initialised by this call. Evaluations are reported to
     * {@code listener} as they happen (on the calling thread).
     */
    RunSummary run(Scheduler scheduler, RunOptions options, RoundListener listener);

    /** Evaluates the committed model now. */
    Evaluation evaluate();

    @Override
    void close();
}
