package org.smpframe.cli;

/**
 * How a run checkpoints: at its app's interval {@code every} (rounds or iterations) and every {@code seconds} (0
 * for never), from {@code start} (or fresh, when null), with the trace rows of the run it resumes, and what the
 * checkpoints are compatible with.
 *
 * @param <T> the app's checkpoint state
 */
record Checkpointing<T>(long every, double seconds, T start, String priorTrace, String compatibility) {
    /** No checkpoints: a fresh run, nothing saved. */
    static <T> Checkpointing<T> none() {
        return new Checkpointing<>(0, 0, null, "", "");
    }
}
