package org.smpframe.data;

/**
 * A topic-model vocabulary file ({@code vocab.*.txt}): UTF-8, one word per line, line {@code k} naming word
 * {@code k-1} (0-based, as {@link Corpus} numbers words). A UTF-8 byte order mark and CRLF line ends are
 * accepted, and so are blank lines at the very end of the file; any other blank line would shift every
 * later word's id, so it is an error, and so are words with whitespace (see {@link IdMap}), bytes that are
 * not UTF-8, and a word given twice (naming the line of its first occurrence).
 */
final class VocabularyParser extends CorpusInput.LineParser {

    private final long expected;
    private final String declaredBy;
    private final IdMap words = IdMap.create();
    /** The first blank line not yet followed by a word (0: none): only trailing blank lines are allowed. */
    private long pendingBlank;

    /**
     * @param expected   the number of words the data declares, or -1 for any (at least one)
     * @param declaredBy where {@code expected} comes from, for messages ("line 2 of docword.kos.txt")
     */
    VocabularyParser(String source, long expected, String declaredBy) {
        super(source);
        this.expected = expected;
        this.declaredBy = declaredBy;
    }

    @Override
    String tooLongHint() {
        return "is this really a vocabulary file (one word per line)?";
    }

    @Override
    void parseLine(byte[] b, int s, int e) {
        line++;
        int p = line == 1 ? CorpusInput.skipBom(b, s, e) : s;
        int end = e > p && b[e - 1] == '\r' ? e - 1 : e;
        if (CorpusInput.skipSpace(b, p, end) == end) {
            if (pendingBlank == 0) {
                pendingBlank = line;
            }
            return;
        }
        if (pendingBlank > 0) {
            throw new InputException(source, pendingBlank, "blank line: every line must hold one word (line k is"
                    + " word k), so a blank line would shift the ids of all later words");
        }
        if (expected >= 0 && words.size() == expected) {
            throw new InputException(source, line, "more words than the " + expected + " declared on " + declaredBy);
        }
        int bad = Utf8.invalidAt(b, p, end);
        if (bad >= 0) {
            throw new InputException(source, line, Utf8.problem(b, s, bad));
        }
        String word = Utf8.decode(b, p, end);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (IdMap.isWhitespace(c)) {
                throw new InputException(source, line, "word '" + CorpusInput.show(b, p, end)
                        + "' contains whitespace (" + String.format("U+%04X", (int) c) + ") at position " + (i + 1)
                        + ": a vocabulary holds one word per line");
            }
        }
        int before = words.size();
        int at = words.internValid(word);
        if (at < before) {
            throw new InputException(source, line, "duplicate word '" + CorpusInput.show(b, p, end)
                    + "': already on line " + (at + 1));
        }
    }

    @Override
    void end() {
        if (expected >= 0 && words.size() < expected) {
            throw new InputException(source, 0, "only " + words.size() + " words, but " + declaredBy + " declares "
                    + expected + " (one word per line)");
        }
        if (words.size() == 0) {
            throw new InputException(source, 0, "empty vocabulary file: expected one word per line");
        }
    }

    /** The words read, word id {@code k} from line {@code k+1}. */
    IdMap words() {
        return words;
    }
}
