package org.smpframe.lda;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.Corpus;
import org.smpframe.data.IdMap;
import org.smpframe.data.InputException;
import org.smpframe.data.KeyValueFile;

/**
 * A trained topic model: the word-topic counts n_wk (sparse), the topic totals n_k, the priors α and β and the
 * vocabulary; and, for the training documents, each document's topic counts n_dk.
 *
 * <p>Saved as a directory of text files:
 * <ul>
 *   <li>{@value #HEADER_FILE}: {@code key=value}: {@code format=smpframe-lda}, {@code version=1}, {@code topics},
 *       {@code alpha} (per topic), {@code beta}, {@code vocabulary}, {@code tokens}, then facts about the run;</li>
 *   <li>{@value #VOCABULARY_FILE}: one word per line, line k = word id k-1;</li>
 *   <li>{@value #COUNTS_FILE}: one line per word with a nonzero count: the word, a tab, then {@code topic:count}
 *       pairs (topics 0-based) separated by spaces, largest count first. φ_k(w) = (n_wk + β)/(n_k + Vβ);</li>
 *   <li>{@value #TOP_WORDS_FILE}: per topic, its share of the tokens and its most probable words;</li>
 *   <li>{@value #DOC_TOPICS_FILE}: per training document (0-based, in corpus order), a tab, then
 *       {@code topic:proportion} for the topics with a nonzero count, θ_dk = (n_dk + α)/(n_d + Kα); every other
 *       topic has α/(n_d + Kα).</li>
 * </ul>
 */
public final class LdaModel {
    public static final String HEADER_FILE = "lda-model.properties";
    public static final String VOCABULARY_FILE = "vocabulary.txt";
    public static final String COUNTS_FILE = "word_topic_counts.tsv";
    public static final String TOP_WORDS_FILE = "top_words.txt";
    public static final String DOC_TOPICS_FILE = "doc_topics.tsv";
    static final String FORMAT_NAME = "smpframe-lda";
    static final int VERSION = 1;

    private final int numTopics;
    private final double alpha;
    private final double beta;
    private final IdMap vocabulary;
    private final int[][] rows; // packed as TopicRows, one per word
    private final int topicBits;
    private final int[] totals;
    private final Corpus corpus; // training documents, or null for a loaded model
    private final int[] topics; // their tokens' topics, or null
    private final Map<String, String> info = new LinkedHashMap<>();

    private LdaModel(int numTopics, double alpha, double beta, IdMap vocabulary, int[][] rows, int topicBits,
                     int[] totals, Corpus corpus, int[] topics) {
        this.numTopics = numTopics;
        this.alpha = alpha;
        this.beta = beta;
        this.vocabulary = vocabulary;
        this.rows = rows;
        this.topicBits = topicBits;
        this.totals = totals;
        this.corpus = corpus;
        this.topics = topics;
    }

    static LdaModel of(LdaProblem problem, LdaConfig config, TopicRows[] blocks, int[] totals, int[] topics) {
        int[][] rows = new int[problem.vocabularySize][];
        for (TopicRows b : blocks) {
            for (int w = 0; w < b.size(); w++) {
                rows[b.firstWord + w] = b.rows[w].clone();
            }
        }
        return new LdaModel(config.topics(), config.alpha(), config.beta(), problem.corpus.vocabulary(), rows,
                problem.topicBits, totals.clone(), problem.corpus, topics);
    }

    /**
     * The joint log-likelihood log p(w, z) of any assignment of topics to a corpus's tokens, from its definition
     * (exact ln Γ): how the benchmark scores another system's state with the same formula as ours.
     */
    public static double jointLogLikelihood(int[] docPtr, int[] words, int[] topics, int numTopics,
                                            int vocabularySize, double alpha, double beta) {
        double ll = Likelihood.docPart(docPtr, topics, numTopics, alpha, new int[numTopics]);
        long[] pairs = new long[words.length];
        int[] totals = new int[numTopics];
        for (int i = 0; i < words.length; i++) {
            pairs[i] = (long) words[i] * numTopics + topics[i];
            totals[topics[i]]++;
        }
        Arrays.sort(pairs);
        double lgBeta = LogGamma.of(beta);
        for (int i = 0; i < pairs.length; ) {
            int j = i;
            while (j < pairs.length && pairs[j] == pairs[i]) {
                j++;
            }
            ll += LogGamma.of(j - i + beta) - lgBeta;
            i = j;
        }
        return ll + Likelihood.topicPart(totals, beta, vocabularySize);
    }

