package org.smpframe.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} header files of saved models: read with file and line in every error. */
public final class KeyValueFile {
    private KeyValueFile() {
    }

    /**
     * The entries of {@code file} in order (blank lines skipped, keys and values trimmed).
     *
     * @param missing what to say when the file does not exist, e.g. "is this an MF model directory?"
     * @throws InputException for a missing or unreadable file or a line without {@code key=value}
     */
    public static Map<String, String> read(Path file, String missing) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new InputException(file.toString(), no, "expected key=value, got '"
                            + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "'");
                }
                entries.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file (" + missing + ")");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        return entries;
    }
}
