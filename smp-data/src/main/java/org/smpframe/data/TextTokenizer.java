package org.smpframe.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts UTF-8 text into the words of a bag-of-words corpus, working on the bytes of a line and a reused
 * char buffer, so that a token costs no allocation unless it has non-ASCII letters and is lower-cased.
 *
 * <p>A token is a maximal run of Unicode letters and digits ({@link Character#isLetterOrDigit(int)}), which
 * may also contain combining marks after its first character (so "café" written with a combining acute
 * accent stays one word) and single apostrophes ({@code '} or {@code ’}, the latter stored as {@code '})
 * between two such characters: "don't" and "o'clock" are one token each, while quotes around a word
 * ("'tis'", "dogs'") are not part of it. Everything else separates tokens: spaces, punctuation, hyphens
 * ("state-of-the-art" is four tokens), underscores, symbols. Scripts written without spaces (Chinese,
 * Japanese) therefore give one token per run of characters; segmenting them is beyond this tokenizer.
 *
 * <p>Then, in order: the token is lower-cased with {@link Locale#ROOT} if asked ("Straße" becomes "straße",
 * "ÉCOLE" becomes "école"); dropped if it has fewer than {@code minLength} code points (the apostrophe
 * counts); dropped if it is made only of digits (and apostrophes) unless numbers are kept ("1990", but not
 * "b52" or "3d"); dropped if its lower-cased form is a stop word (stop words match regardless of case and
 * of the apostrophe's form).
 */
final class TextTokenizer {

    /** Receives each token that survives the filters: {@code c[0, len)}, valid until the next token. */
    @FunctionalInterface
    interface Sink {
        void token(char[] c, int len);
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[c - 'a' + 'A'] = true;
        }
    }

    private final boolean lowercase;
    private final int minLength;
    private final boolean keepNumbers;
    /** Lower-cased stop words, or null if there are none. */
    private final WordTable stopWords;

    private char[] tok = new char[64];
    private int len;
    private boolean ascii = true;
    private boolean digitsOnly = true;
    private int codePoints;
    /** For the stop-word check of a token that is not lower-cased itself. */
    private char[] lower = new char[64];
    /** Tokens found before any filter, for the message when none survives. */
    long rawTokens;

    TextTokenizer(boolean lowercase, int minLength, boolean keepNumbers, Set<String> stopWords) {
        this.lowercase = lowercase;
        this.minLength = minLength;
        this.keepNumbers = keepNumbers;
        WordTable table = new WordTable();
        for (String w : stopWords) {
            table.intern(normalizeStopWord(w));
        }
        this.stopWords = table.size() == 0 ? null : table;
    }

    /** A stop word as the tokenizer's stop-word check sees it: lower-cased, with {@code '} for {@code ’}. */
    static String normalizeStopWord(String w) {
        return w.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /**
     * Feeds the tokens of the UTF-8 bytes {@code b[s, e)} to {@code sink}.
     *
     * @return -1, or the index of the first byte that does not start a well-formed UTF-8 sequence (the
     *         tokens before it have been fed)
     */
    int tokenize(byte[] b, int s, int e, Sink sink) {
        boolean pendingApostrophe = false;
        int p = s;
        while (p < e) {
            int c = b[p];
            int cp;
            if (c >= 0) {
                p++;
                cp = c;
                if (ASCII_WORD[c]) {
                    if (pendingApostrophe) {
                        appendAscii('\'');
                        pendingApostrophe = false;
                    }
                    appendAscii(c);
                    continue;
                }
            } else {
                int n = Utf8.sequenceLength(b, p, e);
                if (n == 0) {
                    return p;
                }
                cp = Utf8.codePoint(b, p, n);
                p += n;
                if (Character.isLetterOrDigit(cp)) {
                    if (pendingApostrophe) {
                        appendAscii('\'');
                        pendingApostrophe = false;
                    }
                    append(cp);
                    continue;
                }
                if (len > 0 && !pendingApostrophe && isMark(cp)) {
                    append(cp);
                    continue;
                }
            }
            if (len > 0 && !pendingApostrophe && (cp == '\'' || cp == '\u2019')) {
                pendingApostrophe = true; // kept only if a letter or digit follows
                continue;
            }
            if (len > 0) {
                emit(sink);
            }
            pendingApostrophe = false;
        }
        if (len > 0) {
            emit(sink);
        }
        return -1;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private void appendAscii(int c) {
        if (len == tok.length) {
            tok = Arrays.copyOf(tok, 2 * len);
        }
        tok[len++] = (char) c;
        digitsOnly &= (c >= '0' && c <= '9') || c == '\'';
        codePoints++;
    }

    private void append(int cp) {
        if (len + 2 > tok.length) {
            tok = Arrays.copyOf(tok, 2 * tok.length);
        }
        len += Character.toChars(cp, tok, len);
        ascii = false;
        digitsOnly &= Character.isDigit(cp);
        codePoints++;
    }

    private void emit(Sink sink) {
        rawTokens++;
        int n = len;
        int cps = codePoints;
        boolean isAscii = ascii;
        boolean number = digitsOnly;
        len = 0;
        codePoints = 0;
        ascii = true;
        digitsOnly = true;
        if (lowercase) {
            if (isAscii) {
                for (int i = 0; i < n; i++) {
                    char c = tok[i];
                    if (c >= 'A' && c <= 'Z') {
                        tok[i] = (char) (c + ('a' - 'A'));
                    }
                }
            } else {
                String low = new String(tok, 0, n).toLowerCase(Locale.ROOT);
                n = low.length();
                if (n > tok.length) {
                    tok = Arrays.copyOf(tok, Math.max(n, 2 * tok.length));
                }
                low.getChars(0, n, tok, 0);
                cps = low.codePointCount(0, n);
            }
        }
        if (cps < minLength || number && !keepNumbers) {
            return;
        }
        if (stopWords != null && isStopWord(n, isAscii)) {
            return;
        }
        sink.token(tok, n);
    }

    private boolean isStopWord(int n, boolean isAscii) {
        if (lowercase) {
            return stopWords.find(tok, n) >= 0;
        }
        int m = n;
        if (isAscii) {
            if (lower.length < n) {
                lower = Arrays.copyOf(lower, Math.max(n, 2 * lower.length));
            }
            for (int i = 0; i < n; i++) {
                char c = tok[i];
                lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            }
        } else {
            String low = new String(tok, 0, n).toLowerCase(Locale.ROOT);
            m = low.length();
            if (lower.length < m) {
                lower = Arrays.copyOf(lower, Math.max(m, 2 * lower.length));
            }
            low.getChars(0, m, lower, 0);
        }
        return stopWords.find(lower, m) >= 0;
    }
}
