package org.smpframe.bench.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tukaani.xz.XZInputStream;

/**
 * Spark MLlib ALS as a baseline for the matrix-factorization benchmark: time-to-RMSE on a local Spark.
 *
 * <p>Spark's ALS minimizes Σ(r − u·v)² + λ(Σ n_u‖u‖² + Σ n_i‖v‖²), with λ = {@code regParam} scaled by each
 * user's and item's number of training ratings (ALS-WR), and has no per-iteration callback. So {@link #run} fits
 * ALS from scratch with {@code maxIter = 1, 2, ..., maxIterations}, all with the same seed (hence the same initial
 * factors), and times each fit alone: {@code als.fit(df)} plus {@code count()} on both factor tables. One warm-up
 * fit of {@code maxIterations} comes first and is not reported (the first fit in a JVM carries class loading and
 * JIT warm-up).
 *
 * <p>RMSEs are computed in plain Java over the collected factors (prediction = u·v, summed in double), outside the
 * timed section; this equals Spark's {@code transform} + {@code RegressionEvaluator("rmse")} with
 * {@code coldStartStrategy = "drop"} (the module's test checks that). Test ratings whose user or item has no
 * training rating are dropped, as Spark's "drop" strategy does.
 */
public final class SparkAlsBaseline {

  /** ALS checkpoints its factors every this many iterations (Spark's default) to keep the lineage short. */
  public static final int CHECKPOINT_INTERVAL = 10;

  private SparkAlsBaseline() {}

  /**
   * Everything one {@link #runDetailed} call measured.
   *
   * @param sessionStartSeconds creating the local SparkSession (getOrCreate)
   * @param inputSeconds building and caching the training DataFrame (Spark's first job)
   * @param warmupFitSeconds the unreported warm-up fit of {@code maxIterations}
   * @param droppedTestRatings test ratings left out of the test RMSE (user or item unseen in training)
   * @param points one per iteration count, 1..maxIterations; fitSeconds is the median over the repeats
   * @param fitSecondsByRepeat {@code [iterations - 1][repeat]}: every timed fit
   */
  public record Details(double sessionStartSeconds, double inputSeconds, double warmupFitSeconds,
                        int droppedTestRatings, List<AlsPoint> points, double[][] fitSecondsByRepeat) {}

  /** Fits ALS with 1..maxIterations iterations (each from scratch, same seed) and returns one point for each. */
  public static List<AlsPoint> run(AlsProblem problem, int rank, double lambda, int maxIterations, int threads,
                                   long seed) {
    return runDetailed(problem, rank, lambda, maxIterations, threads, seed, 1).points();
  }

