package org.smpframe.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/** What every reader of a data file does the same way: open it, and name what went wrong while reading it. */
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
}