    /** log p(w, z) of the training documents and their topics (NaN for a loaded model, which has neither). */
    public double trainingLogLikelihood() {
        if (corpus == null) {
            return Double.NaN;
        }
        return jointLogLikelihood(corpus.docPtr(), corpus.words(), topics, numTopics, vocabulary.size(), alpha, beta);
    }

    public int numTopics() {
        return numTopics;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public IdMap vocabulary() {
        return vocabulary;
    }

    /** Free-form facts about the run, saved in the header. */
    public Map<String, String> info() {
        return info;
    }

    /** n_k. */
    public int topicTotal(int topic) {
        return totals[topic];
    }

    /** n_wk. */
    public int count(int word, int topic) {
        int mask = (1 << topicBits) - 1;
        for (int e : rows[word]) {
            int c = e >>> topicBits;
            if (c == 0) {
                return 0;
            }
            if ((e & mask) == topic) {
                return c;
            }
        }
        return 0;
    }

    /** φ_k(w) = (n_wk + β)/(n_k + Vβ): the probability of word w in topic k. */
    public double phi(int topic, int word) {
        return (count(word, topic) + beta) / (totals[topic] + beta * vocabulary.size());
    }

    /** The dense topic distribution φ_k(w) for all k of word w, into {@code out}. */
    void phiOfWord(int word, double[] out) {
        double betaSum = beta * vocabulary.size();
        for (int k = 0; k < numTopics; k++) {
            out[k] = beta / (totals[k] + betaSum);
        }
        int mask = (1 << topicBits) - 1;
        for (int e : rows[word]) {
            int c = e >>> topicBits;
            if (c == 0) {
                break;
            }
            int k = e & mask;
            out[k] = (c + beta) / (totals[k] + betaSum);
        }
    }

    /** The {@code n} word ids with the largest count in {@code topic}, largest first. */
    public int[] topWords(int topic, int n) {
        int[] best = new int[Math.min(n, vocabulary.size())];
        int[] score = new int[best.length];
        int size = 0;
        for (int w = 0; w < rows.length; w++) {
            int c = count(w, topic);
            if (c == 0 || (size == best.length && c <= score[size - 1])) {
                continue;
            }
            int i = size < best.length ? size++ : size - 1;
            while (i > 0 && score[i - 1] < c) {
                best[i] = best[i - 1];
                score[i] = score[i - 1];
                i--;
            }
            best[i] = w;
            score[i] = c;
        }
        return Arrays.copyOf(best, size);
    }

    /** n_dk of training document d (dense), or null for a loaded model. */
    public int[] docTopicCounts(int doc) {
        if (corpus == null) {
            return null;
        }
        int[] counts = new int[numTopics];
        for (int i = corpus.docPtr()[doc]; i < corpus.docPtr()[doc + 1]; i++) {
            counts[topics[i]]++;
        }
        return counts;
    }

    /**
     * Topic counts of new documents by Gibbs sampling with the model's topics held fixed: {@code iterations}
     * sweeps of p(z = k) ∝ (n_dk + α) φ_k(w) from a uniform random start; returns n_dk per document (dense,
     * documents × K, row-major). Words outside the model's vocabulary must already have been dropped.
     */
    public int[] infer(Corpus docs, int iterations, long seed) {
        int k = numTopics;
        int[] counts = new int[docs.numDocs() * k];
        int[] z = new int[docs.numTokens()];
        SplittableRandom rng = new SplittableRandom(seed);
        // φ of the token's word is rebuilt per token, O(K) like the draw itself: caching it per word would cost
        // V × K doubles, more than the heap at large K.
        double[] f = new double[k];
        double[] p = new double[k];
        int[] ptr = docs.docPtr();
        int[] words = docs.words();
        for (int d = 0; d < docs.numDocs(); d++) {
            for (int i = ptr[d]; i < ptr[d + 1]; i++) {
                z[i] = rng.nextInt(k);
                counts[d * k + z[i]]++;
            }
        }
        for (int it = 0; it < iterations; it++) {
            for (int d = 0; d < docs.numDocs(); d++) {
                int off = d * k;
                for (int i = ptr[d]; i < ptr[d + 1]; i++) {
                    phiOfWord(words[i], f);
                    counts[off + z[i]]--;
                    double sum = 0;
                    for (int t = 0; t < k; t++) {
                        sum += (counts[off + t] + alpha) * f[t];
                        p[t] = sum;
                    }
                    double u = rng.nextDouble() * sum;
                    int t = 0;
                    while (t < k - 1 && p[t] <= u) {
                        t++;
                    }
                    z[i] = t;
                    counts[off + t]++;
                }
            }
        }
        return counts;
    }

    /**
     * Held-out perplexity by document completion (Wallach et al., ICML 2009): half of each test document's tokens,
     * chosen at seeded random positions, are observed and the rest held out (not alternate positions: bag-of-words
     * files list a word's occurrences side by side, and alternating would put half of every repeated word on each
     * side); θ_d is inferred from the observed half ({@code iterations} Gibbs sweeps), and the perplexity is
     * exp(−Σ log Σ_k θ_dk φ_k(w) / #held-out tokens). NaN when no token is held out.
     */
    public double completionPerplexity(Corpus test, int iterations, long seed) {
        int numDocs = test.numDocs();
        int[] ptr = test.docPtr();
        // Each document's tokens in a seeded random order: the first half observed, the rest held out.
        int[] words = test.words().clone();
        SplittableRandom shuffle = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int d = 0; d < numDocs; d++) {
            for (int i = ptr[d + 1] - 1; i > ptr[d]; i--) {
                int j = ptr[d] + shuffle.nextInt(i - ptr[d] + 1);
                int t = words[i];
                words[i] = words[j];
                words[j] = t;
            }
        }
        int[] observedPtr = new int[numDocs + 1];
        int observed = 0;
        for (int d = 0; d < numDocs; d++) {
            observed += (ptr[d + 1] - ptr[d] + 1) / 2;
            observedPtr[d + 1] = observed;
        }
        int[] observedWords = new int[observed];
        int o = 0;
        for (int d = 0; d < numDocs; d++) {
            int half = (ptr[d + 1] - ptr[d] + 1) / 2;
            for (int i = ptr[d]; i < ptr[d] + half; i++) {
                observedWords[o++] = words[i];
            }
        }
        int[] counts = infer(Corpus.of(test.source() + " [observed]", observedPtr, observedWords, test.vocabulary()),
                iterations, seed);
        double[] phi = new double[numTopics];
        double logSum = 0;
        long heldOut = 0;
        for (int d = 0; d < numDocs; d++) {
            int nd = observedPtr[d + 1] - observedPtr[d];
            for (int i = ptr[d] + nd; i < ptr[d + 1]; i++) {
                phiOfWord(words[i], phi);
                double pw = 0;
                for (int t = 0; t < numTopics; t++) {
                    pw += (counts[d * numTopics + t] + alpha) / (nd + numTopics * alpha) * phi[t];
                }
                logSum += Math.log(pw);
                heldOut++;
            }
        }
        return heldOut == 0 ? Double.NaN : Math.exp(-logSum / heldOut);
    }

