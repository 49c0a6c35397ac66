package org.smpframe.bench.lda;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.topics.TopicAssignment;
import cc.mallet.topics.WorkerRunnable;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import cc.mallet.util.Randoms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import org.smpframe.data.Corpus;
import org.smpframe.data.IdMap;
import org.smpframe.lda.LdaModel;
import org.tukaani.xz.XZInputStream;

/**
 * The peer of the LDA benchmark: Mallet 2.0.8's {@link ParallelTopicModel} (SparseLDA Gibbs sampling; with
 * several threads, AD-LDA style: each worker sweeps its block of documents against its own copy of the counts,
 * and the copies are merged after every sweep).
 *
 * <p>Model: θ_d ~ Dirichlet(α, …, α) (symmetric, α per topic), φ_k ~ Dirichlet(β, …, β) over the whole vocabulary
 * of V words, z ~ θ_d, w ~ φ_z. Mallet's constructor takes the <em>sum</em> αK, so it is given {@code alpha *
 * numTopics}. Hyperparameter optimization is off ({@code setOptimizeInterval(0)}), so α and β stay fixed, as in
 * our sampler. The reported log-likelihood is the joint (computed from Mallet's state with our exact formula, not
 * its Stirling-approximated {@code modelLogLikelihood()}, so both systems are measured with one yardstick)
 * <pre>
 *   log p(w, z) = Σ_d [ log Γ(Kα) − log Γ(Kα + N_d) + Σ_k (log Γ(α + n_dk) − log Γ(α)) ]
 *               + Σ_k [ log Γ(Vβ) − log Γ(Vβ + n_k) + Σ_w (log Γ(β + n_kw) − log Γ(β)) ]
 * </pre>
 * (Mallet evaluates log Γ with a Stirling approximation, {@code Dirichlet.logGammaStirling}). V is the size of
 * the vocabulary given, whether or not every word occurs.
 *
 * <p>The corpus goes in as CSR word ids and becomes an {@link InstanceList} directly (an {@link Alphabet} holding
 * the vocabulary in id order, one {@link FeatureSequence} per document), with no text pipe, so Mallet samples
 * exactly the tokens our sampler does.
 *
 * <p><b>Driving the sweeps.</b> With several threads {@code ParallelTopicModel.estimate()} is unsafe to call
 * repeatedly and costly to call once per sweep. It waits for its workers by polling their {@code isFinished} flags
 * after a 20 ms sleep and then every 10 ms, and the flag starts out true, so a worker that has not started yet
 * looks finished and its counts (on the first sweep of a call, a full copy of the global counts) are merged as if
 * they were its own: the counts multiply and the sampler crashes. Even at 10 sweeps per call this happened once on
 * AP (K = 1000, 2 threads, another job busy on the machine): topic totals 8× the token count and
 * {@code ArrayIndexOutOfBoundsException}s in the workers. And no sweep takes less than 30 ms (the sleeps overlap
 * the sampling: a floor, not an addition). Two drivers are offered:
 * <ul>
 *   <li>{@link Driver#WORKERS} (default): the sweep loop of {@code estimate()} reproduced here around Mallet's own
 *       {@link WorkerRunnable}s and {@code sumTypeTopicCounts}: the same document blocks, count copies, merge
 *       and copy-back, but the workers are awaited with {@link Future#get()} rather than by polling, there are no
 *       sleeps, and each sweep is timed on its own. Each worker has its own random stream for the whole run
 *       (Mallet's {@code estimate()} gives every worker the same seed, and reseeds on every call).</li>
 *   <li>{@link Driver#ESTIMATE}: stock {@code estimate()}, called once per evaluation interval with
 *       {@code setNumIterations(evalEvery)} and a fresh seed per call (else every call would replay the same
 *       random numbers). Its time includes Mallet's per-call set-up (count copies, a new thread pool) and, with
 *       several threads, its 30 ms floor per sweep. The first sweep of every call is still exposed to the
 *       start-up race above.</li>
 * </ul>
 * Either way a sweep's time covers sampling and, with several threads, the merge; the log-likelihood is
 * computed between timed sweeps, and {@code printLogLikelihood} is switched off so {@code estimate()} does not
 * compute it inside the timed part. After every evaluation the topic totals are checked against the token count,
 * since Mallet's workers catch their own exceptions and only print them.
 *
 * <p>Mallet's logging (java.util.logging, to stderr) is turned down to warnings. Loading Mallet's logger class
 * tries to re-read the JVM's java.util.logging configuration from its {@code resources/logging.properties}; the
 * 2.0.8 jar on Maven Central lacks that file, so it prints "Couldn't open cc.mallet.util.MalletLogger
 * resources/logging.properties file" to stderr once, which is harmless.
 */
