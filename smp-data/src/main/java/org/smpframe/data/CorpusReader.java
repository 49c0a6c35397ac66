package org.smpframe.data;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads the corpora that topic models (LDA) consume into a {@link Corpus}: the UCI bag-of-words format,
 * Blei's LDA-C format, and plain text with one document per line ({@link CorpusFormat}).
 *
 * <p>gzip and xz input is decompressed transparently, recognized by its magic bytes, not its name; this
 * holds for vocabulary and stop-word files too. A UTF-8 byte order mark and CRLF line ends are accepted.
 *
 * <p>Every problem with the input is an {@link InputException} whose message starts with the file it is
 * in, followed by the 1-based physical line where a line is to blame ({@code FILE:LINE: reason}), as the
 * other readers of this package do: a missing file, bad numbers, ids out of range, a repeated word in a
 * document, a declared count that does not match, a truncated or corrupt compressed stream, bytes that are
 * not UTF-8, a line longer than the limit (found without buffering it whole), and a corpus without
 * documents or tokens. The readers fail on the first problem instead of skipping it: a silently dropped
 * document shifts every later document's number.
 *
 * <p>Bag-of-words formats give counts, not token order: a count {@code c} becomes {@code c} tokens of its
 * word, and the tokens of a document come in the order of its entries.
 */
public final class CorpusReader {

    /** Line limit of UCI docword and vocabulary files, whose lines are a few dozen bytes: 1 MiB. */
    public static final int UCI_MAX_LINE_LENGTH = 1 << 20;
    /** Line limit of LDA-C files, where one line is one document's pairs: 64 MiB. */
    public static final int LDA_C_MAX_LINE_LENGTH = 1 << 26;

    private CorpusReader() {
    }

    // ---- UCI ----

    /**
     * Reads a UCI bag-of-words corpus (as in the UCI Machine Learning Repository's "Bag of Words" data set):
     * {@code docword} holds three header lines D, W and NNZ (positive integers), then NNZ lines
     * {@code docID wordID count} with 1-based ids within D and W, each (doc, word) pair at most once, in any
     * order (usually sorted by document, which is the fast case); {@code vocab} holds exactly W lines, line
     * k naming word k. Documents are 1..D in order, those without entries empty; word id k of the file
     * becomes word k-1 of the corpus.
     *
     * @throws InputException naming the file (and line) for any problem with either file, including a
     *                        docword file with fewer or more entries than NNZ, a vocabulary with a line
     *                        count other than W, an empty, whitespace-containing or repeated word, and counts
     *                        that add up to more tokens than an int array holds
     */
    public static Corpus readUci(Path docword, Path vocab) {
        requireNonNull(docword, "docword");
        requireNonNull(vocab, "vocab");
        if (!Files.exists(vocab)) { // before a docword file of gigabytes is parsed in vain
            throw new InputException(vocab.toString(), 0, "file not found");
        }
        UciParser p = new UciParser(docword.toString());
        DataFiles.read(docword, "a UCI docword file", in -> parse(in, UCI_MAX_LINE_LENGTH, p));
        VocabularyParser v = uciVocabulary(vocab.toString(), p);
        DataFiles.read(vocab, "a vocabulary file", in -> parse(in, UCI_MAX_LINE_LENGTH, v));
        return p.build(v.words());
    }

    /** {@link #readUci(Path, Path)} on streams, left open; the names are used in messages. */
    static Corpus readUci(InputStream docword, String docwordName, InputStream vocab, String vocabName,
                          int maxLine) {
        UciParser p = new UciParser(docwordName);
        parse(docword, maxLine, p);
        VocabularyParser v = uciVocabulary(vocabName, p);
        parse(vocab, maxLine, v);
        return p.build(v.words());
    }

    private static VocabularyParser uciVocabulary(String name, UciParser docword) {
        return new VocabularyParser(name, docword.numWords(), "line 2 of " + docword.source);
    }

    // ---- LDA-C ----

