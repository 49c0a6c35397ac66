package org.smpframe.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The byte-level LibSVM/SVMlight parser behind {@link LibSvmReader}: one instance reads one
 * stream, line by line, straight out of a reusable byte buffer into growable primitive arrays.
 *
 * <p>Why bytes and not a Reader: decoding to chars, splitting into Strings and boxing would cost
 * several objects per nonzero; here the only per-line work is a scan for the newline and one pass
 * over the line's tokens, and nothing is allocated per token except on the error path.
 *
 * <p>A line is {@code label [qid:N] index:value ... [# comment]}; a {@code #} anywhere starts a
 * comment that runs to the end of the line. Space, tab, CR, VT and FF separate tokens, so CRLF
 * files and trailing whitespace need no special case.
 */
final class LibSvmParser {

    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int MAX_TOKEN_SHOWN = 60;

    /** Separator bytes: whitespace and the comment start, which also ends a token. */
    private static final boolean[] DELIM = new boolean[256];
    /** Whitespace bytes only. */
    private static final boolean[] SPACE = new boolean[256];

    static {
        for (char c : new char[] {' ', '\t', '\r', 0x0B, '\f'}) {
            SPACE[c] = true;
            DELIM[c] = true;
        }
        DELIM['#'] = true;
    }

    private final String source;
    private final LibSvmReader.Options options;
    /** 1 for the usual 1-based files, 0 for zero-based ones: column = index - base. */
    private final int base;
    /** Exclusive upper bound on a 0-based column, so that the column count still fits in an int. */
    private final long columnLimit;

    private final IntArrayBuilder rowPtr = new IntArrayBuilder(1 << 12);
    private final IntArrayBuilder colIdx = new IntArrayBuilder(1 << 16);
    private final DoubleArrayBuilder values = new DoubleArrayBuilder(1 << 16);
    private final DoubleArrayBuilder labels = new DoubleArrayBuilder(1 << 12);
    /** Created by the first data line if it has a qid; then every data line must have one. */
    private IntArrayBuilder qids;
    private long firstDataLine;

    private int maxCol = -1;
    private long line;

    LibSvmParser(String source, LibSvmReader.Options options) {
        this.source = source;
        this.options = options;
        this.base = options.zeroBased() ? 0 : 1;
        this.columnLimit = options.maxFeatures() > 0 ? options.maxFeatures() : Integer.MAX_VALUE;
    }

    /** Physical lines fully read so far; tells the user how far a broken compressed stream got. */
    long linesRead() {
        return line;
    }

    /**
     * Reads {@code in} to its end. IOExceptions from the stream propagate for the caller to
     * translate, since only it knows whether the stream was compressed.
     */
    LabeledDataset parse(InputStream in) throws IOException {
        rowPtr.add(0);
        LineSplitter.split(in, options.maxLineLength(), INITIAL_BUFFER, this::parseLine, this::lineTooLong);
        if (labels.size() == 0) {
            throw new InputException(source, 0,
                    "no data rows: the input is empty or has only blank and comment lines");
        }
        int numCols = Math.max(maxCol + 1, options.minFeatures());
        CsrMatrix x = new CsrMatrix(labels.size(), numCols, rowPtr.toArray(), colIdx.toArray(), values.toArray());
        return new LabeledDataset(source, x, labels.toArray(), qids == null ? null : qids.toArray());
    }

    private InputException lineTooLong() {
        return new InputException(source, line + 1, "line is longer than maxLineLength ("
                + options.maxLineLength() + " bytes); is this really a LibSVM text file?");
    }

    /** Parses the bytes {@code b[ls, le)} of the next physical line, newline excluded. */
    private void parseLine(byte[] b, int ls, int le) {
        line++;
        int p = ls;
        if (line == 1 && le - p >= 3 && (b[p] & 0xFF) == 0xEF && (b[p + 1] & 0xFF) == 0xBB
                && (b[p + 2] & 0xFF) == 0xBF) {
            p += 3; // UTF-8 byte order mark, written by some Windows editors
        }
        p = skipSpace(b, p, le);
        if (p == le || b[p] == '#') {
            return;
        }
        int t = tokenEnd(b, p, le);
        double label = DecimalParser.parse(b, p, t);
        if (!(Math.abs(label) <= Double.MAX_VALUE)) {
            throw labelError(b, p, t, label);
        }
        String rejected = options.labels().reject(label);
        if (rejected != null) {
            throw new InputException(source, line, rejected);
        }
        p = skipSpace(b, t, le);

        if (le - p >= 4 && b[p] == 'q' && b[p + 1] == 'i' && b[p + 2] == 'd' && b[p + 3] == ':') {
            t = tokenEnd(b, p, le);
            recordQid(true, parseQid(b, p, t), b, p, t);
            p = skipSpace(b, t, le);
        } else {
            recordQid(false, 0, b, p, p);
        }

        final int base = this.base;
        final long columnLimit = this.columnLimit;
        int prev = -1;
        while (p < le && b[p] != '#') {
            int q = p;
            long idx = 0;
            while (q < le) {
                int d = b[q] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (idx <= Integer.MAX_VALUE) { // saturate: stays far below long overflow, still "too large"
                    idx = idx * 10 + d;
                }
                q++;
            }
            if (q == p || q == le || b[q] != ':') {
                throw featureTokenError(b, p, le);
            }
            long col = idx - base;
            if (col <= prev || col >= columnLimit) {
                throw indexError(b, p, q, le, col, prev);
            }
            int vs = q + 1;
            int ve = tokenEnd(b, vs, le);
            double v = DecimalParser.parse(b, vs, ve);
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                throw valueError(b, p, vs, ve, le, v);
            }
            if (v != 0.0) { // explicit zeros carry no information in a sparse format
                colIdx.add((int) col);
                values.add(v);
            }
            prev = (int) col;
            p = skipSpace(b, ve, le);
        }
        if (prev > maxCol) {
            maxCol = prev;
        }
        labels.add(label);
        rowPtr.add(colIdx.size());
    }

    /** Keeps the qid column all-or-nothing; {@code b[s, e)} is the qid token, for the message. */
    private void recordQid(boolean hasQid, int qid, byte[] b, int s, int e) {
        if (labels.size() == 0) {
            firstDataLine = line;
            if (hasQid) {
                qids = new IntArrayBuilder(1 << 12);
            }
        }
        if (hasQid != (qids != null)) {
            if (hasQid) {
                throw new InputException(source, line, "qid '" + show(b, s, e)
                        + "' but the first data line (" + firstDataLine + ") has no qid; either every data line"
                        + " has a qid or none does");
            }
            throw new InputException(source, line, "missing qid: the first data line (" + firstDataLine
                    + ") has one, so every data line needs one right after the label");
        }
        if (hasQid) {
            qids.add(qid);
        }
    }

    private int parseQid(byte[] b, int s, int e) {
        int p = s + 4;
        boolean neg = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            neg = b[p] == '-';
            p++;
        }
        int digitsStart = p;
        long v = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
            if (v <= Integer.MAX_VALUE) {
                v = v * 10 + (b[p] - '0');
            }
            p++;
        }
        if (p != e || p == digitsStart) {
            throw new InputException(source, line, "invalid qid '" + show(b, s, e) + "': not an integer");
        }
        v = neg ? -v : v;
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new InputException(source, line, "qid '" + show(b, s, e) + "' does not fit in a 32-bit int");
        }
        return (int) v;
    }

    private static int skipSpace(byte[] b, int p, int le) {
        while (p < le && SPACE[b[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    private static int tokenEnd(byte[] b, int p, int le) {
        while (p < le && !DELIM[b[p] & 0xFF]) {
            p++;
        }
        return p;
    }

    // ---- Error path: everything below runs only to build a message, so it may allocate freely. ----

    private InputException labelError(byte[] b, int s, int e, double parsed) {
        String tok = show(b, s, e);
        int colon = indexOf(b, s, e, (byte) ':');
        if (colon >= 0) {
            return new InputException(source, line, "missing label: the line starts with '" + tok
                    + "'; every data line must start with a numeric label");
        }
        if (Double.isInfinite(parsed)) {
            return new InputException(source, line, "label '" + tok + "' is not finite (outside the double range)");
        }
        if (isNonFiniteWord(b, s, e)) {
            return new InputException(source, line, "label '" + tok + "' is not finite (NaN or infinity)");
        }
        return new InputException(source, line, "invalid label '" + tok + "': not a number");
    }

    private InputException featureTokenError(byte[] b, int s, int le) {
        int e = tokenEnd(b, s, le);
        String tok = show(b, s, e);
        int colon = indexOf(b, s, e, (byte) ':');
        if (colon < 0) {
            return new InputException(source, line, "expected index:value but found '" + tok + "' (missing ':')");
        }
        if (colon - s == 3 && b[s] == 'q' && b[s + 1] == 'i' && b[s + 2] == 'd') {
            return new InputException(source, line,
                    "'" + tok + "' is misplaced: qid must come right after the label");
        }
        if (colon == s) {
            return new InputException(source, line, "missing index before ':' in '" + tok + "'");
        }
        String index = show(b, s, colon);
        if (b[s] == '-' && colon - s > 1 && allDigits(b, s + 1, colon)) {
            return new InputException(source, line, "index " + index + " in '" + tok + "' is out of range: "
                    + (base == 1 ? "indices are 1-based and must be >= 1" : "indices must be >= 0"));
        }
        return new InputException(source, line,
                "invalid index '" + index + "' in '" + tok + "': not an integer");
    }

    private InputException indexError(byte[] b, int s, int colon, int le, long col, int prev) {
        int e = tokenEnd(b, s, le);
        String tok = show(b, s, e);
        String index = show(b, s, colon);
        if (col < 0) {
            return new InputException(source, line, "index " + index + " in '" + tok + "' is out of range: "
                    + "indices are 1-based and must be >= 1 (use the zero-based option for 0-based files)");
        }
        if (col >= columnLimit) {
            if (options.maxFeatures() > 0) {
                return new InputException(source, line, "index " + index + " in '" + tok + "' exceeds maxFeatures "
                        + options.maxFeatures());
            }
            return new InputException(source, line,
                    "index " + index + " in '" + tok + "' is too large: the column count must fit in an int");
        }
        long prevIndex = (long) prev + base;
        if (col == prev) {
            return new InputException(source, line, "duplicate index " + index + " in '" + tok + "'");
        }
        return new InputException(source, line, "index " + index + " in '" + tok + "' is out of order: it follows index "
                + prevIndex + ", but indices must be strictly increasing");
    }

    private InputException valueError(byte[] b, int s, int vs, int ve, int le, double parsed) {
        int e = tokenEnd(b, s, le);
        String tok = show(b, s, e);
        String value = show(b, vs, ve);
        if (vs == ve) {
            return new InputException(source, line, "missing value after ':' in '" + tok + "'");
        }
        if (Double.isInfinite(parsed)) {
            return new InputException(source, line,
                    "value '" + value + "' in '" + tok + "' is not finite (outside the double range)");
        }
        if (isNonFiniteWord(b, vs, ve)) {
            return new InputException(source, line,
                    "value '" + value + "' in '" + tok + "' is not finite (NaN or infinity)");
        }
        return new InputException(source, line, "invalid value '" + value + "' in '" + tok + "': not a number");
    }

    private static int indexOf(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allDigits(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** NaN, Inf, Infinity in any case and with an optional sign: what other tools write for non-finite values. */
    private static boolean isNonFiniteWord(byte[] b, int s, int e) {
        String w = new String(b, s, e - s, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (w.startsWith("+") || w.startsWith("-")) {
            w = w.substring(1);
        }
        return w.equals("nan") || w.equals("inf") || w.equals("infinity");
    }

    /** The token as text for a message: decoded as UTF-8, control bytes escaped, long tokens cut. */
    static String show(byte[] b, int s, int e) {
        boolean cut = e - s > MAX_TOKEN_SHOWN;
        String raw = new String(b, s, cut ? MAX_TOKEN_SHOWN : e - s, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (cut) {
            sb.append("...");
        }
        return sb.toString();
    }
}
