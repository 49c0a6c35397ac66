package org.smpframe.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads (user, item, rating) triples in one of the {@link RatingsFormat}s into {@link Ratings}.
 *
 * <p>External ids become dense indices through {@link IdMap}s. For training data the maps start
 * empty (or are given, and grow); a test file is read against the training maps with
 * {@link UnknownIds#SKIP} (ratings of users or items the model never saw are dropped and counted)
 * or {@link UnknownIds#REJECT}, so the same id gets the same index in both.
 *
 * <p>gzip and xz input is decompressed transparently, recognized by its magic bytes, not its
 * name. A UTF-8 byte order mark and CRLF line ends are accepted.
 *
 * <p>Every problem with the input, including a missing file, a duplicate (user, item) pair and a
 * truncated compressed stream, is an {@link InputException} naming the source, the 1-based
 * physical line where a line is to blame, and the offending token. The reader fails on the first
 * problem instead of skipping bad lines: a silently dropped rating changes a model without anyone
 * noticing. When a read fails, maps given in the options are left as they were: the ids the failed
 * read added are removed again.
 */
public final class RatingsReader {

    private RatingsReader() {
    }

    /** What to do with a user or item id that is not in the id maps yet. */
    public enum UnknownIds {
        /** Give it the next free index: reading training data. */
        ADD,
        /**
         * Drop the triple and count it in {@link Ratings#skippedUnknown()}: reading a test file against
         * the training maps, where a model cannot predict for users or items it never saw.
         */
        SKIP,
        /** Fail with an {@link InputException} at the line: every id is expected to be known. */
        REJECT
    }

    /** Reads {@code file} with default {@link Options}: detected format, fresh id maps. */
    public static Ratings read(Path file) {
        return read(file, Options.DEFAULTS);
    }

    /** Reads {@code file}; the name in messages is {@code file.toString()}. */
    public static Ratings read(Path file, Options o) {
        return DataFiles.read(file, "a ratings file", in -> read(in, file.toString(), o));
    }

    /**
     * Reads a stream to its end, leaving it open (the caller owns it).
     *
     * @param sourceName the name used in error messages and {@link Ratings#source()}
     * @throws IllegalArgumentException if {@code o} is null, or SKIP/REJECT is asked for without
     *                                  both id maps (there would be nothing to look ids up in)
     */
    public static Ratings read(InputStream in, String sourceName, Options o) {
        if (o == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (o.unknownIds() != UnknownIds.ADD && (o.users() == null || o.items() == null)) {
            throw new IllegalArgumentException("unknownIds " + o.unknownIds()
                    + " needs the user and item id maps to look ids up in (usually the training data's)");
        }
        IdMap users = o.users() != null ? o.users() : IdMap.create();
        IdMap items = o.items() != null ? o.items() : IdMap.create();
        int usersBefore = users.size();
        int itemsBefore = items.size();
        Parser parser = new Parser(sourceName, o, users, items);
        boolean done = false;
        try {
            Ratings r = DataFiles.withPlainStream(in, sourceName, () -> parser.line, parser::parse);
            done = true;
            return r;
        } finally {
            if (!done) {
                users.truncate(Math.min(usersBefore, users.size()));
                items.truncate(Math.min(itemsBefore, items.size()));
            }
        }
    }

    /**
     * Reader settings; immutable. Start from {@link #defaults()} and use the with-ers.
     *
     * @param format        the layout, or null to detect it from the first line that is neither blank
     *                      nor a {@code #} comment ({@link RatingsFormat#detect})
     * @param users         the user id map to extend or look ids up in, or null for a fresh one
     * @param items         the item id map, likewise
     * @param unknownIds    what to do with ids not in the maps; SKIP and REJECT need both maps
     * @param maxLineLength a longer line is an error rather than an attempt to buffer it all, so a
     *                      binary or newline-free file fails fast instead of running out of memory
     */
    public record Options(RatingsFormat format, IdMap users, IdMap items, UnknownIds unknownIds,
                          int maxLineLength) {

        /** 1 MiB: a rating line is a few dozen bytes; anything near this is not a ratings file. */
        public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

        /** Detected format, fresh maps, {@link UnknownIds#ADD}, 1 MiB lines. */
        public static final Options DEFAULTS = new Options(null, null, null, UnknownIds.ADD, DEFAULT_MAX_LINE_LENGTH);

        public Options {
            if (unknownIds == null) {
                throw new IllegalArgumentException("unknownIds is required (ADD, SKIP or REJECT)");
            }
            if (maxLineLength <= 0) {
                throw new IllegalArgumentException("maxLineLength must be > 0, got " + maxLineLength);
            }
        }

        /** Same as {@link #DEFAULTS}. */
        public static Options defaults() {
            return DEFAULTS;
        }

        public Options withFormat(RatingsFormat v) {
            return new Options(v, users, items, unknownIds, maxLineLength);
        }

        public Options withUsers(IdMap v) {
            return new Options(format, v, items, unknownIds, maxLineLength);
        }

        public Options withItems(IdMap v) {
            return new Options(format, users, v, unknownIds, maxLineLength);
        }

        /** Both maps of {@code r}: read a test file against the training data's ids. */
        public Options withIdsOf(Ratings r) {
            return new Options(format, r.userIds(), r.itemIds(), unknownIds, maxLineLength);
        }

        public Options withUnknownIds(UnknownIds v) {
            return new Options(format, users, items, v, maxLineLength);
        }

        public Options withMaxLineLength(int v) {
            return new Options(format, users, items, unknownIds, v);
        }
    }

    /**
     * The byte-level parser: one instance reads one stream, line by line, out of a reusable byte
     * buffer into growable primitive arrays, like {@link LibSvmParser} and for the same reason.
     * Per line it allocates nothing except the String of an id that differs from the previous
     * line's id in the same column (ml-1m and u.data are sorted by user, so most user ids repeat).
     */
    private static final class Parser {

        /** Enough for any sane line and a good read size; grows only for a line longer than this. */
        private static final int INITIAL_BUFFER = 1 << 16;
            /** Fields kept per line; one more than the 4 allowed, so that "too many" is still seen. */
        private static final int MAX_FIELDS = 5;

        /** Bytes that separate tokens and are trimmed around fields: space, tab, CR, VT, FF. */
        private static final boolean[] SPACE = new boolean[256];
        /** ASCII bytes that {@link IdMap} counts as whitespace, which no id may contain. */
        private static final boolean[] ID_SPACE = new boolean[256];

        static {
            for (char c : new char[] {' ', '\t', '\r', 0x0B, '\f'}) {
                SPACE[c] = true;
            }
            for (char c = 0; c < 0x80; c++) {
                ID_SPACE[c] = IdMap.isWhitespace(c);
            }
        }

        private final String source;
        private final UnknownIds mode;
        private final int maxLine;
        private final IdColumn userColumn;
        private final IdColumn itemColumn;

        private RatingsFormat format;
        // Not final: each is dropped as soon as its exact-size copy exists, to lower the peak heap.
        private IntArrayBuilder users = new IntArrayBuilder(1 << 10);
        private IntArrayBuilder items = new IntArrayBuilder(1 << 10);
        /** Float bits: the int builder avoids a float twin of it, and the bits convert back exactly. */
        private IntArrayBuilder valueBits = new IntArrayBuilder(1 << 10);
        /** The physical line of each kept triple, needed only to name both lines of a duplicate. */
        private IntArrayBuilder lines = new IntArrayBuilder(1 << 10);
        private long skipped;
        long line;

        /** CSV only: the first non-comment line may be a header. */
        private boolean sawFirstLine;
        private boolean headerSkipped;

        // MatrixMarket state: 0 = header expected, 1 = size line expected, 2 = entries.
        private int mmStage;
        private boolean mmInteger;
        private long mmRows;
        private long mmCols;
        private long mmDeclared;
        private long mmEntries;
        private long mmSizeLine;

        /** Field bounds of the current line, reused; only the first MAX_FIELDS are kept. */
        private final int[] fs = new int[MAX_FIELDS];
        private final int[] fe = new int[MAX_FIELDS];
        /** Set by {@link #parseInteger} when the digits do not fit in a long. */
        private boolean overflowed;

        Parser(String source, Options o, IdMap userIds, IdMap itemIds) {
            this.source = source;
            this.mode = o.unknownIds();
            this.maxLine = o.maxLineLength();
            this.format = o.format();
            this.userColumn = new IdColumn("user", userIds);
            this.itemColumn = new IdColumn("item", itemIds);
        }

        Ratings parse(InputStream in) throws IOException {
            LineSplitter.split(in, maxLine, INITIAL_BUFFER, this::parseLine, this::lineTooLong);
            checkEnd();
            int n = users.size();
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = Float.intBitsToFloat(valueBits.get(i));
            }
            valueBits = null;
            int[] u = users.toArray();
            users = null;
            int[] it = items.toArray();
            items = null;
            checkDuplicates(u, it);
            lines = null;
            return Ratings.checked(source, u, it, values, userColumn.map, itemColumn.map, skipped);
        }

        private InputException lineTooLong() {
            return new InputException(source, line + 1, "line is longer than maxLineLength (" + maxLine
                    + " bytes); is this really a ratings file?");
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
            if (p == le) {
                return;
            }
            if (format == null) {
                if (b[p] == '#') {
                    return;
                }
                format = RatingsFormat.detect(new String(b, p, le - p, StandardCharsets.ISO_8859_1));
            }
            if (format == RatingsFormat.MATRIX_MARKET) {
                matrixMarketLine(b, p, le);
            } else if (b[p] != '#') {
                textLine(b, p, le);
            }
        }

        // ---- MovieLens, TSV, CSV ----

        private void textLine(byte[] b, int p, int le) {
            int n = split(b, p, le);
            if (format == RatingsFormat.CSV && !sawFirstLine) {
                sawFirstLine = true;
                if (isCsvHeader(b, n)) {
                    headerSkipped = true;
                    return;
                }
            }
            if (n < 3 || n > 4) {
                throw fieldCountError(b, p, le, n);
            }
            checkIdToken(b, fs[0], fe[0], "user");
            checkIdToken(b, fs[1], fe[1], "item");
            float v = rating(b, fs[2], fe[2], false);
            if (n == 4) {
                checkTimestamp(b, fs[3], fe[3]);
            }
            int u = userColumn.resolve(b, fs[0], fe[0]);
            int i = u < 0 && mode == UnknownIds.SKIP ? -1 : itemColumn.resolve(b, fs[1], fe[1]);
            add(u, i, v);
        }

        /** Fills {@link #fs}/{@link #fe} with the trimmed fields of {@code b[p, le)}; returns how many there are. */
        private int split(byte[] b, int p, int le) {
            if (format == RatingsFormat.TSV) {
                return tokens(b, p, le);
            }
            int n = 0;
            boolean movieLens = format == RatingsFormat.MOVIELENS;
            int fieldStart = p;
            while (true) {
                int sep = fieldStart;
                if (movieLens) {
                    while (sep < le && !(b[sep] == ':' && sep + 1 < le && b[sep + 1] == ':')) {
                        sep++;
                    }
                } else {
                    while (sep < le && b[sep] != ',') {
                        sep++;
                    }
                }
                if (n < MAX_FIELDS) {
                    int s = skipSpace(b, fieldStart, sep);
                    int e = sep;
                    while (e > s && SPACE[b[e - 1] & 0xFF]) {
                        e--;
                    }
                    fs[n] = s;
                    fe[n] = e;
                }
                n++;
                if (sep == le) {
                    return n;
                }
                fieldStart = sep + (movieLens ? 2 : 1);
            }
        }

        /**
         * A header names its columns: every field non-empty, the rating field not a number (nor a
         * NaN or infinity word, which is a bad rating rather than a column name), and a fourth field
         * not an integer. The last two rules keep a first data line with a typo from vanishing.
         */
        private boolean isCsvHeader(byte[] b, int n) {
            if (n < 3 || n > 4) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                if (fs[k] == fe[k]) {
                    return false;
                }
            }
            if (!Double.isNaN(DecimalParser.parse(b, fs[2], fe[2])) || isNonFiniteWord(b, fs[2], fe[2])) {
                return false;
            }
            return n == 3 || parseInteger(b, fs[3], fe[3]) == Long.MIN_VALUE;
        }

        private void checkIdToken(byte[] b, int s, int e, String what) {
            if (s == e) {
                throw new InputException(source, line, "empty " + what + " id");
            }
            for (int k = s; k < e; k++) {
                int c = b[k];
                if (c >= 0 && ID_SPACE[c]) {
                    throw new InputException(source, line, what + " id '" + show(b, s, e) + "' contains whitespace");
                }
            }
        }

        private void checkTimestamp(byte[] b, int s, int e) {
            if (s == e) {
                throw new InputException(source, line, "empty timestamp field");
            }
            if (parseInteger(b, s, e) == Long.MIN_VALUE) {
                String tok = show(b, s, e);
                throw new InputException(source, line, overflowed
                        ? "timestamp '" + tok + "' does not fit in a 64-bit integer"
                        : "invalid timestamp '" + tok + "': not an integer");
            }
        }

        // ---- MatrixMarket ----

        private void matrixMarketLine(byte[] b, int p, int le) {
            if (mmStage == 0) {
                if (b[p] != '#') {
                    matrixMarketHeader(b, p, le);
                    mmStage = 1;
                }
                return;
            }
            if (b[p] == '%') {
                return;
            }
            int n = tokens(b, p, le);
            if (mmStage == 1) {
                matrixMarketSize(b, p, le, n);
                mmStage = 2;
                return;
            }
            if (mmEntries == mmDeclared) {
                throw new InputException(source, line, "more entries than the " + mmDeclared
                        + " declared on line " + mmSizeLine + ": '" + show(b, p, le) + "'");
            }
            if (n != 3) {
                throw new InputException(source, line, "expected 3 fields 'row column value' but found " + n
                        + ": '" + show(b, p, le) + "'");
            }
            long r = matrixMarketIndex(b, fs[0], fe[0], "row", mmRows);
            long c = matrixMarketIndex(b, fs[1], fe[1], "column", mmCols);
            float v = rating(b, fs[2], fe[2], true);
            if (mmInteger && parseInteger(b, fs[2], fe[2]) == Long.MIN_VALUE && !overflowed) {
                throw new InputException(source, line, "invalid value '" + show(b, fs[2], fe[2])
                        + "': not an integer, but the header declares an integer matrix");
            }
            mmEntries++;
            int u = userColumn.resolve(r);
            int i = u < 0 && mode == UnknownIds.SKIP ? -1 : itemColumn.resolve(c);
            add(u, i, v);
        }

        /**
         * Whitespace-separated tokens of {@code b[p, le)}, {@code p} at a non-space byte, into
         * {@link #fs}/{@link #fe}; returns how many there are.
         */
        private int tokens(byte[] b, int p, int le) {
            int n = 0;
            while (p < le) {
                int t = p;
                while (t < le && !SPACE[b[t] & 0xFF]) {
                    t++;
                }
                if (n < MAX_FIELDS) {
                    fs[n] = p;
                    fe[n] = t;
                }
                n++;
                p = skipSpace(b, t, le);
            }
            return n;
        }

        /** Runs once per file, so it may use Strings freely. */
        private void matrixMarketHeader(byte[] b, int p, int le) {
            String text = new String(b, p, le - p, StandardCharsets.UTF_8).trim();
            String expected = "'%%MatrixMarket matrix coordinate real general' (or integer instead of real)";
            String[] t = text.split("[ \t\r\u000B\f]+");
            if (!t[0].equalsIgnoreCase("%%MatrixMarket")) {
                throw new InputException(source, line, "missing MatrixMarket header: the first line must be "
                        + expected + ", found '" + show(b, p, le) + "'");
            }
            if (t.length != 5) {
                throw new InputException(source, line, "invalid MatrixMarket header '" + show(b, p, le)
                        + "': expected " + expected);
            }
            String object = t[1].toLowerCase(Locale.ROOT);
            String layout = t[2].toLowerCase(Locale.ROOT);
            String field = t[3].toLowerCase(Locale.ROOT);
            String symmetry = t[4].toLowerCase(Locale.ROOT);
            if (!object.equals("matrix")) {
                throw new InputException(source, line, "MatrixMarket object '" + t[1]
                        + "' is not supported: ratings are a 'matrix'");
            }
            if (layout.equals("array")) {
                throw new InputException(source, line, "MatrixMarket 'array' (dense) format is not supported:"
                        + " ratings must be in 'coordinate' format");
            }
            if (!layout.equals("coordinate")) {
                throw new InputException(source, line, "invalid MatrixMarket format '" + t[2]
                        + "': expected 'coordinate'");
            }
            if (field.equals("pattern")) {
                throw new InputException(source, line, "MatrixMarket 'pattern' matrices have no values, so they hold"
                        + " no ratings: expected 'real' or 'integer'");
            }
            if (field.equals("complex")) {
                throw new InputException(source, line, "MatrixMarket 'complex' values are not ratings:"
                        + " expected 'real' or 'integer'");
            }
            if (!field.equals("real") && !field.equals("integer")) {
                throw new InputException(source, line, "invalid MatrixMarket field '" + t[3]
                        + "': expected 'real' or 'integer'");
            }
            if (symmetry.equals("symmetric") || symmetry.equals("skew-symmetric") || symmetry.equals("hermitian")) {
                throw new InputException(source, line, "MatrixMarket '" + t[4] + "' matrices store only half of"
                        + " their entries, which is not a list of ratings: expected 'general'");
            }
            if (!symmetry.equals("general")) {
                throw new InputException(source, line, "invalid MatrixMarket symmetry '" + t[4]
                        + "': expected 'general'");
            }
            mmInteger = field.equals("integer");
        }

        private void matrixMarketSize(byte[] b, int p, int le, int n) {
            long rows = n == 3 ? parseInteger(b, fs[0], fe[0]) : -1;
            long cols = n == 3 ? parseInteger(b, fs[1], fe[1]) : -1;
            long entries = n == 3 ? parseInteger(b, fs[2], fe[2]) : -1;
            if (rows < 0 || cols < 0 || entries < 0) { // Long.MIN_VALUE marks a non-integer too
                throw new InputException(source, line, "invalid size line '" + show(b, p, le)
                        + "': expected 'rows columns entries', three non-negative integers");
            }
            mmRows = rows;
            mmCols = cols;
            mmDeclared = entries;
            mmSizeLine = line;
            long cells = mmRows == 0 || mmCols == 0 ? 0
                    : mmRows > Long.MAX_VALUE / mmCols ? Long.MAX_VALUE : mmRows * mmCols;
            if (mmDeclared > cells) {
                throw new InputException(source, line, "size line declares " + mmDeclared + " entries, more than the "
                        + cells + " cells of a " + mmRows + " x " + mmCols + " matrix");
            }
            if (mmDeclared > IntArrayBuilder.MAX_LENGTH) {
                throw new InputException(source, line, "size line declares " + mmDeclared
                        + " entries, more than the " + IntArrayBuilder.MAX_LENGTH + " a Java array can hold");
            }
        }

        private long matrixMarketIndex(byte[] b, int s, int e, String what, long limit) {
            long v = parseInteger(b, s, e);
            if (v > 0 && v <= limit) {
                return v;
            }
            String tok = show(b, s, e);
            if (v == Long.MIN_VALUE && !overflowed) {
                throw new InputException(source, line, "invalid " + what + " index '" + tok + "': not an integer");
            }
            if (v == 0) {
                throw new InputException(source, line, what + " index " + tok
                        + " is out of range: MatrixMarket indices are 1-based");
            }
            if (b[s] == '-') {
                throw new InputException(source, line, what + " index " + tok + " is out of range: indices must be >= 1");
            }
            throw new InputException(source, line, what + " index " + tok + " exceeds the " + limit + " "
                    + what + "s declared on line " + mmSizeLine);
        }

        // ---- shared ----

        /** The rating field as a float; {@code mm} only words the message. */
        private float rating(byte[] b, int s, int e, boolean mm) {
            double d = DecimalParser.parse(b, s, e);
            float f = (float) d;
            if (Float.isFinite(f)) {
                return f;
            }
            String what = mm ? "value" : "rating";
            String tok = show(b, s, e);
            if (s == e) {
                throw new InputException(source, line, "empty " + what);
            }
            if (!Double.isNaN(d)) { // infinite, or finite beyond the float range
                throw new InputException(source, line, what + " '" + tok + "' is not finite (outside the float range)");
            }
            if (isNonFiniteWord(b, s, e)) {
                throw new InputException(source, line, what + " '" + tok + "' is not finite (NaN or infinity)");
            }
            throw new InputException(source, line, "invalid " + what + " '" + tok + "': not a number");
        }

        private void add(int u, int i, float v) {
            if (u < 0 || i < 0) {
                skipped++;
                return;
            }
            if (users.size() >= IntArrayBuilder.MAX_LENGTH) {
                throw new InputException(source, line, "more than " + IntArrayBuilder.MAX_LENGTH
                        + " ratings do not fit in Java arrays");
            }
            if (line > Integer.MAX_VALUE) {
                throw new InputException(source, line, "more than " + Integer.MAX_VALUE
                        + " lines are not supported; split the file");
            }
            users.add(u);
            items.add(i);
            valueBits.add(Float.floatToRawIntBits(v));
            lines.add((int) line);
        }

        private void checkEnd() {
            if (format == RatingsFormat.MATRIX_MARKET && mmStage == 1) {
                throw new InputException(source, 0, "missing size line 'rows columns entries': the file ends after"
                        + " line " + line);
            }
            if (format == RatingsFormat.MATRIX_MARKET && mmStage == 2 && mmEntries < mmDeclared) {
                throw new InputException(source, 0, "unexpected end of file after line " + line + ": "
                        + mmEntries + " of the " + mmDeclared + " entries declared on line " + mmSizeLine
                        + " (truncated file?)");
            }
            if (users.size() == 0) {
                String why;
                if (skipped > 0) {
                    why = ": all " + skipped + " were skipped because their user or item is not in the given id maps";
                } else if (headerSkipped) {
                    why = ": only a header line";
                } else if (format == null || format == RatingsFormat.MATRIX_MARKET && mmStage == 0) {
                    why = ": the input is empty or has only blank and comment lines";
                } else {
                    why = "";
                }
                throw new InputException(source, 0, "no ratings in file" + why);
            }
        }

        /** A repeated (user, item) pair is an error naming both lines ({@link RepeatedKeys}). */
        private void checkDuplicates(int[] u, int[] it) {
            int[] repeat = RepeatedKeys.firstRepeat(u.length, k -> ((long) u[k] << 32) | (it[k] & 0xFFFFFFFFL));
            if (repeat != null) {
                int k = repeat[0];
                throw new InputException(source, lines.get(k), "duplicate rating for user '"
                        + userColumn.map.id(u[k]) + "' and item '" + itemColumn.map.id(it[k])
                        + "': already rated on line " + lines.get(repeat[1]));
            }
        }

        private InputException fieldCountError(byte[] b, int p, int le, int n) {
            String sep = format == RatingsFormat.CSV ? "," : format == RatingsFormat.MOVIELENS ? "::" : " ";
            return new InputException(source, line, "expected 3 or 4 fields (user" + sep + "item" + sep + "rating["
                    + sep + "timestamp]) in " + format.cliName() + " format, but found " + n + ": '"
                    + show(b, p, le) + "'");
        }

        /**
         * An integer {@code [+-]digits}, or {@code Long.MIN_VALUE} if the bytes are not one or do not
         * fit in a long ({@link #overflowed} tells which).
         */
        private long parseInteger(byte[] b, int s, int e) {
            overflowed = false;
            int p = s;
            boolean neg = false;
            if (p < e && (b[p] == '-' || b[p] == '+')) {
                neg = b[p] == '-';
                p++;
            }
            if (p == e) {
                return Long.MIN_VALUE;
            }
            long v = 0;
            for (; p < e; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    overflowed = false;
                    return Long.MIN_VALUE;
                }
                if (v > (Long.MAX_VALUE - d) / 10) {
                    overflowed = true; // keep scanning: a later non-digit makes it "not an integer" instead
                } else if (!overflowed) {
                    v = v * 10 + d;
                }
            }
            return overflowed ? Long.MIN_VALUE : neg ? -v : v;
        }

        private static int skipSpace(byte[] b, int p, int le) {
            while (p < le && SPACE[b[p] & 0xFF]) {
                p++;
            }
            return p;
        }

        private static boolean isNonFiniteWord(byte[] b, int s, int e) {
            String w = new String(b, s, e - s, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (w.startsWith("+") || w.startsWith("-")) {
                w = w.substring(1);
            }
            return w.equals("nan") || w.equals("inf") || w.equals("infinity");
        }

        private static String show(byte[] b, int s, int e) {
            return LibSvmParser.show(b, s, e);
        }

        /**
         * One id column (users or items): looks tokens up in its map, remembering the last token so
         * that a run of lines with the same id costs a byte comparison instead of a String and a
         * hash lookup. The memo stays valid because maps only grow, and in SKIP/REJECT mode do not
         * change at all during a read.
         */
        private final class IdColumn {
            final String what;
            final IdMap map;
            private byte[] last = new byte[32];
            private int lastLength = -1;
            private long lastRaw = -1;
            private int lastIndex;

            IdColumn(String what, IdMap map) {
                this.what = what;
                this.map = map;
            }

            /** The index of the (already checked) token {@code b[s, e)}, or -1 if unknown and skipped. */
            int resolve(byte[] b, int s, int e) {
                int len = e - s;
                if (len == lastLength && Arrays.equals(b, s, e, last, 0, len)) {
                    return lastIndex;
                }
                boolean ascii = true;
                for (int k = s; k < e; k++) {
                    if (b[k] < 0) {
                        ascii = false;
                        break;
                    }
                }
                String id;
                if (ascii) {
                    id = new String(b, s, len, StandardCharsets.ISO_8859_1); // a plain copy for ASCII
                } else {
                    id = new String(b, s, len, StandardCharsets.UTF_8);
                    // The decoder replaces broken bytes with U+FFFD; two broken ids must not merge into one.
                    byte[] again = id.getBytes(StandardCharsets.UTF_8);
                    if (!Arrays.equals(again, 0, again.length, b, s, e)) {
                        throw new InputException(source, line, what + " id '" + show(b, s, e) + "' is not valid UTF-8");
                    }
                    String problem = IdMap.problem(id);
                    if (problem != null) {
                        throw new InputException(source, line, what + " " + problem);
                    }
                }
                int index = lookUp(id);
                if (last.length < len) {
                    last = new byte[Math.max(len, 2 * last.length)];
                }
                System.arraycopy(b, s, last, 0, len);
                lastLength = len;
                lastRaw = -1;
                lastIndex = index;
                return index;
            }

            /** The index of the MatrixMarket row or column {@code raw}, whose id is its decimal string. */
            int resolve(long raw) {
                if (raw == lastRaw) {
                    return lastIndex;
                }
                int index = lookUp(Long.toString(raw));
                lastRaw = raw;
                lastLength = -1;
                lastIndex = index;
                return index;
            }

            private int lookUp(String id) {
                if (mode == UnknownIds.ADD) {
                    return map.internValid(id);
                }
                int index = map.indexOf(id);
                if (index < 0 && mode == UnknownIds.REJECT) {
                    byte[] raw = id.getBytes(StandardCharsets.UTF_8);
                    throw new InputException(source, line, "unknown " + what + " id '" + show(raw, 0, raw.length)
                            + "': not in the given " + what + " id map (unknownIds = REJECT)");
                }
                return index;
            }
        }
    }
}