public final class MalletLda {

    /** How the sweeps are driven; see the class comment. */
    public enum Driver { WORKERS, ESTIMATE }

    /**
     * What a run was and what it cost before sampling started.
     *
     * @param buildSeconds         building the Alphabet and InstanceList from the CSR arrays
     * @param initSeconds          {@code addInstances}: random topic assignment and the initial counts (plus,
     *                             for {@link Driver#WORKERS}, creating the workers and copying their counts)
     * @param initialLogLikelihood log p(w, z) of the random initial state
     */
    public record Setup(int numDocs, long numTokens, int vocabularySize, int numTopics, double alpha, double beta,
                        int threads, Driver driver, long seed, double buildSeconds, double initSeconds,
                        double initialLogLikelihood) {
    }

    /** A run: its set-up and one point per evaluation (every evalEvery sweeps, and after the last sweep). */
    public record Result(Setup setup, List<MalletPoint> points) {
    }

    private MalletLda() {
    }

    /**
     * Runs Mallet's LDA sampler on a CSR corpus with {@link Driver#WORKERS}.
     *
     * @param docPtr     document boundaries: document d's tokens are {@code words[docPtr[d] .. docPtr[d+1])}
     * @param words      token word ids, indices into {@code vocabulary}
     * @param vocabulary the words, by id (duplicates are allowed: they stay distinct words)
     * @param alpha      the symmetric Dirichlet parameter per topic (Mallet gets alpha × numTopics)
     * @param beta       the symmetric Dirichlet parameter per word
     * @param threads    Mallet worker threads
     * @param iterations sweeps over the corpus
     * @param evalEvery  evaluate the log-likelihood every this many sweeps (and after the last one)
     * @param seed       seeds the initial assignment and the workers' random streams
     * @return one point per evaluation, in sweep order
     */
    public static List<MalletPoint> run(int[] docPtr, int[] words, String[] vocabulary, int numTopics,
                                        double alpha, double beta, int threads, int iterations, int evalEvery,
                                        long seed) {
        return run(docPtr, words, vocabulary, numTopics, alpha, beta, threads, iterations, evalEvery, seed,
                Driver.WORKERS).points();
    }

    /** {@link #run(int[], int[], String[], int, double, double, int, int, int, long)} with a choice of driver. */
    public static Result run(int[] docPtr, int[] words, String[] vocabulary, int numTopics, double alpha,
                             double beta, int threads, int iterations, int evalEvery, long seed, Driver driver) {
        if (numTopics < 2) {
            throw new IllegalArgumentException("numTopics must be >= 2, got " + numTopics);
        }
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("alpha and beta must be positive and finite");
        }
        if (threads < 1 || iterations < 1 || evalEvery < 1) {
            throw new IllegalArgumentException("threads, iterations and evalEvery must be >= 1");
        }
        if (driver == null) {
            throw new IllegalArgumentException("null driver");
        }
        quietMalletLogging();

        long start = System.nanoTime();
        InstanceList instances = instances(docPtr, words, vocabulary);
        double buildSeconds = (System.nanoTime() - start) * 1e-9;

        ParallelTopicModel model = new ParallelTopicModel(numTopics, alpha * numTopics, beta);
        model.setRandomSeed(malletSeed(seed, 0));
        model.setOptimizeInterval(0);
        model.setSymmetricAlpha(true);
        model.setTopicDisplay(0, 0);
        model.printLogLikelihood = false;
        model.setNumThreads(threads);

        start = System.nanoTime();
        model.addInstances(instances);
        WorkerRunnable[] workers = driver == Driver.WORKERS ? workers(model, threads, seed) : null;
        double initSeconds = (System.nanoTime() - start) * 1e-9;
        double initialLl = model.modelLogLikelihood();

