package org.smpframe.data;

import java.io.InputStream;

/**
 * What the corpus readers ({@link CorpusReader}) share: a plain stream ({@link DataFiles#withPlainStream}) cut
 * into byte lines by {@link LineSplitter}, with the line-length error; plus the byte-level integer parsing the
 * two numeric formats need.
 */
final class CorpusInput {

    /** Bytes that separate fields and are trimmed around them: space, tab, CR, VT, FF. */
    static final boolean[] SPACE = new boolean[256];

    /** {@link #parseCount} result: the bytes are not a run of ASCII digits (or are empty). */
    static final long NOT_INTEGER = -1;
    /** {@link #parseCount} result: digits, but more than {@link Integer#MAX_VALUE}. */
    static final long TOO_LARGE = -2;
    /** {@link #parseCount} result: {@code '-'} followed by digits. */
    static final long NEGATIVE = -3;

    /** Enough for any sane line and a good read size; grows only for a longer line. */
    private static final int INITIAL_BUFFER = 1 << 16;

    static {
        for (char c : new char[] {' ', '\t', '\r', 0x0B, '\f'}) {
            SPACE[c] = true;
        }
    }

    private CorpusInput() {
    }

    /**
     * One stream's line-by-line parser: {@link #parseLine} gets every physical line, {@link #end} runs once
     * after the last. Subclasses count {@link #line} themselves (first thing in parseLine), so that a read
     * failure can say after which line it happened.
     */
    abstract static class LineParser {
        final String source;
        long line;

        LineParser(String source) {
            this.source = source;
        }

        /** The bytes {@code b[s, e)} of the next physical line, its {@code '\n'} excluded. */
        abstract void parseLine(byte[] b, int s, int e);

        /** After the last line: checks what can only be checked at the end of the input. */
        abstract void end();

        /** What to say after "line is longer than maxLineLength (N bytes); ": what the file should have been. */
        abstract String tooLongHint();
    }

    /** Feeds every line of the plain view of {@code raw} to {@code parser}, then calls its {@link LineParser#end}. */
    static void parse(InputStream raw, int maxLine, LineParser parser) {
        DataFiles.withPlainStream(raw, parser.source, () -> parser.line, plain -> {
            LineSplitter.split(plain, maxLine, (int) Math.min(INITIAL_BUFFER, maxLine + 1L), parser::parseLine,
                    () -> new InputException(parser.source, parser.line + 1, "line is longer than maxLineLength ("
                            + maxLine + " bytes); " + parser.tooLongHint()));
            parser.end();
            return null;
        });
    }

    /**
     * A new {@code int[n]} for a result array whose size the input decided; running out of memory is
     * reported as the input's problem (a corrupt count is the likelier cause) instead of escaping raw.
     */
    static int[] allocate(String source, long n, String what) {
        if (n > IntArrayBuilder.MAX_LENGTH) {
            throw new InputException(source, 0, n + " " + what + " do not fit in a Java array");
        }
        try {
            return new int[(int) n];
        } catch (OutOfMemoryError e) {
            throw new InputException(source, 0, "not enough memory for " + n + " " + what, e);
        }
    }

    /** The first non-space index at or after {@code p}. */
    static int skipSpace(byte[] b, int p, int e) {
        while (p < e && SPACE[b[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    /** The end of {@code b[s, e)} with trailing spaces removed. */
    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && SPACE[b[e - 1] & 0xFF]) {
            e--;
        }
        return e;
    }

    /** The end of the token starting at {@code p}: the next space byte, or {@code e}. */
    static int tokenEnd(byte[] b, int p, int e) {
        while (p < e && !SPACE[b[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    /** {@code p + 3} if a UTF-8 byte order mark starts at {@code p}, else {@code p}. */
    static int skipBom(byte[] b, int p, int e) {
        if (e - p >= 3 && (b[p] & 0xFF) == 0xEF && (b[p + 1] & 0xFF) == 0xBB && (b[p + 2] & 0xFF) == 0xBF) {
            return p + 3;
        }
        return p;
    }

    /**
     * A non-negative int written as plain ASCII digits, or {@link #NOT_INTEGER}, {@link #TOO_LARGE} or
     * {@link #NEGATIVE}. No sign, no spaces, no allocation.
     */
    static long parseCount(byte[] b, int s, int e) {
        if (s == e) {
            return NOT_INTEGER;
        }
        boolean negative = b[s] == '-';
        int p = negative ? s + 1 : s;
        if (p == e) {
            return NOT_INTEGER;
        }
        long v = 0;
        for (; p < e; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return NOT_INTEGER;
            }
            if (v <= Integer.MAX_VALUE) { // past it, keep scanning: a later non-digit makes it NOT_INTEGER
                v = v * 10 + d;
            }
        }
        if (negative) {
            return NEGATIVE;
        }
        return v > Integer.MAX_VALUE ? TOO_LARGE : v;
    }

    /**
     * The reason for a {@link #parseCount} failure code: {@code what} names the field ("document id"), and
     * the token is shown as written.
     */
    static String countProblem(long code, String what, byte[] b, int s, int e) {
        String tok = show(b, s, e);
        if (code == NEGATIVE) {
            return what + " " + tok + " is negative";
        }
        if (code == TOO_LARGE) {
            return what + " " + tok + " is too large (more than " + Integer.MAX_VALUE + ")";
        }
        return s == e ? "empty " + what : "invalid " + what + " '" + tok + "': not an integer";
    }

    /** A token for a message: control characters escaped, long tokens cut. */
    static String show(byte[] b, int s, int e) {
        return LibSvmParser.show(b, s, e);
    }
}
