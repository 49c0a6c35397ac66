package org.smpframe.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;

/**
 * A two-way map between external ids, the strings a ratings file uses for users or items
 * ({@code "196"}, {@code "u17"}), and dense indices {@code 0..size()-1}, handed out in order of
 * first appearance.
 *
 * <p>Why: factor matrices are arrays indexed by user and item, so the raw ids must become dense
 * indices; and a test file, a later run or a prediction request must map the same id to the same
 * row, which is what sharing one map between reads (see {@link RatingsReader.Options}) and
 * {@link #write}/{@link #read} provide.
 *
 * <p>An id is a non-empty string without whitespace ({@link Character#isWhitespace} or
 * {@link Character#isSpaceChar}, so no-break spaces count too); anything else is allowed,
 * including {@code ','} and {@code ':'}. Whether {@code "a,b"} is one id or two is the business of
 * the ratings file's format, not of this map.
 *
 * <p>The map only grows: an index, once handed out, keeps its id for the life of the map, so
 * indices stored elsewhere (in a {@link Ratings}) stay valid while later reads extend it. Not
 * thread-safe: extend it from one thread, or share it read-only.
 *
 * <p>File form ({@link #write}): UTF-8, one id per line, line {@code k} holds index {@code k-1}.
 */
public final class IdMap {

    private final HashMap<String, Integer> index;
    private String[] ids;
    private int size;

    private IdMap(int capacity) {
        index = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, capacity * 4L / 3 + 1)));
        ids = new String[Math.max(16, capacity)];
    }

    /** A new, empty map. */
    public static IdMap create() {
        return new IdMap(16);
    }

    /**
     * The index of {@code id}, giving it the next free index if it is new.
     *
     * @throws IllegalArgumentException if {@code id} is null, empty or contains whitespace
     */
    public int intern(String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return internValid(id);
    }

    /** {@link #intern} for a caller that has already checked the id with {@link #problem(String)}. */
    int internValid(String id) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        if (size == ids.length) {
            if (size >= IntArrayBuilder.MAX_LENGTH) {
                throw new IllegalStateException("more than " + IntArrayBuilder.MAX_LENGTH + " ids");
            }
            ids = Arrays.copyOf(ids, (int) Math.min(IntArrayBuilder.MAX_LENGTH, 2L * size));
        }
        ids[size] = id;
        index.put(id, size);
        return size++;
    }

    /** The index of {@code id}, or -1 if the map does not hold it (including for a null or invalid id). */
    public int indexOf(String id) {
        Integer known = id == null ? null : index.get(id);
        return known == null ? -1 : known;
    }

    /**
     * The id at {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    public String id(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
        return ids[index];
    }

    /** Number of ids; also the next index {@link #intern} hands out. */
    public int size() {
        return size;
    }

    /**
     * An independent copy: extending it leaves this map alone. Useful to read a test file with
     * new ids allowed without growing the training maps.
     */
    public IdMap copy() {
        IdMap c = new IdMap(size);
        for (int i = 0; i < size; i++) {
            c.internValid(ids[i]);
        }
        return c;
    }

    /**
     * Forgets every index {@code >= newSize}. Only for a reader undoing the ids it added before
     * it failed, so that a bad file does not leave a caller's map half-extended.
     */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " ids to " + newSize);
        }
        for (int i = newSize; i < size; i++) {
            index.remove(ids[i]);
            ids[i] = null;
        }
        size = newSize;
    }

    /**
     * Writes the ids, one per line in index order, replacing {@code file} atomically through
     * {@link AtomicFiles}, so a crash never leaves a map that silently renumbers a model's rows.
     *
     * @throws IllegalStateException if the map is empty: {@link #read} rejects empty files, since an
     *                               empty map is almost always a mistake (a map saved before any read)
     */
    public void write(Path file) throws IOException {
        if (size == 0) {
            throw new IllegalStateException("an empty id map cannot be written (IdMap.read rejects empty files)");
        }
        AtomicFiles.write(file, w -> {
            for (int i = 0; i < size; i++) {
                w.write(ids[i]);
                w.write('\n');
            }
        });
    }

    /**
     * Reads a map written by {@link #write}. CRLF line ends and a UTF-8 byte order mark are
     * accepted, since an id file may have passed through a Windows editor; a lone CR is whitespace
     * inside an id, and so an error.
     *
     * @throws InputException naming the file and the 1-based line for an empty file, a blank line,
     *                        an id with whitespace, a duplicate id (naming its first line too) or bytes
     *                        that are not UTF-8; naming the file alone for a missing or unreadable file
     */
    public static IdMap read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, 0, "is a directory, not an id map file");
        }
        byte[] bytes;
        try {
            // Whole-file: an id map is small next to the ratings it indexes, and byte lines give
            // exact line numbers for bad UTF-8, which a Reader's read-ahead decoding would not.
            long size = Files.size(file);
            if (size > IntArrayBuilder.MAX_LENGTH) {
                throw new InputException(name, 0, "too large for an id map (" + size + " bytes)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, "permission denied", e);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
        IdMap map = create();
        int p = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            p = 3; // UTF-8 byte order mark, written by some Windows editors
        }
        long line = 0;
        while (p < bytes.length) {
            line++;
            int nl = p;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            int end = nl > p && bytes[nl - 1] == '\r' ? nl - 1 : nl;
            String id = new String(bytes, p, end - p, StandardCharsets.UTF_8);
            byte[] again = id.getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(again, 0, again.length, bytes, p, end)) { // the decoder replaced broken bytes
                throw new InputException(name, line, "not valid UTF-8 text");
            }
            if (id.isBlank()) {
                throw new InputException(name, line, "blank line: every line must hold one id");
            }
            String problem = problem(id);
            if (problem != null) {
                throw new InputException(name, line, problem);
            }
            int before = map.size;
            int at = map.internValid(id);
            if (at < before) {
                throw new InputException(name, line, "duplicate id '" + shown(id) + "': already on line " + (at + 1));
            }
            p = nl + 1;
        }
        if (map.size == 0) {
            throw new InputException(name, 0, "empty id map file: expected one id per line");
        }
        return map;
    }

    /**
     * Why {@code id} cannot be an id, or null if it can. Package-private so that readers can
     * check a token before deciding between an {@link InputException} and {@link #internValid}.
     */
    static String problem(String id) {
        if (id == null) {
            return "id must not be null";
        }
        if (id.isEmpty()) {
            return "empty id";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (isWhitespace(c)) {
                return "id '" + shown(id) + "' contains whitespace (" + String.format("U+%04X", (int) c)
                        + ") at position " + (i + 1);
            }
        }
        return null;
    }

    /** The whitespace that ids must not contain; readers split on a subset of it. */
    static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The id for a message: control characters escaped, long ids cut. */
    private static String shown(String id) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(id.length(), 60);
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return n < id.length() ? sb.append("...").toString() : sb.toString();
    }

    @Override
    public String toString() {
        return "IdMap[" + size + " ids]";
    }
}
