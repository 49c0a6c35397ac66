package org.smpframe.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Line-by-line reading of small text inputs that need no byte-level parser (prediction pairs, lists of words),
 * with the same conveniences as the data readers: gzip and xz are recognized and decompressed, and a missing
 * file or a directory is an {@link InputException} naming it.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * A UTF-8 reader of {@code file}, decompressed if it is gzip or xz. Malformed UTF-8 makes {@code readLine}
     * throw a {@link java.nio.charset.CharacterCodingException}, for the caller to report with its line number.
     *
     * @throws InputException if the file cannot be opened or is a directory
     */
    public static BufferedReader open(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, "is a directory, not a text file");
        }
        InputStream raw = null;
        try {
            raw = Files.newInputStream(file);
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 13);
            InputStream data = Compression.sniff(buffered, name).open(buffered);
            InputStream opened = raw;
            // The decompressor does not close what it reads from (the data readers own their streams): close the
            // file with the reader.
            return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        opened.close();
                    }
                }
            };
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, "permission denied", e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new InputException(name, 0, "cannot open: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }
}
