package org.smpframe.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stop-word lists for the text reader: the built-in English list (the resource
 * {@code english-stop-words.txt} next to this class: common English function words, compiled for this
 * project) and user files in the same form: UTF-8 (plain, gzip or xz), one word per line, {@code #} starting
 * a comment that runs to the line end, blank lines ignored, words lower-cased with {@link java.util.Locale#ROOT}
 * and {@code ’} written as {@code '}, as {@link TextTokenizer} compares them.
 */
final class StopWords {

    static final String ENGLISH_RESOURCE = "english-stop-words.txt";
    private static final int MAX_LINE = 1 << 16;

    private StopWords() {
    }

    /** The built-in English list, loaded once. */
    static Set<String> english() {
        return English.WORDS;
    }

    private static final class English {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            try (InputStream in = StopWords.class.getResourceAsStream(ENGLISH_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + ENGLISH_RESOURCE + " is missing from the build");
                }
                return read(in, ENGLISH_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads a stop-word file. */
    static Set<String> read(Path file) {
        return DataFiles.read(file, "a stop-word file", in -> read(in, file.toString()));
    }

    /** Reads a stop-word stream to its end, leaving it open. */
    static Set<String> read(InputStream in, String source) {
        Parser p = new Parser(source);
        CorpusInput.parse(in, MAX_LINE, p);
        return Collections.unmodifiableSet(p.words);
    }

    private static final class Parser extends CorpusInput.LineParser {
        final Set<String> words = new LinkedHashSet<>();

        Parser(String source) {
            super(source);
        }

        @Override
        String tooLongHint() {
            return "is this really a stop-word file (one word per line)?";
        }

        @Override
        void parseLine(byte[] b, int s, int e) {
            line++;
            int p = line == 1 ? CorpusInput.skipBom(b, s, e) : s;
            int hash = p;
            while (hash < e && b[hash] != '#') {
                hash++;
            }
            p = CorpusInput.skipSpace(b, p, hash);
            int end = CorpusInput.trimEnd(b, p, hash);
            if (p == end) {
                return;
            }
            int bad = Utf8.invalidAt(b, p, end);
            if (bad >= 0) {
                throw new InputException(source, line, Utf8.problem(b, s, bad));
            }
            String word = Utf8.decode(b, p, end);
            for (int i = 0; i < word.length(); i++) {
                if (IdMap.isWhitespace(word.charAt(i))) {
                    throw new InputException(source, line, "'" + CorpusInput.show(b, p, end)
                            + "' is not one word: a stop-word file holds one word per line");
                }
            }
            words.add(TextTokenizer.normalizeStopWord(word));
        }

        @Override
        void end() {
            // An empty list is a valid choice: no stop words.
        }
    }
}
