package org.smpframe.lda;

import java.io.IOException;

/**
 * Checkpointing of a fit: where it starts ({@code resumeFrom}, or null for a fresh chain), and when the chain's
 * state is handed to {@code sink}: every {@code everyIterations} iterations, and at the first iteration end once
 * {@code everySeconds} of sampling have passed since the last checkpoint (0 switches a rule off). A state is also
 * handed over when the run stops early (a time limit, a stop request) and when it ends.
 */
public record LdaCheckpoints(int everyIterations, double everySeconds, LdaCheckpoint resumeFrom, Sink sink) {
    /** No checkpoints: a fresh chain, nothing saved. */
    public static final LdaCheckpoints NONE = new LdaCheckpoints(0, 0, null, null);

    /** Receives the states to save (the command line writes them to a file, atomically). */
    @FunctionalInterface
    public interface Sink {
        void save(LdaCheckpoint checkpoint) throws IOException;
    }

    public LdaCheckpoints {
        if (everyIterations < 0 || !(everySeconds >= 0) || Double.isInfinite(everySeconds)) {
            throw new IllegalArgumentException("checkpoint intervals must be >= 0, got " + everyIterations
                    + " iterations, " + everySeconds + " s");
        }
    }
}
