package org.smpframe.data;

import java.util.Arrays;

/**
 * The LDA-C format of Blei's lda-c (and of the AP sample corpus): one document per line,
 * {@code N id:count id:count ...} with N the number of pairs, 0-based word ids and positive counts. Fields
 * are separated by runs of spaces or tabs, and CRLF line ends are accepted. {@code 0} alone is an empty
 * document. Since the line number is the document number, a blank line is an error, except blank lines at
 * the very end of the file; the last line may lack its line end.
 *
 * <p>Pairs are kept on primitive arrays and expanded into tokens only by {@link #build}; a word id given
 * twice in one line is found with a per-word stamp of the last document it occurred in. Nothing is
 * allocated per line.
 */
final class LdaCParser extends CorpusInput.LineParser {

    /**
     * Without a vocabulary file the vocabulary is ids 0 .. max id, one String each; past this many, a word id
     * is far more likely a corrupt number than a real word, and the vocabulary would fill the memory.
     */
    static final int MAX_IDS_WITHOUT_VOCABULARY = 1 << 22;

    /** The vocabulary's size, or -1 if there is none and any id up to the limit goes. */
    private final int vocabularySize;
    private final String vocabularyName;
    private IntArrayBuilder pairWords = new IntArrayBuilder(1 << 10);
    private IntArrayBuilder pairCounts = new IntArrayBuilder(1 << 10);
    /** End (exclusive) of each document's pairs in pairWords/pairCounts. */
    private IntArrayBuilder docEnds = new IntArrayBuilder(1 << 10);
    private long tokens;
    private int maxId = -1;
    /** Per word id: 1 + the last document it occurred in, and its pair number (1-based) there. */
    private int[] stampDoc;
    private int[] stampPair;
    private long pendingBlank;

    /**
     * @param vocabularySize the number of words of the vocabulary file, or -1 without one
     * @param vocabularyName the vocabulary file's name, for messages (ignored without one)
     */
    LdaCParser(String source, int vocabularySize, String vocabularyName) {
        super(source);
        this.vocabularySize = vocabularySize;
        this.vocabularyName = vocabularyName;
        int stamps = vocabularySize >= 0 ? vocabularySize : 1 << 10;
        stampDoc = new int[stamps];
        stampPair = new int[stamps];
    }

    @Override
    String tooLongHint() {
        return "is this really an LDA-C file?";
    }

    /** The largest word id read, -1 if none. */
    int maxId() {
        return maxId;
    }

    @Override
    void parseLine(byte[] b, int s, int e) {
        line++;
        int p = CorpusInput.skipSpace(b, line == 1 ? CorpusInput.skipBom(b, s, e) : s, e);
        int end = CorpusInput.trimEnd(b, p, e);
        if (p == end) {
            if (pendingBlank == 0) {
                pendingBlank = line;
            }
            return;
        }
        if (pendingBlank > 0) {
            throw new InputException(source, pendingBlank, "blank line: every line is a document (write '0' for"
                    + " an empty one), so a blank line would shift the numbers of all later documents");
        }
        int doc = docEnds.size();
        if (doc >= IntArrayBuilder.MAX_LENGTH - 1) {
            throw new InputException(source, line, "more than " + (IntArrayBuilder.MAX_LENGTH - 1)
                    + " documents do not fit in Java arrays");
        }
        int t = CorpusInput.tokenEnd(b, p, end);
        long declared = CorpusInput.parseCount(b, p, t);
        if (declared < 0) {
            if (declared == CorpusInput.NOT_INTEGER && hasColon(b, p, t)) {
                throw new InputException(source, line, "missing pair count: an LDA-C line starts with N, the number"
                        + " of id:count pairs, but found '" + CorpusInput.show(b, p, t) + "'");
            }
            throw new InputException(source, line, CorpusInput.countProblem(declared, "pair count N", b, p, t));
        }
        int pairs = 0;
        p = CorpusInput.skipSpace(b, t, end);
        while (p < end) {
            t = CorpusInput.tokenEnd(b, p, end);
            pairs++;
            pair(b, p, t, doc, pairs);
            p = CorpusInput.skipSpace(b, t, end);
        }
        if (pairs != declared) {
            throw new InputException(source, line, "the line starts with N = " + declared + " but has " + pairs
                    + " id:count pair" + (pairs == 1 ? "" : "s"));
        }
        docEnds.add(pairWords.size());
    }

