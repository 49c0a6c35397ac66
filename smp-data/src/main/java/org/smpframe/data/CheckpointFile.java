package org.smpframe.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The file an app's checkpoint lives in: a header naming the kind of state and what it is compatible with (the
 * data and the options), the app's state, a free text the caller keeps with it (e.g. the trace so far), and a
 * CRC-32C of everything.
 *
 * <p>Written atomically (temp file, fsync, rename; see {@link AtomicFiles}), so the file is always a complete
 * checkpoint or the previous one. Read in two passes: the checksum is verified over the whole file first, so the
 * state is only parsed from bytes known to be what was written; the parser still checks every length against the
 * file's size before it allocates.
 */
public final class CheckpointFile {
    private static final byte[] MAGIC = "SMPCKPT\0".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private CheckpointFile() {
    }

    /** Writes the app's state. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the app's state back; {@code size} is the file's size, the bound for any length it reads. */
    @FunctionalInterface
    public interface Parser<T> {
        T read(DataInputStream in, long size) throws IOException;
    }

    /** A checkpoint read back: the state, what it says it is compatible with, and the caller's text. */
    public record Saved<T>(T state, String compatibility, String extra) {
    }

    /**
     * Writes a checkpoint of {@code kind} to {@code file} atomically. Temporary files that a killed write left
     * beside it are deleted first (one run writes a given checkpoint at a time).
     */
    public static void write(Path file, String kind, String compatibility, Body body, String extra)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
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
            writeString(out, kind);
            writeString(out, compatibility);
            body.write(out);
            writeString(out, extra);
            out.flush();
            DataOutputStream tail = new DataOutputStream(buffered);
            tail.writeLong(checked.getChecksum().getValue());
            tail.flush();
        });
    }

    /**
     * Reads a checkpoint of {@code kind}. A missing, damaged, truncated or foreign file, or one the parser
     * rejects, is an {@link InputException} naming the file and the reason.
     */
    public static <T> Saved<T> read(Path file, String kind, Parser<T> parser) {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no checkpoint here (a run writes one with --checkpoint-every or"
                    + " --checkpoint-seconds)");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
        try {
            verifyChecksum(file, size, name);
            try (InputStream raw = Files.newInputStream(file)) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
                in.skipNBytes(MAGIC.length + 4L);
                String savedKind = readString(in, size);
                if (!savedKind.equals(kind)) {
                    throw new InputException(name, 0, "this is a checkpoint of " + savedKind + ", not of " + kind);
                }
                String compatibility = readString(in, size);
                T state = parser.read(in, size);
                String extra = readString(in, size);
                if (in.available() != 8) {
                    throw damaged(name, "its state is not what this build reads");
                }
                return new Saved<>(state, compatibility, extra);
            }
        } catch (EOFException e) {
            throw damaged(name, "its state ends early");
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so this is a file written by another build or made by hand: whatever the
            // parser tripped over, it is not a state this build can resume.
            throw damaged(name, e.getMessage());
        }
    }

    private static void verifyChecksum(Path file, long size, String name) throws IOException {
        if (size < MAGIC.length + 4 + 8) {
            throw new InputException(name, 0, size == 0 ? "the checkpoint is empty" : "not an SMPFrame checkpoint");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            CheckedInputStream checked = new CheckedInputStream(buffered, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputException(name, 0, "not an SMPFrame checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new InputException(name, 0, "checkpoint format version " + version + ", this build reads "
                        + VERSION);
            }
            in.skipNBytes(size - MAGIC.length - 4 - 8);
            long expected = new DataInputStream(buffered).readLong();
            if (expected != checked.getChecksum().getValue()) {
                throw damaged(name, "its checksum does not match");
            }
        }
    }

    private static InputException damaged(String name, String why) {
        return new InputException(name, 0, "the checkpoint is damaged (" + why + "); resume from an earlier copy"
                + " or start again");
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in, long fileSize) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > fileSize) {
            throw new IOException("a length of " + n + " bytes in a file of " + fileSize);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
