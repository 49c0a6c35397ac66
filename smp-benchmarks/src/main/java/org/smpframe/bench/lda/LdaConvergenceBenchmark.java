package org.smpframe.bench.lda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smpframe.data.Corpus;
import org.smpframe.data.CorpusReader;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaMethod;
import org.smpframe.lda.LdaTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * The LDA benchmark of docs/benchmarks-lda.md on the AP corpus ({@code ../shared/data/lda_ap}):
 * <ul>
 *   <li>{@code --compare}: Mallet's ParallelTopicModel (SparseLDA, data-parallel threads) runs N iterations; its
 *       final log-likelihood is the target; then our rotation and data-parallel modes run with the same K, α, β
 *       and thread count, and the times to the target and the tokens/s are printed as ratios to Mallet's;</li>
 *   <li>{@code --cost}: sampling time per token of our sampler at K = 100, 1000, 5000 (one worker, iterations
 *       after a burn-in), to show that it does not grow linearly with K.</li>
 * </ul>
 * Times are sampling time only: the log-likelihood computation is excluded on both sides.
 */
public final class LdaConvergenceBenchmark {
    /** One evaluation of one of our runs. */
    record Point(int iteration, double seconds, double logLikelihood) {
    }

    private LdaConvergenceBenchmark() {
    }

    static List<Point> trace(Corpus corpus, LdaConfig config, int workers) {
        List<Point> points = new ArrayList<>();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            new LdaTrainer(config).fit(corpus, null, runtime, p -> points.add(new Point(
                    (int) p.evaluation().get("iteration"), p.seconds(), p.evaluation().objective())));
        }
        return points;
    }

    static double secondsTo(List<Point> trace, double target) {
        for (Point p : trace) {
            if (p.logLikelihood() >= target) {
                return p.seconds();
            }
        }
        return Double.NaN;
    }

    public static Corpus ap(Path data) {
        Path dir = data.resolve("lda_ap");
        Path corpus = dir.resolve("ap.dat.xz");
        Path vocab = dir.resolve("vocab.txt.xz");
        if (!Files.isRegularFile(corpus) || !Files.isRegularFile(vocab)) {
            return null;
        }
        return CorpusReader.readLdaC(corpus, vocab);
    }

    public static void main(String[] args) {
        Path data = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data") : Path.of("../../shared/data");
        int[] topics = {100, 1000};
        int[] threads = {2};
        int iterations = 200;
        double alpha = 0.1;
        double beta = 0.01;
        boolean cost = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cost" -> cost = true;
                case "--compare" -> cost = false;
                case "--data" -> data = Path.of(args[++i]);
                case "--topics" -> topics = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--threads" -> threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--alpha" -> alpha = Double.parseDouble(args[++i]);
                case "--beta" -> beta = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --compare --cost "
                        + "--data DIR --topics K1,K2 --threads T1,T2 --iterations N --alpha A --beta B");
            }
        }
        Corpus corpus = ap(data);
        if (corpus == null) {
            System.out.println("skipped: the AP corpus is not under " + data.resolve("lda_ap"));
            return;
        }
        System.out.printf(Locale.ROOT, "%s; alpha %s per topic, beta %s%n", corpus, alpha, beta);
        if (cost) {
            samplerCost(corpus, topics, alpha, beta);
        } else {
            compare(corpus, topics, threads, iterations, alpha, beta);
        }
    }

    private static void compare(Corpus corpus, int[] topics, int[] threads, int iterations, double alpha, double beta) {
        String[] vocabulary = new String[corpus.vocabularySize()];
        for (int w = 0; w < vocabulary.length; w++) {
            vocabulary[w] = corpus.vocabulary().id(w);
        }
        System.out.println("K,threads,system,iterations_run,seconds_to_mallet_ll,ratio_to_mallet,tokens_per_second,"
                + "tokens_per_second_ratio,final_ll");
        for (int k : topics) {
            for (int t : threads) {
                List<MalletPoint> mallet = MalletLda.run(corpus.docPtr(), corpus.words(), vocabulary, k, alpha, beta,
                        t, iterations, 10, 1);
                MalletPoint last = mallet.get(mallet.size() - 1);
                double target = last.logLikelihood();
                double malletTps = (double) corpus.numTokens() * last.iteration() / last.seconds();
                System.out.printf(Locale.ROOT, "%d,%d,mallet,%d,%.3f,1.000,%.4g,1.000,%.6g%n", k, t, last.iteration(),
                        last.seconds(), malletTps, target);
                for (LdaMethod method : LdaMethod.values()) {
                    LdaConfig config = LdaConfig.builder().topics(k).alpha(alpha).beta(beta).method(method)
                            .iterations(iterations).evaluateEvery(10).build();
                    List<Point> ours = trace(corpus, config, t);
                    Point end = ours.get(ours.size() - 1);
                    double seconds = secondsTo(ours, target);
                    double tps = (double) corpus.numTokens() * end.iteration() / end.seconds();
                    System.out.printf(Locale.ROOT, "%d,%d,%s,%d,%s,%s,%.4g,%.3f,%.6g%n", k, t, method.cliName(),
                            end.iteration(), Double.isNaN(seconds) ? "not reached" : String.format(Locale.ROOT, "%.3f",
                                    seconds), Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f",
                                    seconds / last.seconds()), tps, tps / malletTps, end.logLikelihood());
                }
            }
        }
    }

    /** Nanoseconds per token sampled, iterations 21..40 (the counts are sparse by then), one worker. */
    private static void samplerCost(Corpus corpus, int[] topics, double alpha, double beta) {
        System.out.println("K,ns_per_token,tokens_per_second");
        for (int k : topics) {
            LdaConfig config = LdaConfig.builder().topics(k).alpha(alpha).beta(beta).iterations(40).evaluateEvery(20)
                    .build();
            List<Point> t = trace(corpus, config, 1);
            double seconds = t.get(1).seconds() - t.get(0).seconds();
            double ns = seconds * 1e9 / (20.0 * corpus.numTokens());
            System.out.printf(Locale.ROOT, "%d,%.1f,%.4g%n", k, ns, 1e9 / ns);
        }
    }
}
