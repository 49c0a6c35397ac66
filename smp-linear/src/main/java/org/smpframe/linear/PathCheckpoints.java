package org.smpframe.linear;

import java.io.IOException;

/**
 * Checkpointing of a fit: where it starts ({@code resumeFrom}, or null for a fresh fit) and when the state is
 * handed to {@code sink}: at every evaluation at a multiple of {@code everyRounds} rounds, at the first evaluation
 * once {@code everySeconds} have passed since the last checkpoint, and when a λ's run ends (0 switches a rule off;
 * with both off nothing is saved).
 */
public record PathCheckpoints(long everyRounds, double everySeconds, PathCheckpoint resumeFrom, Sink sink) {
    /** No checkpoints: a fresh fit, nothing saved. */
    public static final PathCheckpoints NONE = new PathCheckpoints(0, 0, null, null);

    /** Receives the states to save (the command line writes them to a file, atomically). */
    @FunctionalInterface
    public interface Sink {
        void save(PathCheckpoint checkpoint) throws IOException;
    }

    public PathCheckpoints {
        if (everyRounds < 0 || !(everySeconds >= 0)) {
            throw new IllegalArgumentException("checkpoint intervals must be >= 0, got " + everyRounds + " rounds, "
                    + everySeconds + " s");
        }
    }

    /** Whether any checkpoint is to be saved. */
    public boolean saving() {
        return sink != null && (everyRounds > 0 || everySeconds > 0);
    }
}
