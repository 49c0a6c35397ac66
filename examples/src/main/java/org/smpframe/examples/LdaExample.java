package org.smpframe.examples;

import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.Corpus;
import org.smpframe.data.CorpusReader;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaModel;
import org.smpframe.lda.LdaResult;
import org.smpframe.lda.LdaTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A topic model from Java on the bundled synthetic corpus (LDA-C with a vocabulary): 10% of the documents held
 * out, 8 topics on the rotation schedule, the log-likelihood as it goes, the held-out perplexity by document
 * completion and each topic's top words. Run from the repository root:
 * {@code java -cp ... org.smpframe.examples.LdaExample [data/synthetic-lda.dat data/synthetic-lda.vocab]}.
 */
public final class LdaExample {
    private LdaExample() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 1 ? args[0] : "data/synthetic-lda.dat");
        Path vocab = Path.of(args.length > 1 ? args[1] : "data/synthetic-lda.vocab");
        Corpus corpus = CorpusReader.readLdaC(data, vocab);
        Corpus[] split = corpus.split(0.1, 42); // {train, test}
        LdaConfig config = LdaConfig.builder().topics(8).alpha(0.1).iterations(100).evaluateEvery(20).build();
        LdaResult result;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            result = new LdaTrainer(config).fit(split[0], split[1], runtime, p -> System.out.printf(Locale.ROOT,
                    "iteration %3.0f  log-likelihood %.1f%n", p.evaluation().get("iteration"),
                    p.evaluation().objective()));
        }
        System.out.printf(Locale.ROOT, "held-out perplexity %.2f%n", result.perplexity());
        LdaModel model = result.model();
        for (int k = 0; k < model.numTopics(); k++) {
            StringBuilder words = new StringBuilder();
            for (int w : model.topWords(k, 6)) {
                words.append(' ').append(model.vocabulary().id(w));
            }
            System.out.printf(Locale.ROOT, "topic %d:%s%n", k, words);
        }
    }
}