    /**
     * Reads an LDA-C corpus: one document per line, {@code N id:count id:count ...}, N the number of pairs,
     * 0-based word ids each at most once per line, positive counts; {@code 0} alone is an empty document.
     * Blank lines are an error (they would shift the document numbers) except at the very end of the file;
     * the last line may lack its line end.
     *
     * @param vocab the vocabulary, one word per line, line k naming word k-1; every id must be below its
     *              size. Or null: the vocabulary is then the ids themselves, {@code "0"} to the largest id
     *              read (which must be below 2^22 = 4194304)
     * @throws InputException naming the file (and line) for any problem
     */
    public static Corpus readLdaC(Path data, Path vocab) {
        requireNonNull(data, "data");
        IdMap words = null;
        if (vocab != null) {
            VocabularyParser v = new VocabularyParser(vocab.toString(), -1, null);
            DataFiles.read(vocab, "a vocabulary file", in -> parse(in, UCI_MAX_LINE_LENGTH, v));
            words = v.words();
        }
        LdaCParser p = ldaCParser(data.toString(), words, vocab == null ? null : vocab.toString());
        DataFiles.read(data, "an LDA-C file", in -> parse(in, LDA_C_MAX_LINE_LENGTH, p));
        return p.build(words != null ? words : idsAsWords(p.maxId()));
    }

    /** {@link #readLdaC(Path, Path)} on streams, left open; {@code vocab} may be null. */
    static Corpus readLdaC(InputStream data, String dataName, InputStream vocab, String vocabName, int maxLine) {
        IdMap words = null;
        if (vocab != null) {
            VocabularyParser v = new VocabularyParser(vocabName, -1, null);
            parse(vocab, maxLine, v);
            words = v.words();
        }
        LdaCParser p = ldaCParser(dataName, words, vocabName);
        parse(data, maxLine, p);
        return p.build(words != null ? words : idsAsWords(p.maxId()));
    }

    private static LdaCParser ldaCParser(String name, IdMap vocabulary, String vocabName) {
        return new LdaCParser(name, vocabulary == null ? -1 : vocabulary.size(), vocabName);
    }

    /** The vocabulary "0", "1", ... up to {@code maxId}. */
    private static IdMap idsAsWords(int maxId) {
        IdMap words = IdMap.create();
        for (int i = 0; i <= maxId; i++) {
            words.internValid(Integer.toString(i));
        }
        return words;
    }

    // ---- plain text ----

    /** {@link #readText(Path, TextOptions)} with {@link TextOptions#defaults()}. */
    public static Corpus readText(Path text) {
        return readText(text, TextOptions.DEFAULTS);
    }

    /**
     * Reads UTF-8 text with one document per line; every line is a document, an empty one included, so
     * that document d is line d+1. Tokens are maximal runs of Unicode letters and digits (with inner
     * apostrophes, so "don't" is one token, and combining marks), lower-cased, filtered by length, numbers
     * and stop words, and finally the words rarer than {@code minCount} in the whole corpus are removed
     * from every document (see {@link TextOptions}). Word ids are given in order of first appearance among
     * the words kept.
     *
     * @throws InputException naming the file (and line) for a malformed UTF-8 sequence, a line longer than
     *                        {@link TextOptions#maxLineLength()}, an empty file, or a corpus left without
     *                        any token
     */
    public static Corpus readText(Path text, TextOptions options) {
        requireNonNull(text, "text");
        requireNonNull(options, "options");
        return DataFiles.read(text, "a text file", in -> readText(in, text.toString(), options));
    }

    /** {@link #readText(Path, TextOptions)} on a stream, left open. */
    static Corpus readText(InputStream in, String name, TextOptions options) {
        TextCorpusParser p = new TextCorpusParser(name, options);
        CorpusInput.parse(in, options.maxLineLength(), p);
        return p.build();
    }

