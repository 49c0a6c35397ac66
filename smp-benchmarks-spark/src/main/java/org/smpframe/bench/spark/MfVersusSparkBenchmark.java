package org.smpframe.bench.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.smpframe.bench.MfConvergenceBenchmark;
import org.smpframe.data.RatingsSplit;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfMethod;
import org.smpframe.mf.MfProblem;

/**
 * The matrix-factorization benchmark of docs/benchmarks-mf.md: on MovieLens 100K u1 (same dense ids for both),
 * Spark MLlib's ALS runs first (local[T], rank R, regParam λ, 1..N iterations, each count fitted from scratch
 * and timed after a warm-up fit); its final test RMSE is the target and its time to that RMSE the reference.
 * Then, after Spark has stopped, our rotation CCD++ and Hogwild SGD (same rank and weighted λ, the objective
 * Spark's ALS minimizes) run at 1 and T workers, and the times to the target are printed as ratios.
 *
 * <pre>
 * java @smp-benchmarks-spark/jvm.flags -cp "smp-benchmarks-spark/target/smp-benchmarks-spark.jar" \
 *     org.smpframe.bench.spark.MfVersusSparkBenchmark --data ../shared/data
 * </pre>
 */
public final class MfVersusSparkBenchmark {
  private MfVersusSparkBenchmark() {}

  public static void main(String[] args) {
    Path data = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data") : Path.of("../../shared/data");
    int rank = 10;
    double lambda = 0.1;
    int sparkIterations = 15;
    int threads = 2;
    int reps = 3;
    int ourIterations = 15;
    int sgdIterations = 100;
    double learningRate = 0.07; // the best of 0.01, 0.03, 0.05, 0.07, 0.1 for hogwild here (0.1 diverges at 2 workers)
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--data" -> data = Path.of(v);
        case "--rank" -> rank = Integer.parseInt(v);
        case "--lambda" -> lambda = Double.parseDouble(v);
        case "--spark-iterations" -> sparkIterations = Integer.parseInt(v);
        case "--iterations" -> ourIterations = Integer.parseInt(v);
        case "--sgd-iterations" -> sgdIterations = Integer.parseInt(v);
        case "--learning-rate" -> learningRate = Double.parseDouble(v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--reps" -> reps = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; known: --data --rank --lambda --spark-iterations --iterations --sgd-iterations --learning-rate"
            + " --threads --reps");
      }
    }
    RatingsSplit.Split u1;
    try {
      u1 = MfConvergenceBenchmark.movieLensU1(data);
    } catch (RuntimeException e) {
      System.out.println("skipped: " + e.getMessage());
      return;
    }
    AlsProblem als = new AlsProblem(u1.train().users(), u1.train().items(), u1.train().values(),
        u1.test().users(), u1.test().items(), u1.test().values());
    SparkAlsBaseline.Details spark =
        SparkAlsBaseline.runDetailed(als, rank, lambda, sparkIterations, threads, 42, reps);
    List<AlsPoint> points = spark.points();
    double target = points.get(points.size() - 1).testRmse();
    double sparkSeconds = Double.NaN;
    int sparkIterationsToTarget = 0;
    for (AlsPoint p : points) {
      if (p.testRmse() <= target) {
        sparkSeconds = p.fitSeconds();
        sparkIterationsToTarget = p.iterations();
        break;
      }
    }
    System.out.printf(Locale.ROOT, "MovieLens 100K u1: %d train, %d test ratings; rank %d, lambda %s (weighted), "
        + "%d threads/workers, median of %d%n", u1.train().size(), u1.test().size(), rank, lambda, threads, reps);
    System.out.printf(Locale.ROOT, "spark ALS: test RMSE %.4f after %d iterations in %.3f s (fit only; session start "
        + "%.1f s, first job %.1f s, warm-up fit %.1f s not counted)%n", target, sparkIterationsToTarget,
        sparkSeconds, spark.sessionStartSeconds(), spark.inputSeconds(), spark.warmupFitSeconds());
    System.out.println(MfConvergenceBenchmark.Row.HEADER);
    System.out.printf(Locale.ROOT, "spark-als,%d,%.3f,1.000,-,%.4f,-,%.4f%n", threads, sparkSeconds, target,
        sparkSeconds / sparkIterationsToTarget);
    MfProblem problem = MfProblem.of(u1.train(), u1.test());
    for (MfMethod method : MfMethod.values()) {
      for (int p : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
        MfConfig config = MfConfig.builder().method(method).rank(rank).lambda(lambda)
            .iterations(method == MfMethod.HOGWILD ? sgdIterations : ourIterations).learningRate(learningRate)
            .build();
        System.out.println(MfConvergenceBenchmark.measure(problem, config, p, target, Double.NaN, reps)
            .csv(sparkSeconds));
      }
    }
  }
}