    private static boolean hasColon(byte[] b, int s, int e) {
        for (int k = s; k < e; k++) {
            if (b[k] == ':') {
                return true;
            }
        }
        return false;
    }

    /** The pair {@code b[s, e)}, number {@code pair} (1-based) of document {@code doc} (0-based). */
    private void pair(byte[] b, int s, int e, int doc, int pair) {
        int colon = s;
        while (colon < e && b[colon] != ':') {
            colon++;
        }
        if (colon == e) {
            throw new InputException(source, line, "invalid pair '" + CorpusInput.show(b, s, e)
                    + "': expected id:count");
        }
        long id = CorpusInput.parseCount(b, s, colon);
        if (id < 0) {
            String why = CorpusInput.countProblem(id, "word id", b, s, colon);
            throw new InputException(source, line, why + " in pair '" + CorpusInput.show(b, s, e) + "'"
                    + (id == CorpusInput.NEGATIVE ? ": LDA-C word ids are 0-based" : ""));
        }
        long c = CorpusInput.parseCount(b, colon + 1, e);
        if (c <= 0) {
            String why = c == 0 ? "count 0 must be positive" : CorpusInput.countProblem(c, "count", b, colon + 1, e);
            throw new InputException(source, line, why + " in pair '" + CorpusInput.show(b, s, e) + "'");
        }
        int w = (int) id;
        if (vocabularySize >= 0 && w >= vocabularySize) {
            throw new InputException(source, line, "word id " + w + " is outside the vocabulary: " + vocabularyName
                    + " has " + vocabularySize + " words (ids 0.." + (vocabularySize - 1) + ")");
        }
        if (vocabularySize < 0 && w >= MAX_IDS_WITHOUT_VOCABULARY) {
            throw new InputException(source, line, "word id " + w + " is too large to read without a vocabulary"
                    + " file (the limit is " + (MAX_IDS_WITHOUT_VOCABULARY - 1) + "); give the vocabulary");
        }
        if (w >= stampDoc.length) {
            int size = (int) Math.min(MAX_IDS_WITHOUT_VOCABULARY, Math.max(w + 1L, 2L * stampDoc.length));
            stampDoc = Arrays.copyOf(stampDoc, size);
            stampPair = Arrays.copyOf(stampPair, size);
        }
        if (stampDoc[w] == doc + 1) {
            throw new InputException(source, line, "word id " + w + " appears twice in the document: pairs "
                    + stampPair[w] + " and " + pair);
        }
        stampDoc[w] = doc + 1;
        stampPair[w] = pair;
        tokens += c;
        if (tokens > IntArrayBuilder.MAX_LENGTH) {
            throw new InputException(source, line, "the counts add up to " + tokens + " tokens, more than the "
                    + IntArrayBuilder.MAX_LENGTH + " an int array can hold");
        }
        maxId = Math.max(maxId, w);
        pairWords.add(w);
        pairCounts.add((int) c);
    }

    @Override
    void end() {
        stampDoc = null;
        stampPair = null;
        if (docEnds.size() == 0) {
            throw new InputException(source, 0, "no documents: the file is empty or blank");
        }
        if (tokens == 0) {
            throw new InputException(source, 0, "no tokens: all " + docEnds.size() + " documents are empty");
        }
    }

    /** The corpus: one document per line, each pair expanded into {@code count} tokens of its word. */
    Corpus build(IdMap vocabulary) {
        int d = docEnds.size();
        int[] docPtr = CorpusInput.allocate(source, d + 1L, "document boundaries");
        int[] words = CorpusInput.allocate(source, tokens, "tokens");
        int at = 0;
        int k = 0;
        for (int doc = 0; doc < d; doc++) {
            int endPair = docEnds.get(doc);
            for (; k < endPair; k++) {
                int c = pairCounts.get(k);
                Arrays.fill(words, at, at + c, pairWords.get(k));
                at += c;
            }
            docPtr[doc + 1] = at;
        }
        pairWords = null;
        pairCounts = null;
        docEnds = null;
        return Corpus.of(source, docPtr, words, vocabulary);
    }
}
