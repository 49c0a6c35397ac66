package org.smpframe.data;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What every reader of a data file does the same way: open it, make its stream plain (gzip and xz sniffed by
 * {@link Compression}), and turn every low-level failure on the way (a read error, a truncated or corrupt
 * compressed stream, a decoder's runtime exception, an array size limit) into an {@link InputException} that
 * names the source.
 */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * Opens {@code file} and applies {@code read} to its stream, closing it after; a missing, unreadable or
     * directory path is an {@link InputException} naming the file ({@code kind} says what it should have been,
     * e.g. "a data file").
     */
    static <T> T read(Path file, String kind, Function<InputStream, T> read) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, "is a directory, not " + kind);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot open: " + e.getMessage(), e);
        }
        try (in) {
            return read.apply(in);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot close: " + e.getMessage(), e);
        }
    }

    /**
     * The error for an I/O failure after {@code linesRead} lines: a plain read error, or, for a compressed
     * stream, truncated or corrupt compressed data (by far the likelier cause).
     */
    static InputException readFailure(String source, Compression compression, long linesRead, IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String where = linesRead == 0 ? "before the first line" : "after line " + linesRead;
        if (compression == Compression.NONE) {
            return new InputException(source, 0, "read error " + where + ": " + detail, e);
        }
        return new InputException(source, 0, "compressed data is truncated or corrupt ("
                + compression.displayName + ": " + detail + ", " + where + ")", e);
    }

    /** Reads the plain (decompressed) stream; IOExceptions are the caller's to translate. */
    @FunctionalInterface
    interface Body<T> {
        T read(InputStream plain) throws IOException;
    }

    /**
     * Applies {@code body} to the plain view of {@code raw}, which stays open (the caller owns it).
     *
     * @param linesRead how many lines were read when a failure happened, for its message
     */
    static <T> T withPlainStream(InputStream raw, String source, LongSupplier linesRead, Body<T> body) {
        Compression compression = Compression.NONE;
        try {
            // Small: it only has to hold the magic bytes for sniffing; the large reads bypass it.
            BufferedInputStream buffered = new BufferedInputStream(new Guarded(raw), 1 << 13);
            compression = Compression.sniff(buffered, source);
            InputStream opened;
            try {
                opened = compression.open(buffered);
            } catch (RuntimeException e) { // a decoder choking on a corrupt header
                throw new IOException("stream failed: " + e, e);
            }
            try (InputStream plain = new Guarded(opened)) {
                return body.read(plain);
            }
        } catch (IOException e) {
            throw readFailure(source, compression, linesRead.getAsLong(), e);
        } catch (IllegalStateException e) {
            // Only the array size limits (IntArrayBuilder, IdMap) throw this: an input too big for Java arrays.
            throw new InputException(source, linesRead.getAsLong(), e.getMessage(), e);
        }
    }

    /**
     * Turns a RuntimeException from a decoder fed corrupt data (or from a misbehaving caller's stream) into
     * an IOException, so that it is reported like every other broken stream instead of escaping raw.
     */
    private static final class Guarded extends FilterInputStream {
        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (RuntimeException e) {
                throw new IOException("stream failed: " + e, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (RuntimeException e) {
                throw new IOException("stream failed: " + e, e);
            }
        }
    }
}