    /**
     * Settings of {@link #readText(Path, TextOptions)}; immutable. Start from {@link #defaults()} and use the
     * with-ers.
     *
     * @param lowercase     lower-case every token with {@link java.util.Locale#ROOT} (default true)
     * @param minLength     drop tokens of fewer code points (default 2; 1 keeps all)
     * @param keepNumbers   keep tokens made only of digits, such as "1990" (default false)
     * @param minCount      remove words occurring fewer times in the whole corpus, after the other filters
     *                      (default 1: keep all)
     * @param stopWords     words to drop, matched regardless of case and of the apostrophe's form ({@code '}
     *                      or {@code ’}); default none, see {@link CorpusReader#englishStopWords()}
     * @param maxLineLength a longer line (document) is an error rather than an attempt to buffer it all, so
     *                      that a binary or newline-free file fails fast (default 64 MiB)
     */
    public record TextOptions(boolean lowercase, int minLength, boolean keepNumbers, int minCount,
                              Set<String> stopWords, int maxLineLength) {

        /** 64 MiB: room for a book on one line, and still far from filling the memory. */
        public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 26;

        /** Lower-case, tokens of 2+ code points, no numbers, keep all words, no stop words, 64 MiB lines. */
        public static final TextOptions DEFAULTS = new TextOptions(true, 2, false, 1, Set.of(), DEFAULT_MAX_LINE_LENGTH);

        /**
         * @throws IllegalArgumentException if minLength, minCount or maxLineLength is below 1, or stopWords is
         *                                  or holds null
         */
        public TextOptions {
            if (minLength < 1) {
                throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
            }
            if (minCount < 1) {
                throw new IllegalArgumentException("minCount must be >= 1 (1 keeps every word), got " + minCount);
            }
            if (maxLineLength < 1) {
                throw new IllegalArgumentException("maxLineLength must be > 0, got " + maxLineLength);
            }
            if (stopWords == null) {
                throw new IllegalArgumentException("stopWords must not be null (Set.of() for none)");
            }
            for (String w : stopWords) {
                if (w == null) {
                    throw new IllegalArgumentException("stopWords must not contain null");
                }
            }
            stopWords = Set.copyOf(stopWords);
        }

        /** Same as {@link #DEFAULTS}. */
        public static TextOptions defaults() {
            return DEFAULTS;
        }

        public TextOptions withLowercase(boolean v) {
            return new TextOptions(v, minLength, keepNumbers, minCount, stopWords, maxLineLength);
        }

        public TextOptions withMinLength(int v) {
            return new TextOptions(lowercase, v, keepNumbers, minCount, stopWords, maxLineLength);
        }

        public TextOptions withKeepNumbers(boolean v) {
            return new TextOptions(lowercase, minLength, v, minCount, stopWords, maxLineLength);
        }

        public TextOptions withMinCount(int v) {
            return new TextOptions(lowercase, minLength, keepNumbers, v, stopWords, maxLineLength);
        }

        public TextOptions withStopWords(Set<String> v) {
            return new TextOptions(lowercase, minLength, keepNumbers, minCount, v, maxLineLength);
        }

        public TextOptions withMaxLineLength(int v) {
            return new TextOptions(lowercase, minLength, keepNumbers, minCount, stopWords, v);
        }
    }

    // ---- stop words ----

    /**
     * A built-in English stop-word list: about 360 common English function words (articles, pronouns,
     * prepositions, conjunctions, auxiliary and modal verbs with their contractions, frequent adverbs),
     * lower-case, compiled for this project. Unmodifiable.
     */
    public static Set<String> englishStopWords() {
        return StopWords.english();
    }

    /**
     * Reads a stop-word file: UTF-8 (plain, gzip or xz), one word per line, {@code #} starting a comment to
     * the end of its line, blank lines ignored; words are lower-cased with {@link java.util.Locale#ROOT}.
     * Unmodifiable, in file order.
     *
     * @throws InputException naming the file and line for a line with two words or bytes that are not UTF-8
     */
    public static Set<String> readStopWords(Path file) {
        requireNonNull(file, "file");
        return StopWords.read(file);
    }

    // ---- detection ----

    /**
     * Guesses the format of {@code data} (plain, gzip or xz) from its first non-blank lines: a single
     * positive integer on each of the first three is {@link CorpusFormat#UCI}; a first line
     * {@code N id:count ...} ({@code ^\d+( \d+:\d+)*\s*$}, tabs allowed too) is {@link CorpusFormat#LDA_C};
     * anything else {@link CorpusFormat#TEXT}.
     *
     * @throws InputException for a missing, unreadable, corrupt or blank file
     */
    public static CorpusFormat detect(Path data) {
        requireNonNull(data, "data");
        return DataFiles.read(data, "a corpus file", in -> detect(in, data.toString()));
    }

    /** {@link #detect(Path)} on a stream, which is read only as far as needed and left open. */
    static CorpusFormat detect(InputStream in, String name) {
        return DataFiles.withPlainStream(in, name, () -> 0, plain -> CorpusFormat.detect(new BufferedInputStream(plain, 1 << 13), name));
    }

    // ---- helpers ----

    private static Void parse(InputStream in, int maxLine, CorpusInput.LineParser p) {
        CorpusInput.parse(in, maxLine, p);
        return null;
    }

    private static void requireNonNull(Object o, String what) {
        if (o == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
    }
}
