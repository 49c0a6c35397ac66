package org.smpframe.data;

import java.util.Arrays;

/**
 * The UCI bag-of-words {@code docword.*.txt} format: three header lines D (documents), W (words) and NNZ
 * (entries), each a single positive integer, then NNZ lines {@code docID wordID count} with 1-based ids.
 * Fields are separated by runs of spaces or tabs; CRLF line ends and blank lines at the very end are
 * accepted, any other blank line is an error.
 *
 * <p>Entries are kept as three primitive columns and expanded into tokens only by {@link #build}, in one
 * allocation whose size the counts decide. In the usual file, sorted by document, a repeated (doc, word)
 * pair is found on its line with a per-word stamp of the last document it occurred in; once a document id
 * goes down, the stamps stop being valid and a sort of packed (doc, word) keys after the last line finds
 * repeats instead. Nothing is allocated per line.
 */
final class UciParser extends CorpusInput.LineParser {

    /** Header lines; the first entry is on line {@code HEADER_LINES + 1}. */
    private static final long HEADER_LINES = 3;
    private static final String[] HEADER_NAMES = {"D (the number of documents)", "W (the number of words)",
        "NNZ (the number of docID wordID count lines)"};

    private long numDocs;
    private long numWords;
    private long declared;
    private IntArrayBuilder docs = new IntArrayBuilder(1 << 10);
    private IntArrayBuilder wordIds = new IntArrayBuilder(1 << 10);
    private IntArrayBuilder counts = new IntArrayBuilder(1 << 10);
    private long tokens;
    private int lastDoc;
    private boolean sorted = true;
    /** Per word (0-based): the last document it occurred in while the entries were sorted, and the entry. */
    private int[] stampDoc = new int[0];
    private int[] stampEntry = new int[0];
    private long pendingBlank;
    /** Field bounds of the current line: one more than the three allowed, so "too many" is seen. */
    private final int[] fs = new int[4];
    private final int[] fe = new int[4];

    UciParser(String source) {
        super(source);
    }

    @Override
    String tooLongHint() {
        return "is this really a UCI docword file?";
    }

    /** W, for the vocabulary check; valid once the input ended without error. */
    long numWords() {
        return numWords;
    }

    @Override
    void parseLine(byte[] b, int s, int e) {
        line++;
        int p = CorpusInput.skipSpace(b, line == 1 ? CorpusInput.skipBom(b, s, e) : s, e);
        int end = CorpusInput.trimEnd(b, p, e);
        if (line <= HEADER_LINES) {
            header(b, p, end);
            return;
        }
        if (p == end) {
            if (pendingBlank == 0) {
                pendingBlank = line;
            }
            return;
        }
        if (pendingBlank > 0) {
            throw new InputException(source, pendingBlank, "blank line between entries: every line after the"
                    + " three header lines must be 'docID wordID count'");
        }
        entry(b, p, end);
    }

    private void header(byte[] b, int p, int end) {
        int k = (int) line - 1;
        long v = CorpusInput.tokenEnd(b, p, end) == end ? CorpusInput.parseCount(b, p, end) : CorpusInput.NOT_INTEGER;
        if (v == CorpusInput.TOO_LARGE) {
            throw new InputException(source, line, "UCI header line " + line + ": " + HEADER_NAMES[k] + " "
                    + CorpusInput.show(b, p, end) + " is too large (more than " + Integer.MAX_VALUE + ")");
        }
        if (v <= 0) {
            String found = p == end ? "an empty line" : "'" + CorpusInput.show(b, p, end) + "'";
            throw new InputException(source, line, "UCI header line " + line + " must hold " + HEADER_NAMES[k]
                    + " as a single positive integer, but found " + found);
        }
        if (k == 0) {
            if (v > IntArrayBuilder.MAX_LENGTH - 1) {
                throw new InputException(source, line, v + " documents do not fit in Java arrays");
            }
            numDocs = v;
        } else if (k == 1) {
            if (v > IntArrayBuilder.MAX_LENGTH) {
                throw new InputException(source, line, v + " words do not fit in Java arrays");
            }
            numWords = v;
        } else {
            if (v > numDocs * numWords) { // no overflow: both are below 2^31
                throw new InputException(source, line, "declares " + v + " entries, more than the " + numDocs * numWords
                        + " (document, word) pairs of " + numDocs + " documents and " + numWords + " words");
            }
            declared = v;
        }
    }