        Setup setup = new Setup(docPtr.length - 1, words.length, vocabulary.length, numTopics, alpha, beta, threads,
                driver, seed, buildSeconds, initSeconds, initialLl);
        List<MalletPoint> points = driver == Driver.WORKERS
                ? driveWorkers(model, workers, iterations, evalEvery)
                : driveEstimate(model, iterations, evalEvery, seed);
        return new Result(setup, List.copyOf(points));
    }

    /** The corpus as Mallet instances: word id i is Alphabet entry i, one FeatureSequence per document. */
    static InstanceList instances(int[] docPtr, int[] words, String[] vocabulary) {
        if (docPtr == null || words == null || vocabulary == null) {
            throw new IllegalArgumentException("null corpus array");
        }
        if (docPtr.length < 1 || docPtr[0] != 0 || docPtr[docPtr.length - 1] != words.length) {
            throw new IllegalArgumentException("docPtr must run from 0 to words.length");
        }
        Alphabet alphabet = new Alphabet(vocabulary.length, String.class);
        for (int id = 0; id < vocabulary.length; id++) {
            String entry = vocabulary[id] == null ? "" : vocabulary[id];
            // A repeated word stays a word of its own, so that entry i is word id i.
            for (int k = 0; alphabet.contains(entry); k++) {
                entry = vocabulary[id] + "#" + id + (k == 0 ? "" : "." + k);
            }
            int index = alphabet.lookupIndex(entry, true);
            if (index != id) {
                throw new IllegalStateException("alphabet index " + index + " for word id " + id);
            }
        }
        alphabet.stopGrowth();
        InstanceList list = new InstanceList(alphabet, null);
        for (int d = 0; d + 1 < docPtr.length; d++) {
            if (docPtr[d + 1] < docPtr[d]) {
                throw new IllegalArgumentException("docPtr decreases at document " + (d + 1));
            }
            int[] ids = Arrays.copyOfRange(words, docPtr[d], docPtr[d + 1]);
            for (int w : ids) {
                if (w < 0 || w >= vocabulary.length) {
                    throw new IllegalArgumentException("document " + d + ": word id " + w
                            + " outside the vocabulary (size " + vocabulary.length + ")");
                }
            }
            list.add(new Instance(new FeatureSequence(alphabet, ids), null, "doc" + d, null));
        }
        return list;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Driver.WORKERS: estimate()'s sweep loop without its polling.

    /**
     * Mallet's workers, set up as {@code estimate()} does: with one thread a single worker on the global counts;
     * with several, contiguous blocks of data.size()/threads documents (the last takes the rest), each worker with
     * its own copy of the counts.
     */
    private static WorkerRunnable[] workers(ParallelTopicModel model, int threads, long seed) {
        int numDocs = model.data.size();
        WorkerRunnable[] workers = new WorkerRunnable[threads];
        if (threads == 1) {
            workers[0] = new CheckedWorker(model, new Randoms(malletSeed(seed, 1)), model.typeTopicCounts,
                    model.tokensPerTopic, 0, numDocs);
            workers[0].makeOnlyThread();
            return workers;
        }
        int docsPerThread = numDocs / threads;
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            int[] totals = model.tokensPerTopic.clone();
            int[][] counts = new int[model.numTypes][];
            for (int type = 0; type < model.numTypes; type++) {
                counts[type] = model.typeTopicCounts[type].clone();
            }
            int docs = t == threads - 1 ? numDocs - offset : docsPerThread;
            workers[t] = new CheckedWorker(model, new Randoms(malletSeed(seed, 1 + t)), counts, totals, offset, docs);
            offset += docs;
        }
        return workers;
    }

    private static List<MalletPoint> driveWorkers(ParallelTopicModel model, WorkerRunnable[] workers,
                                                  int iterations, int evalEvery) {
        long tokens = model.totalTokens;
        List<MalletPoint> points = new ArrayList<>();
        ExecutorService pool = workers.length > 1 ? Executors.newFixedThreadPool(workers.length, r -> {
            Thread t = new Thread(r, "mallet-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        List<Callable<Object>> tasks = new ArrayList<>();
        for (WorkerRunnable w : workers) {
            tasks.add(Executors.callable(w));
        }
        try {
            double seconds = 0;
            for (int it = 1; it <= iterations; it++) {
                long start = System.nanoTime();
                if (pool == null) {
                    workers[0].run();
                } else {
                    for (Future<Object> f : pool.invokeAll(tasks)) {
                        f.get();
                    }
                    model.sumTypeTopicCounts(workers);
                    copyBack(model, workers);
                }
                seconds += (System.nanoTime() - start) * 1e-9;
                for (WorkerRunnable w : workers) {
                    ((CheckedWorker) w).rethrow(it);
                }
                if (it % evalEvery == 0 || it == iterations) {
                    checkCounts(model, it);
                    points.add(new MalletPoint(it, seconds, exactLogLikelihood(model), tokens));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Mallet worker failed", e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return points;
    }

    /** estimate()'s hand-back: every worker's counts become the merged global counts again. */
    private static void copyBack(ParallelTopicModel model, WorkerRunnable[] workers) {
        for (WorkerRunnable w : workers) {
            System.arraycopy(model.tokensPerTopic, 0, w.getTokensPerTopic(), 0, model.numTopics);
            int[][] workerCounts = w.getTypeTopicCounts();
            for (int type = 0; type < model.numTypes; type++) {
                int[] target = workerCounts[type];
                int[] source = model.typeTopicCounts[type];
                // Both arrays are sorted, non-zero entries first: copy up to where both have run out.
                for (int i = 0; i < source.length; i++) {
                    if (source[i] != 0) {
                        target[i] = source[i];
                    } else if (target[i] != 0) {
                        target[i] = 0;
                    } else {
                        break;
                    }
                }
            }
        }
    }

    /**
     * A Mallet worker that remembers a failure: {@code WorkerRunnable.run()} catches every exception, prints it and
     * carries on, which would leave the run silently corrupt.
     */
    private static final class CheckedWorker extends WorkerRunnable {
        private volatile Throwable failure;

        CheckedWorker(ParallelTopicModel model, Randoms random, int[][] typeTopicCounts, int[] tokensPerTopic,
                      int startDoc, int numDocs) {
            super(model.numTopics, model.alpha, model.alphaSum, model.beta, random, model.data, typeTopicCounts,
                    tokensPerTopic, startDoc, numDocs);
            initializeAlphaStatistics(model.docLengthCounts.length);
        }

        @Override
        protected void sampleTopicsForOneDoc(FeatureSequence tokens, FeatureSequence topics, boolean readjust) {
            try {
                super.sampleTopicsForOneDoc(tokens, topics, readjust);
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void buildLocalTypeTopicCounts() {
            try {
                super.buildLocalTypeTopicCounts();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        void rethrow(int iteration) {
            if (failure != null) {
                throw new IllegalStateException("Mallet worker failed in sweep " + iteration, failure);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Driver.ESTIMATE: stock estimate(), evalEvery sweeps per call.

    private static List<MalletPoint> driveEstimate(ParallelTopicModel model, int iterations, int evalEvery,
                                                   long seed) {
        long tokens = model.totalTokens;
        List<MalletPoint> points = new ArrayList<>();
        double seconds = 0;
        int done = 0;
        for (int call = 1; done < iterations; call++) {
            int n = Math.min(evalEvery, iterations - done);
            model.setNumIterations(n);
            model.setRandomSeed(malletSeed(seed, 1000 + call));
            long start = System.nanoTime();
            try {
                model.estimate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            seconds += (System.nanoTime() - start) * 1e-9;
            done += n;
            checkCounts(model, done);
            points.add(new MalletPoint(done, seconds, exactLogLikelihood(model), tokens));
        }
        return points;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The topic totals must add up to the token count; they do not when a worker failed or was merged twice. */
    /**
     * The joint log-likelihood of Mallet's current state by our formula with exact ln Γ
     * ({@link LdaModel#jointLogLikelihood}): Mallet's own modelLogLikelihood() uses a Stirling approximation, and
     * "time to the same log-likelihood" needs one yardstick for both systems.
     */
    static double exactLogLikelihood(ParallelTopicModel model) {
        ArrayList<TopicAssignment> data = model.getData();
        int[] docPtr = new int[data.size() + 1];
        for (int d = 0; d < data.size(); d++) {
            docPtr[d + 1] = docPtr[d] + data.get(d).topicSequence.getLength();
        }
        int[] words = new int[docPtr[data.size()]];
        int[] topics = new int[words.length];
        for (int d = 0; d < data.size(); d++) {
            FeatureSequence tokens = (FeatureSequence) data.get(d).instance.getData();
            int[] z = data.get(d).topicSequence.getFeatures();
            for (int i = 0; i < tokens.getLength(); i++) {
                words[docPtr[d] + i] = tokens.getIndexAtPosition(i);
                topics[docPtr[d] + i] = z[i];
            }
        }
        return LdaModel.jointLogLikelihood(docPtr, words, topics, model.getNumTopics(), model.getAlphabet().size(),
                model.alpha[0], model.beta);
    }

    private static void checkCounts(ParallelTopicModel model, int iteration) {
        long sum = 0;
        for (int c : model.tokensPerTopic) {
            sum += c;
        }
        if (sum != model.totalTokens) {
            throw new IllegalStateException("after sweep " + iteration + " Mallet's topic totals add up to " + sum
                    + ", not the " + model.totalTokens + " tokens: a worker failed or was merged twice");
        }
    }

    /**
     * A Mallet seed (an int) for stream {@code stream} of {@code seed}: Mallet reads -1 as "no seed" (seed from
     * the clock), so -1 is never returned.
     */
    static int malletSeed(long seed, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        int s = (int) (z >>> 32);
        return s == -1 ? 0x5eed : s;
    }

    /** Mallet logs progress at INFO through java.util.logging; keep its warnings only. */
    private static void quietMalletLogging() {
        // Touching the class first: its logger's initialization re-reads the java.util.logging configuration.
        java.util.logging.Logger logger = ParallelTopicModel.logger;
        logger.setLevel(Level.WARNING);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Command line.

    static final String USAGE = String.join("\n",
            "usage: java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.lda.MalletLda [options]",
            "Runs Mallet 2.0.8's ParallelTopicModel on the AP corpus (DIR/lda_ap/ap.dat.xz, vocab.txt.xz) and prints",
            "CSV iteration,seconds,log_likelihood,tokens_per_second to stdout (seconds: cumulative sampling time;",
            "log_likelihood: Mallet's modelLogLikelihood(), the joint log p(w, z), by our exact formula). Set-up costs go to stderr.",
            "  --data DIR         shared data directory (default ../shared/data)",
            "  --topics K         number of topics (default 100)",
            "  --alpha A          symmetric Dirichlet parameter PER TOPIC (Mallet gets alphaSum = A*K; default 50/K)",
            "  --beta B           symmetric Dirichlet parameter per word (default 0.01)",
            "  --threads T        Mallet worker threads (default 2)",
            "  --iterations N     sweeps (default 200)",
            "  --eval-every E     log-likelihood every E sweeps (default 10)",
            "  --seed S           random seed (default 1)",
            "  --driver D         workers (default: estimate()'s loop driven here, no sleeps) or estimate",
            "                     (stock estimate(), E sweeps per call)",
            "  --help             this text");

    public static void main(String[] args) {
        Path data = Path.of("../shared/data");
        int topics = 100;
        Double alpha = null;
        double beta = 0.01;
        int threads = 2;
        int iterations = 200;
        int evalEvery = 10;
        long seed = 1;
        Driver driver = Driver.WORKERS;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--data" -> data = Path.of(v);
                    case "--topics" -> topics = Integer.parseInt(v);
                    case "--alpha" -> alpha = Double.parseDouble(v);
                    case "--beta" -> beta = Double.parseDouble(v);
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--iterations" -> iterations = Integer.parseInt(v);
                    case "--eval-every" -> evalEvery = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--driver" -> driver = Driver.valueOf(v.toUpperCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        double alphaPerTopic = alpha != null ? alpha : 50.0 / topics;

        Corpus corpus;
        long start = System.nanoTime();
        try {
            Path dir = data.resolve("lda_ap");
            corpus = readLdaC(dir.resolve("ap.dat.xz"), dir.resolve("vocab.txt.xz"));
        } catch (IOException | RuntimeException e) {
            System.err.println("error: cannot read the AP corpus under " + data + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        double readSeconds = (System.nanoTime() - start) * 1e-9;
        String[] vocabulary = new String[corpus.vocabularySize()];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = corpus.vocabulary().id(i);
        }
        System.err.printf(Locale.ROOT, "# %s (read in %.2f s)%n", corpus, readSeconds);
        System.err.printf(Locale.ROOT, "# Mallet 2.0.8 ParallelTopicModel: K=%d alpha=%s per topic (alphaSum=%s)"
                        + " beta=%s threads=%d iterations=%d eval-every=%d seed=%d driver=%s%n",
                topics, alphaPerTopic, alphaPerTopic * topics, beta, threads, iterations, evalEvery, seed,
                driver.name().toLowerCase(Locale.ROOT));

        Result result = run(corpus.docPtr(), corpus.words(), vocabulary, topics, alphaPerTopic, beta, threads,
                iterations, evalEvery, seed, driver);
        Setup s = result.setup();
        System.err.printf(Locale.ROOT, "# set-up (not timed below): InstanceList %.3f s, initialization %.3f s;"
                + " initial log-likelihood %.2f%n", s.buildSeconds(), s.initSeconds(), s.initialLogLikelihood());
        System.out.println("iteration,seconds,log_likelihood,tokens_per_second");
        for (MalletPoint p : result.points()) {
            System.out.printf(Locale.ROOT, "%d,%.4f,%.2f,%.0f%n", p.iteration(), p.seconds(), p.logLikelihood(),
                    p.tokensPerSecond());
        }
        MalletPoint last = result.points().get(result.points().size() - 1);
        System.err.printf(Locale.ROOT, "# %d sweeps in %.3f s: %.2f ms/sweep, %.0f tokens/s%n", last.iteration(),
                last.seconds(), 1e3 * last.secondsPerIteration(), last.tokensPerSecond());
    }

    // ---------------------------------------------------------------------------------------------------------
    // A small LDA-C reader (each line "N id:count ..." with 0-based ids into the vocabulary file, one word a line).

    /** Reads an LDA-C corpus and its vocabulary, either possibly xz-compressed (by the ".xz" suffix). */
    static Corpus readLdaC(Path docsFile, Path vocabFile) throws IOException {
        try (BufferedReader docs = open(docsFile); BufferedReader vocab = open(vocabFile)) {
            return readLdaC(docs, vocab, docsFile.toString());
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".xz")) {
                in = new XZInputStream(in);
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Reads LDA-C documents, expanding every {@code id:count} into count tokens of word id, in the order given.
     * Blank lines are skipped.
     *
     * @throws IllegalArgumentException on a malformed line, a word id outside the vocabulary, or a repeated word
     */
    static Corpus readLdaC(BufferedReader docs, BufferedReader vocab, String source) throws IOException {
        IdMap vocabulary = IdMap.create();
        String line;
        int lineNo = 0;
        while ((line = vocab.readLine()) != null) {
            lineNo++;
            String word = line.strip();
            if (word.isEmpty()) {
                throw new IllegalArgumentException("vocabulary line " + lineNo + " is empty");
            }
            if (vocabulary.intern(word) != lineNo - 1) {
                throw new IllegalArgumentException("vocabulary line " + lineNo + ": '" + word + "' repeats");
            }
        }
        int[] docPtr = new int[1024];
        int numDocs = 0;
        int[] words = new int[1 << 16];
        int numTokens = 0;
        lineNo = 0;
        while ((line = docs.readLine()) != null) {
            lineNo++;
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            try {
                int unique = Integer.parseInt(fields[0]);
                if (unique != fields.length - 1) {
                    throw new IllegalArgumentException("says " + unique + " terms, has " + (fields.length - 1));
                }
                for (int f = 1; f < fields.length; f++) {
                    int colon = fields[f].indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("'" + fields[f] + "' is not id:count");
                    }
                    int id = Integer.parseInt(fields[f].substring(0, colon));
                    int count = Integer.parseInt(fields[f].substring(colon + 1));
                    if (id < 0 || id >= vocabulary.size()) {
                        throw new IllegalArgumentException("word id " + id + " outside the vocabulary (size "
                                + vocabulary.size() + ")");
                    }
                    if (count < 0) {
                        throw new IllegalArgumentException("negative count " + count);
                    }
                    if ((long) numTokens + count > Integer.MAX_VALUE - 8) {
                        throw new IllegalArgumentException("too many tokens");
                    }
                    if (numTokens + count > words.length) {
                        words = Arrays.copyOf(words, Math.max(numTokens + count, 2 * words.length));
                    }
                    Arrays.fill(words, numTokens, numTokens + count, id);
                    numTokens += count;
                }
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
            }
            numDocs++;
            if (numDocs + 1 > docPtr.length) {
                docPtr = Arrays.copyOf(docPtr, 2 * docPtr.length);
            }
            docPtr[numDocs] = numTokens;
        }
        return Corpus.of(source, Arrays.copyOf(docPtr, numDocs + 1), Arrays.copyOf(words, numTokens), vocabulary);
    }
}
