package org.smpframe.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.smpframe.data.Corpus;
import org.smpframe.data.CorpusFormat;
import org.smpframe.data.CorpusReader;
import picocli.CommandLine.Option;

/** How a corpus is read: shared by {@code smp lda} and {@code smp lda infer}. */
final class CorpusOptions {
    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Documents: UCI docword.*.txt, LDA-C (N id:count ...) or plain text (one document per line); .gz/.xz read transparently.")
    Path corpus;

    @Option(names = "--vocab", paramLabel = "FILE",
            description = "Vocabulary, one word per line (required for UCI, optional for LDA-C).")
    Path vocab;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, uci, ldac or text (default: ${DEFAULT-VALUE}: from the first lines).")
    String format;

    @Option(names = "--stop-words", paramLabel = "english|FILE",
            description = "Text only: drop these words (the built-in English list, or a file with one word per line).")
    String stopWords;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "1",
            description = "Text only: drop words occurring fewer than N times in the corpus (default: ${DEFAULT-VALUE}).")
    int minCount;

    Corpus read() {
        CorpusFormat f = format.equalsIgnoreCase("auto") ? CorpusReader.detect(corpus) : CorpusFormat.parse(format);
        return switch (f) {
            case UCI -> {
                if (vocab == null) {
                    throw new IllegalArgumentException("--vocab is required for a UCI corpus (vocab.*.txt)");
                }
                yield CorpusReader.readUci(corpus, vocab);
            }
            case LDA_C -> CorpusReader.readLdaC(corpus, vocab);
            case TEXT -> CorpusReader.readText(corpus, CorpusReader.TextOptions.defaults().withMinCount(minCount)
                    .withStopWords(stopWords()));
        };
    }

    private Set<String> stopWords() {
        if (stopWords == null) {
            return Set.of();
        }
        return stopWords.toLowerCase(Locale.ROOT).equals("english") ? CorpusReader.englishStopWords()
                : CorpusReader.readStopWords(Path.of(stopWords));
    }
}
