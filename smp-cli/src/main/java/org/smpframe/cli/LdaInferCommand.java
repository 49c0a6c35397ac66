package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.Corpus;
import org.smpframe.data.IdMap;
import org.smpframe.lda.LdaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smp lda infer}: topic proportions of new documents under a saved model. */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Infer the topic proportions of new documents with a saved LDA model.",
            "Gibbs sampling with the model's topics held fixed; words outside the model's",
            "vocabulary are ignored. Writes one line per document: its number, a tab, then",
            "topic:proportion for its topics with a nonzero count."})
final class LdaInferCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The --out directory of smp lda, or its model/ directory.")
    Path model;

    @Mixin
    CorpusOptions input;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100", description = "Gibbs sweeps per document (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampler (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the proportions (default: stdout).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (input.corpus == null) {
            throw new IllegalArgumentException("--corpus is required");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        Path dir = Files.isRegularFile(model.resolve(LdaModel.HEADER_FILE)) ? model : model.resolve("model");
        LdaModel m = LdaModel.load(dir);
        Corpus docs = input.read();
        // Map the documents' words to the model's vocabulary; words the model never saw carry no information.
        IdMap vocabulary = m.vocabulary();
        int[] map = new int[docs.vocabularySize()];
        for (int w = 0; w < map.length; w++) {
            map[w] = vocabulary.indexOf(docs.vocabulary().id(w));
        }
        int[] ptr = new int[docs.numDocs() + 1];
        int[] words = new int[docs.numTokens()];
        int n = 0;
        long dropped = 0;
        for (int d = 0; d < docs.numDocs(); d++) {
            for (int i = docs.docPtr()[d]; i < docs.docPtr()[d + 1]; i++) {
                int w = map[docs.words()[i]];
                if (w >= 0) {
                    words[n++] = w;
                } else {
                    dropped++;
                }
            }
            ptr[d + 1] = n;
        }
        Corpus mapped = Corpus.of(docs.source(), ptr, java.util.Arrays.copyOf(words, n), vocabulary);
        int k = m.numTopics();
        int[] counts = m.infer(mapped, iterations, seed);
        StringBuilder result = new StringBuilder();
        for (int d = 0; d < mapped.numDocs(); d++) {
            int nd = mapped.docLength(d);
            result.append(d).append('\t');
            boolean first = true;
            for (int t = 0; t < k; t++) {
                if (counts[d * k + t] > 0) {
                    result.append(first ? "" : " ").append(t).append(':').append(String.format(Locale.ROOT, "%.6g",
                            (counts[d * k + t] + m.alpha()) / (nd + k * m.alpha())));
                    first = false;
                }
            }
            result.append('\n');
        }
        if (out != null) {
            AtomicFiles.write(out, w -> w.write(result.toString()));
        } else {
            System.out.print(result);
            System.out.flush();
        }
        (out != null ? System.out : System.err).printf(Locale.ROOT, "documents %d  tokens %d  unknown words dropped %d%n",
                mapped.numDocs(), n, dropped);
        return SmpCommand.EXIT_OK;
    }
}
