package org.smpframe.lda;

import java.util.SplittableRandom;
import org.smpframe.data.Corpus;
import org.smpframe.data.IdMap;

/**
 * Documents drawn from the LDA generative process with known topics, for tests and demonstrations: K topics,
 * each concentrated on its own band of the vocabulary (topic k puts most of its mass on words
 * k·V/K .. (k+1)·V/K, the rest spread thin), document proportions from a symmetric Dirichlet(α), then each token's
 * topic and word. Words are named "w0", "w1", ....
 */
public final class SyntheticCorpus {
    private final double[][] topics;
    private final Corpus corpus;

    private SyntheticCorpus(double[][] topics, Corpus corpus) {
        this.topics = topics;
        this.corpus = corpus;
    }

    public static SyntheticCorpus generate(int numTopics, int vocabularySize, int numDocs, int docLength,
                                           double alpha, long seed) {
        if (numTopics < 2 || vocabularySize < numTopics || numDocs < 1 || docLength < 1 || !(alpha > 0)) {
            throw new IllegalArgumentException("need K >= 2, V >= K, documents and length >= 1, alpha > 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] topics = new double[numTopics][vocabularySize];
        int band = vocabularySize / numTopics;
        for (int k = 0; k < numTopics; k++) {
            double sum = 0;
            for (int w = 0; w < vocabularySize; w++) {
                boolean own = w >= k * band && w < (k + 1) * band;
                topics[k][w] = (own ? 1.0 : 0.002) * (0.5 + rng.nextDouble());
                sum += topics[k][w];
            }
            for (int w = 0; w < vocabularySize; w++) {
                topics[k][w] /= sum;
            }
        }
        IdMap vocabulary = IdMap.create();
        for (int w = 0; w < vocabularySize; w++) {
            vocabulary.intern("w" + w);
        }
        int[] docPtr = new int[numDocs + 1];
        int[] words = new int[numDocs * docLength];
        double[] theta = new double[numTopics];
        int n = 0;
        for (int d = 0; d < numDocs; d++) {
            double sum = 0;
            for (int k = 0; k < numTopics; k++) {
                theta[k] = gamma(alpha, rng);
                sum += theta[k];
            }
            for (int i = 0; i < docLength; i++) {
                int k = draw(theta, sum, rng);
                words[n++] = draw(topics[k], 1.0, rng);
            }
            docPtr[d + 1] = n;
        }
        return new SyntheticCorpus(topics, Corpus.of("synthetic LDA (K=" + numTopics + ", V=" + vocabularySize + ")",
                docPtr, words, vocabulary));
    }

    public Corpus corpus() {
        return corpus;
    }

    /** The true topic-word distributions, K × V. */
    public double[][] topics() {
        return topics;
    }

    private static int draw(double[] p, double sum, SplittableRandom rng) {
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < p.length - 1; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** A Gamma(shape, 1) draw (Marsaglia–Tsang, with the boost for shape &lt; 1). */
    private static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                double a = rng.nextDouble();
                double b = rng.nextDouble();
                x = Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