    private void entry(byte[] b, int p, int end) {
        int n = 0;
        while (p < end) {
            int t = CorpusInput.tokenEnd(b, p, end);
            if (n < fs.length) {
                fs[n] = p;
                fe[n] = t;
            }
            n++;
            p = CorpusInput.skipSpace(b, t, end);
        }
        int k = docs.size();
        if (k == declared) {
            throw new InputException(source, line, "more entries than the " + declared + " declared on line 3");
        }
        if (n != 3) {
            throw new InputException(source, line, "expected 3 fields 'docID wordID count' but found " + n + ": '"
                    + CorpusInput.show(b, fs[0], end) + "'");
        }
        int doc = id(b, fs[0], fe[0], "document id", numDocs, "documents declared on line 1");
        int word = id(b, fs[1], fe[1], "word id", numWords, "words declared on line 2");
        long c = CorpusInput.parseCount(b, fs[2], fe[2]);
        if (c < 0) {
            throw new InputException(source, line, CorpusInput.countProblem(c, "count", b, fs[2], fe[2]));
        }
        if (c == 0) {
            throw new InputException(source, line, "count 0 must be positive: an entry stands for at least one"
                    + " occurrence of its word");
        }
        tokens += c;
        if (tokens > IntArrayBuilder.MAX_LENGTH) {
            throw new InputException(source, line, "the counts add up to " + tokens + " tokens, more than the "
                    + IntArrayBuilder.MAX_LENGTH + " an int array can hold");
        }
        if (doc < lastDoc) {
            sorted = false; // the stamps only work document by document; checkDuplicates takes over
        }
        lastDoc = doc;
        if (sorted) {
            int w = word - 1;
            if (w >= stampDoc.length) {
                int size = (int) Math.min(numWords, Math.max(w + 1L, 2L * stampDoc.length));
                stampDoc = Arrays.copyOf(stampDoc, size);
                stampEntry = Arrays.copyOf(stampEntry, size);
            }
            if (stampDoc[w] == doc) {
                throw duplicate(doc, word, stampEntry[w]);
            }
            stampDoc[w] = doc;
            stampEntry[w] = k;
        }
        docs.add(doc);
        wordIds.add(word);
        counts.add((int) c);
    }

    /** A 1-based id in {@code 1..limit}. */
    private int id(byte[] b, int s, int e, String what, long limit, String declaredWhere) {
        long v = CorpusInput.parseCount(b, s, e);
        if (v > 0 && v <= limit) {
            return (int) v;
        }
        if (v < 0 && v != CorpusInput.TOO_LARGE) {
            throw new InputException(source, line, CorpusInput.countProblem(v, what, b, s, e)
                    + (v == CorpusInput.NEGATIVE ? ": UCI ids are 1-based" : ""));
        }
        if (v == 0) {
            throw new InputException(source, line, what + " 0 is out of range: UCI ids are 1-based");
        }
        throw new InputException(source, line, what + " " + CorpusInput.show(b, s, e) + " exceeds the " + limit
                + " " + declaredWhere);
    }

    private InputException duplicate(int doc, int word, int firstEntry) {
        return new InputException(source, line, "duplicate entry for document " + doc + " and word " + word
                + ": already on line " + (HEADER_LINES + 1 + firstEntry));
    }

    @Override
    void end() {
        if (line < HEADER_LINES) {
            throw new InputException(source, 0, line == 0 ? "empty file: a UCI docword file starts with three"
                    + " header lines D, W and NNZ" : "missing header line " + (line + 1) + ", " + HEADER_NAMES[(int) line]
                    + ": the file ends after line " + line);
        }
        if (docs.size() < declared) {
            throw new InputException(source, 0, "unexpected end of file after line " + line + ": " + docs.size()
                    + " of the " + declared + " entries declared on line 3 (truncated file?)");
        }
        stampDoc = null;
        stampEntry = null;
        if (!sorted) {
            checkDuplicates();
        }
    }

    /** Unsorted input only: a repeated (doc, word) pair is an error naming both lines ({@link RepeatedKeys}). */
    private void checkDuplicates() {
        int[] repeat = RepeatedKeys.firstRepeat(docs.size(), this::key);
        if (repeat != null) {
            int k = repeat[0];
            line = HEADER_LINES + 1 + k;
            throw duplicate(docs.get(k), wordIds.get(k), repeat[1]);
        }
    }

    private long key(int k) {
        return (long) docs.get(k) << 32 | wordIds.get(k);
    }

    /** The corpus: documents 1..D in order, each entry expanded into {@code count} tokens of its word. */
    Corpus build(IdMap vocabulary) {
        int d = (int) numDocs;
        int[] docPtr = CorpusInput.allocate(source, d + 1L, "document boundaries (D + 1)");
        int n = docs.size();
        for (int k = 0; k < n; k++) {
            docPtr[docs.get(k)] += counts.get(k);
        }
        for (int i = 0; i < d; i++) {
            docPtr[i + 1] += docPtr[i];
        }
        int[] words = CorpusInput.allocate(source, tokens, "tokens");
        if (sorted) { // entries come document by document: append
            int at = 0;
            for (int k = 0; k < n; k++) {
                int w = wordIds.get(k) - 1;
                int c = counts.get(k);
                Arrays.fill(words, at, at + c, w);
                at += c;
            }
        } else {
            int[] next = Arrays.copyOf(docPtr, d);
            for (int k = 0; k < n; k++) {
                int doc = docs.get(k) - 1;
                int c = counts.get(k);
                Arrays.fill(words, next[doc], next[doc] + c, wordIds.get(k) - 1);
                next[doc] += c;
            }
        }
        docs = null;
        wordIds = null;
        counts = null;
        return Corpus.of(source, docPtr, words, vocabulary);
    }
}