    /** Writes the model into {@code dir} (created if needed), each file atomically. */
    public void save(Path dir, int topWords) throws IOException {
        Files.createDirectories(dir);
        long tokens = 0;
        for (int t : totals) {
            tokens += t;
        }
        final long numTokens = tokens;
        AtomicFiles.write(dir.resolve(HEADER_FILE), out -> {
            out.write("format=" + FORMAT_NAME + "\nversion=" + VERSION + "\ntopics=" + numTopics + "\nalpha=" + alpha
                    + "\nbeta=" + beta + "\nvocabulary=" + vocabulary.size() + "\ntokens=" + numTokens + "\n");
            for (Map.Entry<String, String> e : info.entrySet()) {
                out.write(e.getKey() + "=" + e.getValue().replace('\n', ' ') + "\n");
            }
        });
        vocabulary.write(dir.resolve(VOCABULARY_FILE));
        int mask = (1 << topicBits) - 1;
        AtomicFiles.write(dir.resolve(COUNTS_FILE), out -> {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < rows.length; w++) {
                if (rows[w].length == 0 || (rows[w][0] >>> topicBits) == 0) {
                    continue;
                }
                line.setLength(0);
                line.append(vocabulary.id(w)).append('\t');
                boolean first = true;
                for (int e : rows[w]) {
                    int c = e >>> topicBits;
                    if (c == 0) {
                        break;
                    }
                    line.append(first ? "" : " ").append(e & mask).append(':').append(c);
                    first = false;
                }
                out.write(line.append('\n').toString());
            }
        });
        AtomicFiles.write(dir.resolve(TOP_WORDS_FILE), out -> {
            for (int k = 0; k < numTopics; k++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "topic %d (%.4f):", k,
                        numTokens == 0 ? 0.0 : totals[k] / (double) numTokens));
                for (int w : topWords(k, topWords)) {
                    line.append(' ').append(vocabulary.id(w));
                }
                out.write(line.append('\n').toString());
            }
        });
        if (corpus != null) {
            AtomicFiles.write(dir.resolve(DOC_TOPICS_FILE), out -> {
                StringBuilder line = new StringBuilder();
                for (int d = 0; d < corpus.numDocs(); d++) {
                    int[] c = docTopicCounts(d);
                    int nd = corpus.docLength(d);
                    line.setLength(0);
                    line.append(d).append('\t');
                    boolean first = true;
                    for (int k = 0; k < numTopics; k++) {
                        if (c[k] > 0) {
                            line.append(first ? "" : " ").append(k).append(':').append(String.format(Locale.ROOT,
                                    "%.6g", (c[k] + alpha) / (nd + numTopics * alpha)));
                            first = false;
                        }
                    }
                    out.write(line.append('\n').toString());
                }
            });
        }
    }

    /**
     * Reads a model saved by {@link #save} (without its training documents).
     *
     * @throws InputException naming file and line of anything malformed
     */
    public static LdaModel load(Path dir) {
        Path headerFile = dir.resolve(HEADER_FILE);
        Map<String, String> header = KeyValueFile.read(headerFile, "is this an LDA model directory?");
        if (!FORMAT_NAME.equals(header.get("format")) || !Integer.toString(VERSION).equals(header.get("version"))) {
            throw new InputException(headerFile.toString(), 0, "not an SMPFrame LDA model of version " + VERSION);
        }
        int numTopics = (int) number(header, "topics", headerFile, 2, 1 << 20);
        double alpha = number(header, "alpha", headerFile, Double.MIN_VALUE, Double.MAX_VALUE);
        double beta = number(header, "beta", headerFile, Double.MIN_VALUE, Double.MAX_VALUE);
        IdMap vocabulary = IdMap.read(dir.resolve(VOCABULARY_FILE));
        int topicBits = TopicRows.bitsFor(numTopics);
        int[][] rows = new int[vocabulary.size()][];
        Arrays.fill(rows, new int[0]);
        int[] totals = new int[numTopics];
        long[] seen = new long[numTopics]; // the line each topic was last seen on, to catch repeats
        Path countsFile = dir.resolve(COUNTS_FILE);
        try (BufferedReader in = Files.newBufferedReader(countsFile, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                int tab = line.indexOf('\t');
                int w = tab < 0 ? -1 : vocabulary.indexOf(line.substring(0, tab));
                if (w < 0) {
                    throw new InputException(countsFile.toString(), no, "expected a word of the vocabulary, a tab and"
                            + " topic:count pairs");
                }
                if (rows[w].length > 0) {
                    throw new InputException(countsFile.toString(), no, "second line for word '"
                            + vocabulary.id(w) + "'");
                }
                String[] pairs = line.substring(tab + 1).trim().split(" ");
                int[] row = new int[pairs.length];
                for (int j = 0; j < pairs.length; j++) {
                    int colon = pairs[j].indexOf(':');
                    int k;
                    int c;
                    try {
                        k = Integer.parseInt(pairs[j].substring(0, Math.max(0, colon)));
                        c = Integer.parseInt(pairs[j].substring(colon + 1));
                    } catch (NumberFormatException e) {
                        throw new InputException(countsFile.toString(), no, "bad topic:count pair '" + pairs[j] + "'");
                    }
                    if (k < 0 || k >= numTopics || c <= 0 || c >= 1 << (31 - topicBits)) {
                        throw new InputException(countsFile.toString(), no, "topic or count out of range in '"
                                + pairs[j] + "'");
                    }
                    row[j] = c << topicBits | k;
                    totals[k] += c;
                    if (seen[k] == no) {
                        throw new InputException(countsFile.toString(), no, "topic " + k + " twice for one word");
                    }
                    seen[k] = no;
                }
                // Sorted by count, largest first, as the sampler's rows are.
                Arrays.sort(row);
                for (int a = 0, b = row.length - 1; a < b; a++, b--) {
                    int t = row[a];
                    row[a] = row[b];
                    row[b] = t;
                }
                rows[w] = row;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(countsFile.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new InputException(countsFile.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        if (Arrays.stream(totals).allMatch(t -> t == 0)) {
            throw new InputException(countsFile.toString(), 0, "no word-topic counts: the model has no tokens");
        }
        LdaModel model = new LdaModel(numTopics, alpha, beta, vocabulary, rows, topicBits, totals, null, null);
        for (Map.Entry<String, String> e : header.entrySet()) {
            if (!Arrays.asList("format", "version", "topics", "alpha", "beta").contains(e.getKey())) {
                model.info.put(e.getKey(), e.getValue());
            }
        }
        return model;
    }

    private static double number(Map<String, String> header, String key, Path file, double min, double max) {
        try {
            double v = Double.parseDouble(header.getOrDefault(key, ""));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file.toString(), 0, key + " is missing or out of range: " + header.get(key));
    }
}
