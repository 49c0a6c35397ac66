package org.smpframe.lda;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.Corpus;
import org.smpframe.data.DataFingerprint;

/**
 * The state of an LDA chain after round {@code round}: the topic of every token and where every worker's sampler
 * stream is. Everything else (the word-topic counts, the totals, each document's counts) follows from these, so a
 * run resumed from a checkpoint continues exactly as the uninterrupted run would have: the same topics, the same
 * model, bit for bit.
 *
 * <p>On disk ({@link #write}): a {@link CheckpointFile}, with a header naming the corpus and the options it belongs
 * to, the state, and a CRC-32C of everything, written atomically (temp file, fsync, rename), so a file is complete
 * or absent and a damaged one is refused.
 *
 * @param round         rounds done (an iteration is {@code roundsPerIteration} rounds)
 * @param numWorkers    workers of the run; a resumed run needs as many (each stream belongs to a shard)
 * @param samplerStates the random state of each worker's sampler
 * @param topics        the topic of every token, in corpus order
 */
public record LdaCheckpoint(long round, int numWorkers, long[] samplerStates, int[] topics) {
    /** The kind name its {@link CheckpointFile} records. */
    private static final String KIND = "lda";

    /** A checkpoint read from a file, with what it says it belongs to and the caller's saved text. */
    public record Saved(LdaCheckpoint checkpoint, String compatibility, String extra) {
    }

    public LdaCheckpoint {
        if (samplerStates.length != numWorkers) {
            throw new IllegalArgumentException(samplerStates.length + " sampler states for " + numWorkers + " workers");
        }
    }

    /**
     * What a checkpoint must agree with to be resumed: the corpus (its shape and a CRC of its tokens), the model
     * options, the seed and the number of workers. Iterations and evaluation settings may differ (a run can be
     * extended).
     */
    public static String compatibility(Corpus train, LdaConfig config, int workers) {
        return String.format(Locale.ROOT, "corpus %s; method %s topics %d alpha %s beta %s blocks-per-worker %d"
                        + " seed %d workers %d", DataFingerprint.of(train), config.method().cliName(), config.topics(),
                config.alpha(), config.beta(), config.blocksPerWorker(), config.seed(), workers);
    }

    /** Checks that the state fits a corpus of {@code numTokens} tokens and {@code numTopics} topics. */
    void check(int numTokens, int numTopics) {
        if (topics.length != numTokens) {
            throw new IllegalArgumentException("the checkpoint has " + topics.length + " tokens, the corpus "
                    + numTokens);
        }
        for (int z : topics) {
            if (z < 0 || z >= numTopics) {
                throw new IllegalArgumentException("the checkpoint has topic " + z + " of " + numTopics);
            }
        }
    }

    /**
     * Writes the checkpoint to {@code file} atomically ({@link CheckpointFile}), with {@code compatibility} and the
     * caller's {@code extra}. Streamed: a checkpoint of a corpus of billions of tokens is never held as one byte
     * array.
     */
    public void write(Path file, String compatibility, String extra) throws IOException {
        CheckpointFile.write(file, KIND, compatibility, out -> {
            out.writeLong(round);
            out.writeInt(numWorkers);
            for (long s : samplerStates) {
                out.writeLong(s);
            }
            out.writeInt(topics.length);
            for (int z : topics) {
                out.writeInt(z);
            }
        }, extra);
    }

    /**
     * Reads a checkpoint written by {@link #write}; a damaged, truncated or foreign file is an InputException.
     * Every length is checked against the file's size before anything is allocated.
     */
    public static Saved read(Path file) {
        CheckpointFile.Saved<LdaCheckpoint> saved = CheckpointFile.read(file, KIND, LdaCheckpoint::readState);
        return new Saved(saved.state(), saved.compatibility(), saved.extra());
    }

    private static LdaCheckpoint readState(DataInputStream in, long size) throws IOException {
        long round = in.readLong();
        int workers = in.readInt();
        if (round < 0 || workers < 1 || 8L * workers > size) {
            throw new IOException("round " + round + ", " + workers + " workers");
        }
        long[] states = new long[workers];
        for (int p = 0; p < workers; p++) {
            states[p] = in.readLong();
        }
        int n = in.readInt();
        if (n < 0 || 4L * n > size) {
            throw new IOException(n + " tokens in a file of " + size + " bytes");
        }
        int[] topics = new int[n];
        for (int i = 0; i < n; i++) {
            topics[i] = in.readInt();
        }
        return new LdaCheckpoint(round, workers, states, topics);
    }
}
