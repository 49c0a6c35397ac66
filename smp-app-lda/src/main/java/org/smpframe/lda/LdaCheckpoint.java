package org.smpframe.lda;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.Corpus;
import org.smpframe.data.InputException;

/**
 * The state of an LDA chain after round {@code round}: the topic of every token and where every worker's sampler
 * stream is. Everything else (the word-topic counts, the totals, each document's counts) follows from these, so a
 * run resumed from a checkpoint continues exactly as the uninterrupted run would have: the same topics, the same
 * model, bit for bit.
 *
 * <p>On disk ({@link #write}): a header naming the corpus and the options it belongs to, the state, and a CRC-32C
 * of everything, written atomically (temp file, fsync, rename), so a file is complete or absent and a damaged one
 * is refused.
 *
 * @param round         rounds done (an iteration is {@code roundsPerIteration} rounds)
 * @param numWorkers    workers of the run; a resumed run needs as many (each stream belongs to a shard)
 * @param samplerStates the random state of each worker's sampler
 * @param topics        the topic of every token, in corpus order
 */
public record LdaCheckpoint(long round, int numWorkers, long[] samplerStates, int[] topics) {
    private static final byte[] MAGIC = "SMPLDACK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

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
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocate(4 * 1024);
        for (int[] a : new int[][] {train.docPtr(), train.words()}) {
            for (int v : a) {
                if (!buf.hasRemaining()) {
                    crc.update(buf.flip());
                    buf.clear();
                }
                buf.putInt(v);
            }
        }
        crc.update(buf.flip());
        return String.format(Locale.ROOT, "corpus %d docs %d tokens %d words crc %08x; method %s topics %d alpha %s"
                        + " beta %s blocks-per-worker %d seed %d workers %d", train.numDocs(), train.numTokens(),
                train.vocabularySize(), crc.getValue(), config.method().cliName(), config.topics(), config.alpha(),
                config.beta(), config.blocksPerWorker(), config.seed(), workers);
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

    /** Writes the checkpoint to {@code file} atomically, with {@code compatibility} and the caller's {@code extra}. */
    public void write(Path file, String compatibility, String extra) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * topics.length);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes));
        out.write(MAGIC);
        out.writeInt(VERSION);
        writeString(out, compatibility);
        out.writeLong(round);
        out.writeInt(numWorkers);
        for (long s : samplerStates) {
            out.writeLong(s);
        }
        out.writeInt(topics.length);
        for (int z : topics) {
            out.writeInt(z);
        }
        writeString(out, extra);
        out.flush();
        byte[] body = bytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeBytes(file, o -> {
            o.write(body);
            new DataOutputStream(o).writeLong(crc.getValue());
        });
    }

    /** Reads a checkpoint written by {@link #write}; a damaged, truncated or foreign file is an InputException. */
    public static Saved read(Path file) {
        String name = file.toString();
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no checkpoint here (a run writes one with --checkpoint-every)");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
        if (all.length < MAGIC.length + 8 || !java.util.Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InputException(name, 0, "not an SMPFrame LDA checkpoint");
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
            throw new InputException(name, 0, "the checkpoint is damaged (its checksum does not match); resume from"
                    + " an earlier copy or start again");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length,
                all.length - 8 - MAGIC.length))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new InputException(name, 0, "checkpoint format version " + version + ", this build reads "
                        + VERSION);
            }
            String compatibility = readString(in);
            long round = in.readLong();
            int workers = in.readInt();
            if (workers < 1 || workers > 1 << 20) {
                throw new InputException(name, 0, "implausible worker count " + workers);
            }
            long[] states = new long[workers];
            for (int p = 0; p < workers; p++) {
                states[p] = in.readLong();
            }
            int n = in.readInt();
            if (n < 0 || 4L * n > all.length) {
                throw new InputException(name, 0, "implausible token count " + n);
            }
            int[] topics = new int[n];
            for (int i = 0; i < n; i++) {
                topics[i] = in.readInt();
            }
            String extra = readString(in);
            return new Saved(new LdaCheckpoint(round, workers, states, topics), compatibility, extra);
        } catch (EOFException e) {
            throw new InputException(name, 0, "the checkpoint ends early");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new EOFException();
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
