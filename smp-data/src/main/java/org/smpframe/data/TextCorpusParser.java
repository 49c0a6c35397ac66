package org.smpframe.data;

import java.util.Arrays;

/**
 * Plain UTF-8 text, one document per line, into a {@link Corpus}: every line is a document, an empty one
 * included, so that document {@code d} is line {@code d + 1}. Tokens come from {@link TextTokenizer}; the
 * words occurring fewer than {@code minCount} times in the whole corpus are then removed from every
 * document, and the remaining words numbered in order of first appearance. A UTF-8 byte order mark is
 * skipped; a CR before the line end is a separator like any other.
 */
final class TextCorpusParser extends CorpusInput.LineParser {

    private final CorpusReader.TextOptions options;
    private final TextTokenizer tokenizer;
    private final TextTokenizer.Sink sink = this::token;
    private final WordTable vocabulary = new WordTable();
    private IntArrayBuilder tokens = new IntArrayBuilder(1 << 12);
    private IntArrayBuilder docEnds = new IntArrayBuilder(1 << 10);
    private int[] counts = new int[1 << 10];

    TextCorpusParser(String source, CorpusReader.TextOptions options) {
        super(source);
        this.options = options;
        this.tokenizer = new TextTokenizer(options.lowercase(), options.minLength(), options.keepNumbers(),
                options.stopWords());
    }

    @Override
    String tooLongHint() {
        return "each line is one document: raise maxLineLength for longer documents";
    }

    @Override
    void parseLine(byte[] b, int s, int e) {
        line++;
        if (docEnds.size() >= IntArrayBuilder.MAX_LENGTH - 1) {
            throw new InputException(source, line, "more than " + (IntArrayBuilder.MAX_LENGTH - 1)
                    + " documents do not fit in Java arrays");
        }
        int p = line == 1 ? CorpusInput.skipBom(b, s, e) : s;
        int bad = tokenizer.tokenize(b, p, e, sink);
        if (bad >= 0) {
            throw new InputException(source, line, Utf8.problem(b, s, bad));
        }
        docEnds.add(tokens.size());
    }

    private void token(char[] c, int len) {
        int id = vocabulary.intern(c, len);
        if (id == counts.length) {
            counts = Arrays.copyOf(counts, (int) Math.min(IntArrayBuilder.MAX_LENGTH, 2L * counts.length));
        }
        counts[id]++;
        tokens.add(id); // throws IllegalStateException past the array limit, reported with the line
    }

    @Override
    void end() {
        if (docEnds.size() == 0) {
            throw new InputException(source, 0, "no documents: the file is empty");
        }
        if (tokens.size() == 0) {
            throw new InputException(source, 0, noTokens());
        }
    }

    private String noTokens() {
        long raw = tokenizer.rawTokens;
        if (raw == 0) {
            return "no tokens: no line has a word (a run of letters or digits)";
        }
        return "no tokens: all " + raw + " words were removed by the filters"
                + " (minLength " + options.minLength() + (options.keepNumbers() ? "" : ", numbers dropped") + ", "
                + options.stopWords().size() + " stop words)";
    }

    /** The corpus, after removing the words rarer than {@code minCount}. */
    Corpus build() {
        int v = vocabulary.size();
        int[] newId = new int[v];
        int kept = 0;
        for (int w = 0; w < v; w++) { // ids are in order of first appearance, so the kept ones stay in that order
            newId[w] = counts[w] >= options.minCount() ? kept++ : -1;
        }
        if (kept == 0) {
            throw new InputException(source, 0, "no tokens: all " + v + " distinct words occur fewer than minCount = "
                    + options.minCount() + " times");
        }
        IdMap words = IdMap.create();
        for (int w = 0; w < v; w++) {
            if (newId[w] >= 0) {
                words.intern(vocabulary.word(w));
            }
        }
        int d = docEnds.size();
        int[] docPtr = CorpusInput.allocate(source, d + 1L, "document boundaries");
        long total = 0;
        for (int w = 0; w < v; w++) {
            if (newId[w] >= 0) {
                total += counts[w];
            }
        }
        int[] out = CorpusInput.allocate(source, total, "tokens");
        int at = 0;
        int k = 0;
        for (int doc = 0; doc < d; doc++) {
            int end = docEnds.get(doc);
            for (; k < end; k++) {
                int w = newId[tokens.get(k)];
                if (w >= 0) {
                    out[at++] = w;
                }
            }
            docPtr[doc + 1] = at;
        }
        tokens = null;
        docEnds = null;
        return Corpus.of(source, docPtr, out, words);
    }
}