  /**
   * As {@link #run}, also reporting the session start-up, the warm-up fit and the dropped test ratings, and
   * timing every iteration count {@code repeats} times: the sweep 1..maxIterations is repeated (so a slow phase
   * of the machine hits all counts alike) and each point's fitSeconds is the median. The RMSEs are those of the
   * first sweep; a later sweep with different factors (Spark's ALS is deterministic for a fixed seed and
   * partitioning) fails the run.
   */
  public static Details runDetailed(AlsProblem problem, int rank, double lambda, int maxIterations, int threads,
                                    long seed, int repeats) {
    if (rank < 1 || maxIterations < 1 || threads < 1 || repeats < 1) {
      throw new IllegalArgumentException("rank, maxIterations, threads and repeats must be >= 1");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be >= 0: " + lambda);
    }
    boolean[] unseen = problem.unseenTest();
    int dropped = 0;
    for (boolean u : unseen) {
      dropped += u ? 1 : 0;
    }
    int numUsers = problem.numUsers();
    int numItems = problem.numItems();

    Path checkpointDir;
    try {
      checkpointDir = Files.createTempDirectory("smp-spark-als-checkpoints-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    SparkSession spark = newSession(threads);
    double sessionStart = seconds(t0);
    try {
      spark.sparkContext().setCheckpointDir(checkpointDir.toString());
      long t1 = System.nanoTime();
      Dataset<Row> train = ratingsFrame(spark, problem.trainUsers(), problem.trainItems(), problem.trainRatings())
          .repartition(threads)
          .cache();
      train.count(); // the input is built and cached before any timed fit
      double input = seconds(t1);

      ALS als = newAls(rank, lambda, threads, seed);
      Fit warmupFit = timedFit(spark, als.setMaxIter(maxIterations), train);
      warmupFit.release();
      double warmup = warmupFit.seconds;

      double[][] times = new double[maxIterations][repeats];
      double[] trainRmse = new double[maxIterations];
      double[] testRmse = new double[maxIterations];
      for (int r = 0; r < repeats; r++) {
        for (int iters = 1; iters <= maxIterations; iters++) {
          Fit fit = timedFit(spark, als.setMaxIter(iters), train);
          float[][] userFactors = collectFactors(fit.model.userFactors(), numUsers);
          float[][] itemFactors = collectFactors(fit.model.itemFactors(), numItems);
          fit.release();
          times[iters - 1][r] = fit.seconds;
          double tr = rmse(userFactors, itemFactors, problem.trainUsers(), problem.trainItems(),
              problem.trainRatings(), null);
          double te = rmse(userFactors, itemFactors, problem.testUsers(), problem.testItems(),
              problem.testRatings(), unseen);
          if (r == 0) {
            trainRmse[iters - 1] = tr;
            testRmse[iters - 1] = te;
          } else if (Double.compare(tr, trainRmse[iters - 1]) != 0 || Double.compare(te, testRmse[iters - 1]) != 0) {
            throw new IllegalStateException("ALS with " + iters + " iterations gave train/test RMSE " + tr + "/"
                + te + " in repeat " + (r + 1) + " but " + trainRmse[iters - 1] + "/" + testRmse[iters - 1]
                + " in the first");
          }
        }
      }
      List<AlsPoint> points = new ArrayList<>(maxIterations);
      for (int i = 0; i < maxIterations; i++) {
        points.add(new AlsPoint(i + 1, median(times[i]), trainRmse[i], testRmse[i]));
      }
      train.unpersist();
      return new Details(sessionStart, input, warmup, dropped, List.copyOf(points), times);
    } finally {
      spark.stop();
      deleteRecursively(checkpointDir);
    }
  }

  /** A local SparkSession with {@code threads} cores, no UI, {@code threads} shuffle partitions, on loopback. */
  static SparkSession newSession(int threads) {
    return SparkSession.builder()
        .appName("smp-spark-als-baseline")
        .master("local[" + threads + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(threads))
        .config("spark.default.parallelism", String.valueOf(threads))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  /** Spark's explicit-feedback ALS as configured for the benchmark (maxIter is set per fit). */
  static ALS newAls(int rank, double lambda, int threads, long seed) {
    return new ALS()
        .setUserCol("user")
        .setItemCol("item")
        .setRatingCol("rating")
        .setRank(rank)
        .setRegParam(lambda)
        .setImplicitPrefs(false)
        .setNonnegative(false)
        .setNumUserBlocks(threads)
        .setNumItemBlocks(threads)
        .setCheckpointInterval(CHECKPOINT_INTERVAL)
        .setColdStartStrategy("drop")
        .setSeed(seed);
  }

  /** Rows per slice when the driver's arrays are parallelized: keeps each task well under Spark's 1000 KiB hint. */
  private static final int ROWS_PER_SLICE = 20_000;

  /** A DataFrame (user int, item int, rating float) of the given ratings. */
  static Dataset<Row> ratingsFrame(SparkSession spark, int[] users, int[] items, float[] ratings) {
    StructType schema = new StructType()
        .add("user", DataTypes.IntegerType, false)
        .add("item", DataTypes.IntegerType, false)
        .add("rating", DataTypes.FloatType, false);
    List<Row> rows = new ArrayList<>(users.length);
    for (int k = 0; k < users.length; k++) {
      rows.add(RowFactory.create(users[k], items[k], ratings[k]));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(jsc.defaultParallelism(), (users.length + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
    return spark.createDataFrame(jsc.parallelize(rows, slices), schema);
  }

  private static final class Fit {
    final ALSModel model;
    final double seconds;
    final JavaSparkContext jsc;
    final Set<Integer> persistedBefore;

    Fit(ALSModel model, double seconds, JavaSparkContext jsc, Set<Integer> persistedBefore) {
      this.model = model;
      this.seconds = seconds;
      this.jsc = jsc;
      this.persistedBefore = persistedBefore;
    }

    /** Unpersists the RDDs this fit left cached (ALS keeps its final factors at MEMORY_AND_DISK). */
    void release() {
      jsc.getPersistentRDDs().forEach((id, rdd) -> {
        if (!persistedBefore.contains(id)) {
          rdd.unpersist(false);
        }
      });
    }
  }

  private static Fit timedFit(SparkSession spark, ALS als, Dataset<Row> train) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Set<Integer> before = new HashSet<>(jsc.getPersistentRDDs().keySet());
    long t0 = System.nanoTime();
    ALSModel model = als.fit(train);
    model.userFactors().count();
    model.itemFactors().count();
    return new Fit(model, seconds(t0), jsc, before);
  }

  /** The factor table (id int, features array&lt;float&gt;) as rows of a dense array; ids without a factor: null. */
  static float[][] collectFactors(Dataset<Row> factors, int n) {
    float[][] out = new float[n][];
    for (Row row : factors.collectAsList()) {
      int id = row.getInt(0);
      List<Object> features = row.getList(1);
      float[] f = new float[features.size()];
      for (int j = 0; j < f.length; j++) {
        f[j] = ((Number) features.get(j)).floatValue();
      }
      out[id] = f;
    }
    return out;
  }

  /**
   * Root mean squared error of u·v against the ratings, summed in double; ratings with {@code skip[k]} set (or
   * without a factor) are left out. NaN if none is left.
   */
  static double rmse(float[][] userFactors, float[][] itemFactors, int[] users, int[] items, float[] ratings,
                     boolean[] skip) {
    double sum = 0;
    long n = 0;
    for (int k = 0; k < ratings.length; k++) {
      if (skip != null && skip[k]) {
        continue;
      }
      float[] u = userFactors[users[k]];
      float[] v = itemFactors[items[k]];
      if (u == null || v == null) {
        continue;
      }
      double dot = 0;
      for (int j = 0; j < u.length; j++) {
        dot += (double) u[j] * v[j];
      }
      double e = ratings[k] - dot;
      sum += e * e;
      n++;
    }
    return n == 0 ? Double.NaN : Math.sqrt(sum / n);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort: a temp directory
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Command line

  private static final String USAGE = String.join("\n",
      "usage: java @smp-benchmarks-spark/jvm.flags -jar smp-benchmarks-spark/target/smp-benchmarks-spark.jar \\",
      "         --train FILE --test FILE [--rank 10] [--lambda 0.1] [--iterations 15] [--threads 2] [--seed 42]",
      "         [--repeats 1]",
      "FILEs: MovieLens u.data format, 'user item rating timestamp' separated by tabs or spaces (.xz read as xz).",
      "Prints 'iterations,fit_seconds,train_rmse,test_rmse' on stdout, one line per iteration count 1..N",
      "(fit_seconds: the median of --repeats timed fits);",
      "start-up, warm-up and dropped test ratings go to stderr as '# ' lines.");

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println(USAGE);
        return;
      }
      String key;
      String value;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        key = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else if (a.startsWith("--") && i + 1 < args.length) {
        key = a.substring(2);
        value = args[++i];
      } else {
        usageError("unexpected argument: " + a);
        return;
      }
      if (!Set.of("train", "test", "rank", "lambda", "iterations", "threads", "seed", "repeats").contains(key)) {
        usageError("unknown option: --" + key);
        return;
      }
      opts.put(key, value);
    }
    if (!opts.containsKey("train") || !opts.containsKey("test")) {
      usageError("--train and --test are required");
      return;
    }
    int rank;
    double lambda;
    int iterations;
    int threads;
    long seed;
    int repeats;
    try {
      rank = Integer.parseInt(opts.getOrDefault("rank", "10"));
      lambda = Double.parseDouble(opts.getOrDefault("lambda", "0.1"));
      iterations = Integer.parseInt(opts.getOrDefault("iterations", "15"));
      threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
      seed = Long.parseLong(opts.getOrDefault("seed", "42"));
      repeats = Integer.parseInt(opts.getOrDefault("repeats", "1"));
    } catch (NumberFormatException e) {
      usageError("not a number: " + e.getMessage());
      return;
    }

    Map<Integer, Integer> userIds = new HashMap<>();
    Map<Integer, Integer> itemIds = new HashMap<>();
    Ratings train = readRatings(Path.of(opts.get("train")), userIds, itemIds);
    Ratings test = readRatings(Path.of(opts.get("test")), userIds, itemIds);
    AlsProblem problem = new AlsProblem(train.users, train.items, train.ratings,
        test.users, test.items, test.ratings);

    PrintStream err = System.err;
    err.printf(Locale.ROOT, "# train %d ratings, test %d ratings, %d users, %d items; rank %d, lambda %s, "
            + "iterations 1..%d, local[%d], seed %d, repeats %d%n", problem.numTrain(), problem.numTest(),
        problem.numUsers(), problem.numItems(), rank, lambda, iterations, threads, seed, repeats);
    double jvmUpBefore = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    Details d = runDetailed(problem, rank, lambda, iterations, threads, seed, repeats);
    double jvmUpAfter = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    double fitTotal = Arrays.stream(d.fitSecondsByRepeat()).flatMapToDouble(Arrays::stream).sum();
    err.printf(Locale.ROOT, "# JVM start to data read %.2f s; Spark session start %.2f s; input DataFrame "
            + "(first job) %.2f s; warm-up fit (%d iterations, not reported) %.2f s; all timed fits %.2f s; "
            + "JVM up %.1f s in total%n", jvmUpBefore, d.sessionStartSeconds(), d.inputSeconds(), iterations,
        d.warmupFitSeconds(), fitTotal, jvmUpAfter);
    err.printf(Locale.ROOT, "# test ratings dropped (user or item unseen in training): %d of %d%n",
        d.droppedTestRatings(), problem.numTest());
    if (repeats > 1) {
      for (int i = 0; i < iterations; i++) {
        StringBuilder sb = new StringBuilder();
        for (double t : d.fitSecondsByRepeat()[i]) {
          sb.append(String.format(Locale.ROOT, " %.3f", t));
        }
        err.printf(Locale.ROOT, "# fit seconds, %d iterations, each repeat:%s%n", i + 1, sb);
      }
    }

    PrintStream out = System.out;
    out.println("iterations,fit_seconds,train_rmse,test_rmse");
    for (AlsPoint p : d.points()) {
      out.printf(Locale.ROOT, "%d,%.4f,%.6f,%.6f%n", p.iterations(), p.fitSeconds(), p.trainRmse(), p.testRmse());
    }
    out.flush();
  }

  private static void usageError(String message) {
    System.err.println("error: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }

  private record Ratings(int[] users, int[] items, float[] ratings) {}

  /**
   * Reads 'user item rating [timestamp]' lines (tab- or space-separated; a ".xz" file is decompressed), mapping
   * raw ids to dense indices in order of first appearance; the maps are shared so train and test agree.
   */
  private static Ratings readRatings(Path file, Map<Integer, Integer> userIds, Map<Integer, Integer> itemIds)
      throws IOException {
    int[] users = new int[1024];
    int[] items = new int[1024];
    float[] ratings = new float[1024];
    int n = 0;
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = file.getFileName().toString().endsWith(".xz") ? new XZInputStream(raw) : raw;
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("[\\t ]+");
        if (f.length < 3) {
          throw new IOException(file + ":" + lineNo + ": expected 'user item rating [timestamp]': " + line);
        }
        if (n == users.length) {
          users = Arrays.copyOf(users, 2 * n);
          items = Arrays.copyOf(items, 2 * n);
          ratings = Arrays.copyOf(ratings, 2 * n);
        }
        try {
          users[n] = userIds.computeIfAbsent(Integer.parseInt(f[0]), k -> userIds.size());
          items[n] = itemIds.computeIfAbsent(Integer.parseInt(f[1]), k -> itemIds.size());
          ratings[n] = Float.parseFloat(f[2]);
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + lineNo + ": not a number: " + line, e);
        }
        n++;
      }
    }
    return new Ratings(Arrays.copyOf(users, n), Arrays.copyOf(items, n),
        Arrays.copyOf(ratings, n));
  }
}
