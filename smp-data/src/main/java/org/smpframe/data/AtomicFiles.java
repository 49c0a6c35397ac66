package org.smpframe.data;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * half-written file, even if the process dies or the machine loses power mid-write.
 *
 * <p>How: the body writes to a temporary file in the target's directory (same file system, so the
 * rename cannot turn into a copy), which is flushed and fsynced ({@link FileChannel#force}) before
 * {@link Files#move} renames it over the target with {@code ATOMIC_MOVE}; where the file system
 * cannot do that, {@code REPLACE_EXISTING} is the fallback. The directory is then fsynced where the
 * platform allows, so the rename itself survives a crash. If the body or any step fails, the
 * temporary file is deleted and the target is left untouched.
 *
 * <p>The body must not close the stream it is given; if it does, the close is treated as a flush.
 */
public final class AtomicFiles {

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** Writes UTF-8 text through {@code body}; creates parent directories as needed. */
    public static void write(Path target, IoConsumer<Writer> body) throws IOException {
        writeBytes(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER) {
                @Override
                public void close() throws IOException {
                    flush(); // a closed writer could not be flushed below
                }
            };
            body.accept(w);
            w.flush();
        });
    }

    /** Writes bytes through {@code body}; creates parent directories as needed. */
    public static void writeBytes(Path target, IoConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null) {
            throw new IOException("cannot write to a file system root: " + target);
        }
        Files.createDirectories(dir);
        Path tmp = createTemp(dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(ch);
                BufferedOutputStream buffered = new BufferedOutputStream(raw, BUFFER);
                OutputStream guarded = new FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len); // FilterOutputStream would write byte by byte
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the real close and fsync happen below, after the body returns
                    }
                };
                body.accept(guarded);
                buffered.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } catch (IOException | RuntimeException | Error e) {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * A new empty file next to the target. Files.createTempFile would make it owner-only (0600) on
     * POSIX, and the rename would carry that mode over to the target; CREATE_NEW keeps the umask.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path tmp = dir.resolve("." + name + "." + suffix + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Makes the rename durable on POSIX; other platforms cannot open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the data itself is already on disk.
        }
    }
}
