package org.smpframe.mf;

import java.io.IOException;
import java.util.Locale;
import org.smpframe.api.RunSnapshot;
import org.smpframe.data.DataFingerprint;
import org.smpframe.data.Ratings;

/**
 * Checkpointing of a fit: where it starts ({@code resumeFrom}, or null for a fresh fit) and when its state is
 * handed to {@code sink}: after every {@code everyIterations} iterations, at the first iteration end once
 * {@code everySeconds} have passed since the last checkpoint, and at the run's end (0 switches a rule off; with
 * both off nothing is saved). The state is the runtime's {@link RunSnapshot} with the program's state in it: the
 * workers' user factors and residuals, the item blocks, the last objective.
 */
public record MfCheckpoints(long everyIterations, double everySeconds, RunSnapshot resumeFrom, Sink sink) {
    /** No checkpoints: a fresh fit, nothing saved. */
    public static final MfCheckpoints NONE = new MfCheckpoints(0, 0, null, null);

    /** The kind name of a matrix factorization's checkpoint file. */
    public static final String KIND = "mf";

    /** Receives the states to save (the command line writes them to a file, atomically). */
    @FunctionalInterface
    public interface Sink {
        void save(RunSnapshot snapshot) throws IOException;
    }

    public MfCheckpoints {
        if (everyIterations < 0 || !(everySeconds >= 0)) {
            throw new IllegalArgumentException("checkpoint intervals must be >= 0, got " + everyIterations
                    + " iterations, " + everySeconds + " s");
        }
    }

    boolean saving() {
        return sink != null && (everyIterations > 0 || everySeconds > 0);
    }

    /**
     * What a checkpoint must agree with to be resumed: the ratings, every option that changes the iterates and
     * the number of workers; the iteration count, time limit and tolerance may differ (a run can be extended).
     */
    public static String compatibility(Ratings train, Ratings test, MfConfig config, int workers) {
        return String.format(Locale.ROOT, "train %s; test %s; %s rank %d lambda %s %s biases %s inner %d blocks %d"
                        + " rate %s decay %s merges %d init %s seed %d; workers %d", DataFingerprint.of(train),
                DataFingerprint.of(test), config.method().cliName(), config.rank(), config.lambda(),
                config.regularization(), config.biases(), config.innerIterations(), config.blocksPerWorker(),
                config.learningRate(), config.decay(), config.mergesPerEpoch(), config.initScale(), config.seed(),
                workers);
    }
}
