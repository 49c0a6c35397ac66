package org.smpframe.lda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
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

    /**
     * Writes the checkpoint to {@code file} atomically, with {@code compatibility} and the caller's {@code extra}.
     * Streamed: a checkpoint of a corpus of billions of tokens is never held as one byte array.
     */
    public void write(Path file, String compatibility, String extra) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A process killed while writing leaves its temporary file behind; one run writes this checkpoint at a
        // time, so such leftovers of earlier writes can go.
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + file.getFileName() + ".*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
        AtomicFiles.writeBytes(file, o -> {
            BufferedOutputStream buffered = new BufferedOutputStream(o, 1 << 16);
            CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32C());
            DataOutputStream out = new DataOutputStream(checked);
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
            DataOutputStream tail = new DataOutputStream(buffered);
            tail.writeLong(checked.getChecksum().getValue());
            tail.flush();
        });
    }

    /**
     * Reads a checkpoint written by {@link #write}; a damaged, truncated or foreign file is an InputException.
     * Every length is checked against the file's size before anything is allocated.
     */
    public static Saved read(Path file) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no checkpoint here (a run writes one with --checkpoint-every)");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputException(name, 0, "not an SMPFrame LDA checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new InputException(name, 0, "checkpoint format version " + version + ", this build reads "
                        + VERSION);
            }
            String compatibility = readString(in, size);
            long round = in.readLong();
            int workers = in.readInt();
            if (round < 0 || workers < 1 || 8L * workers > size) {
                throw damaged(name);
            }
            long[] states = new long[workers];
            for (int p = 0; p < workers; p++) {
                states[p] = in.readLong();
            }
            int n = in.readInt();
            if (n < 0 || 4L * n > size) {
                throw damaged(name);
            }
            int[] topics = new int[n];
            for (int i = 0; i < n; i++) {
                topics[i] = in.readInt();
            }
            String extra = readString(in, size);
            long expected = new DataInputStream(buffered).readLong();
            if (expected != checked.getChecksum().getValue() || buffered.read() != -1) {
                throw damaged(name);
            }
            return new Saved(new LdaCheckpoint(round, workers, states, topics), compatibility, extra);
        } catch (EOFException e) {
            throw new InputException(name, 0, "the checkpoint ends early (it is damaged or was cut off)");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static InputException damaged(String name) {
        return new InputException(name, 0, "the checkpoint is damaged (its checksum or a length does not match);"
                + " resume from an earlier copy or start again");
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in, long fileSize) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > fileSize) {
            throw new EOFException();
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
