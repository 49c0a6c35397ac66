package org.smpframe.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The corpus layouts {@link CorpusReader} understands. */
public enum CorpusFormat {

    /**
     * UCI bag-of-words: {@code docword.*.txt} (header lines D, W, NNZ, then {@code docID wordID count} with
     * 1-based ids) and {@code vocab.*.txt} (line k names word k).
     */
    UCI("uci"),

    /** LDA-C: one document per line, {@code N id:count ...} with 0-based word ids; optional vocabulary file. */
    LDA_C("ldac"),

    /** Plain UTF-8 text, one document per line, tokenized by the reader. */
    TEXT("text");

    private final String cliName;

    CorpusFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name a command line uses: {@code uci}, {@code ldac} or {@code text}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The format with the given {@link #cliName()}, ignoring case, for a command-line option.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static CorpusFormat parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (CorpusFormat f : values()) {
                if (f.cliName.equals(n)) {
                    return f;
                }
            }
        }
        StringBuilder choices = new StringBuilder();
        for (CorpusFormat f : values()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(f.cliName);
        }
        throw new IllegalArgumentException("unknown corpus format '" + name + "'; expected one of: " + choices);
    }

    // ---- detection ----

    /** Shapes of a line, as far as detection cares. */
    private static final int EOF = 0;
    private static final int BLANK = 1;
    /** A single positive integer: a UCI header line (and also a valid LDA-C line). */
    private static final int POSITIVE_INTEGER = 2;
    /** {@code N id:count ...}, N possibly 0. */
    private static final int LDA_C_LINE = 3;
    private static final int OTHER = 4;

    /**
     * Guesses the format of the plain (decompressed) stream {@code in} from its first non-blank lines: a
     * single positive integer on each of the first three means {@link #UCI}; a first line of the form
     * {@code ^\d+([ \t]+\d+:\d+)*\s*$} means {@link #LDA_C}; anything else {@link #TEXT}. Leading spaces
     * and a UTF-8 byte order mark are ignored. Reads only as far as it must, byte by byte, holding no line.
     *
     * @throws InputException if there is no non-blank line
     * @throws IOException    if reading fails
     */
    static CorpusFormat detect(InputStream in, String source) throws IOException {
        int first = nextNonBlank(in, true);
        if (first == EOF) {
            throw new InputException(source, 0, "cannot detect the corpus format: the file is empty or blank");
        }
        if (first == POSITIVE_INTEGER && nextNonBlank(in, false) == POSITIVE_INTEGER
                && nextNonBlank(in, false) == POSITIVE_INTEGER) {
            return UCI;
        }
        if (first == POSITIVE_INTEGER || first == LDA_C_LINE) {
            return LDA_C;
        }
        return TEXT;
    }

    private static int nextNonBlank(InputStream in, boolean atStart) throws IOException {
        int shape = lineShape(in, atStart);
        while (shape == BLANK) {
            shape = lineShape(in, false);
        }
        return shape;
    }

    /**
     * Reads one line and says what it looks like. Stops reading at the first byte that makes the line
     * {@link #OTHER}, so it may leave the rest of that line unread: callers never read on after OTHER.
     */
    private static int lineShape(InputStream in, boolean atStart) throws IOException {
        // States: 0 leading space, 1 in N, 2 space after a number, 3 in an id, 4 after ':', 5 in a count.
        int state = 0;
        boolean pairs = false;
        boolean positive = false;
        int c = in.read();
        if (c < 0) {
            return EOF;
        }
        if (atStart && c == 0xEF) { // a UTF-8 byte order mark, or text
            if (in.read() != 0xBB || in.read() != 0xBF) {
                return OTHER;
            }
            c = in.read();
        }
        for (; c >= 0 && c != '\n'; c = in.read()) {
            boolean space = c < 256 && CorpusInput.SPACE[c];
            boolean digit = c >= '0' && c <= '9';
            switch (state) {
                case 0:
                    if (digit) {
                        state = 1;
                        positive = c != '0';
                    } else if (!space) {
                        return OTHER;
                    }
                    break;
                case 1:
                    if (digit) {
                        positive |= c != '0';
                    } else if (space) {
                        state = 2;
                    } else {
                        return OTHER;
                    }
                    break;
                case 2:
                    if (digit) {
                        state = 3;
                        pairs = true;
                    } else if (!space) {
                        return OTHER;
                    }
                    break;
                case 3:
                    if (c == ':') {
                        state = 4;
                    } else if (!digit) {
                        return OTHER;
                    }
                    break;
                case 4:
                    if (digit) {
                        state = 5;
                    } else {
                        return OTHER;
                    }
                    break;
                default:
                    if (space) {
                        state = 2;
                    } else if (!digit) {
                        return OTHER;
                    }
            }
        }
        if (state == 0) {
            return BLANK; // spaces only; if the input ends here, the next call says EOF
        }
        if (state == 3 || state == 4) {
            return OTHER;
        }
        if (pairs) {
            return LDA_C_LINE;
        }
        return positive ? POSITIVE_INTEGER : LDA_C_LINE;
    }
}
