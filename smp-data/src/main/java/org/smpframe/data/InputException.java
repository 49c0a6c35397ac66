package org.smpframe.data;

/**
 * Bad user input: a data file that cannot be read as what it claims to be.
 *
 * <p>The message is meant to be shown to a person as is, in the compiler-style form
 * {@code FILE:LINE: reason} (or {@code FILE: reason} when no single line is to blame, e.g. a
 * missing or truncated file), so that editors and terminals can jump to the spot. A command-line
 * front end should print {@link #getMessage()} and no stack trace: the stack says where the
 * reader noticed the problem, which the user cannot act on.
 */
public class InputException extends RuntimeException {

    private final String file;
    private final long line;
    private final String reason;

    /**
     * @param file   the file or stream name as the user knows it
     * @param line   1-based physical line number; {@code <= 0} means the problem has no line
     * @param reason what is wrong, naming the offending token where there is one
     */
    public InputException(String file, long line, String reason) {
        this(file, line, reason, null);
    }

    /** As {@link #InputException(String, long, String)}, keeping the low-level cause for debugging. */
    public InputException(String file, long line, String reason, Throwable cause) {
        super(format(file, line, reason), cause);
        this.file = file;
        this.line = line > 0 ? line : 0;
        this.reason = reason;
    }

    /** The file or stream name. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }

    /** The reason alone, without file and line. */
    public String reason() {
        return reason;
    }

    private static String format(String file, long line, String reason) {
        String where = file == null ? "<input>" : file;
        return line > 0 ? where + ":" + line + ": " + reason : where + ": " + reason;
    }
}
