package org.smpframe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsReader;
import org.smpframe.data.RatingsSplit;
import org.smpframe.mf.LowRankRatings;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfMethod;
import org.smpframe.mf.MfProblem;
import org.smpframe.mf.MfTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Time to a target test RMSE on MovieLens 100K (the official u1.base / u1.test split) for our scheduled CCD++
 * (rotation) and the unscheduled Hogwild SGD baseline, at 1 and 2 workers. The target is what Spark MLlib's
 * ALS reaches with the same rank and λ (its objective is our weighted one), measured by the Spark module
 * ({@code smp-benchmarks-spark}) and passed with {@code --target}; the Spark time with {@code --spark-seconds}
 * turns our times into ratios.
 *
 * <p>Times are solver time from the runtime's trace (evaluation excluded; the test RMSE of CCD++ is computed
 * inside its last cycle of each iteration and so is counted), the median of {@code --reps} runs after a warm-up
 * run of each configuration.
 */
public final class MfConvergenceBenchmark {
    /** One evaluation: after {@code iteration} outer iterations, at {@code seconds} of solver time. */
    public record Point(int iteration, double seconds, double trainRmse, double testRmse, double objective) {
    }

    private MfConvergenceBenchmark() {
    }

    static final double OBJECTIVE_SLACK = 0.01;
    static final int REFERENCE_ITERATIONS = 100;

    /** The objective after a long CCD++ run on one worker: f*, up to its last digits. */
    public static double referenceObjective(MfProblem problem, int rank, double lambda) {
        List<Point> t = trace(problem, MfConfig.builder().rank(rank).lambda(lambda).iterations(REFERENCE_ITERATIONS)
                .build(), 1);
        return t.get(t.size() - 1).objective();
    }

    /** The iterations of one fit, evaluated after each. */
    public static List<Point> trace(MfProblem problem, MfConfig config, int workers) {
        List<Point> points = new ArrayList<>();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            new MfTrainer(config).fit(problem, runtime, p -> points.add(new Point(
                    (int) p.evaluation().get("iteration"), p.seconds(), p.evaluation().get("train_rmse"),
                    p.evaluation().get("test_rmse"), p.evaluation().objective())));
        }
        return points;
    }

    /** Seconds until the test RMSE first reaches {@code target}, or NaN if it never does. */
    public static double secondsTo(List<Point> trace, double target) {
        for (Point p : trace) {
            if (p.testRmse() <= target) {
                return p.seconds();
            }
        }
        return Double.NaN;
    }

    /**
     * The official u1 split of MovieLens 100K under {@code dataDir} (test ratings of users or items unseen in
     * training skipped), or an exception saying what is missing.
     */
    public static RatingsSplit.Split movieLensU1(Path dataDir) {
        Path dir = dataDir.resolve("movielens_100k");
        Path base = dir.resolve("u1.base.xz");
        Path test = dir.resolve("u1.test.xz");
        if (!Files.isRegularFile(base) || !Files.isRegularFile(test)) {
            throw new DataUnavailableException("MovieLens 100K not found: expected " + base + " and " + test);
        }
        Ratings train = RatingsReader.read(base, RatingsReader.Options.defaults());
        Ratings testRatings = RatingsReader.read(test, RatingsReader.Options.defaults().withIdsOf(train)
                .withUnknownIds(RatingsReader.UnknownIds.SKIP));
        return new RatingsSplit.Split(train, testRatings);
    }

    public static void main(String[] args) {
        Path data = null;
        int rank = 10;
        double lambda = 0.1;
        double target = Double.NaN;
        double sparkSeconds = Double.NaN;
        int reps = 3;
        int iterations = 15;
        int sgdIterations = 100;
        int inner = MfConfig.builder().build().innerIterations();
        double learningRate = 0.07; // hogwild: best of 0.01, 0.03, 0.05, 0.07, 0.1 on u1 (0.1 diverges at 2 workers)
        int[] workers = {1, 2};
        boolean scalingOnly = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--scaling")) { // the only flag without a value
                scalingOnly = true;
                continue;
            }
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(v);
                case "--rank" -> rank = Integer.parseInt(v);
                case "--lambda" -> lambda = Double.parseDouble(v);
                case "--target" -> target = Double.parseDouble(v);
                case "--spark-seconds" -> sparkSeconds = Double.parseDouble(v);
                case "--reps" -> reps = Integer.parseInt(v);
                case "--iterations" -> iterations = Integer.parseInt(v);
                case "--sgd-iterations" -> sgdIterations = Integer.parseInt(v);
                case "--inner" -> inner = Integer.parseInt(v);
                case "--learning-rate" -> learningRate = Double.parseDouble(v);
                case "--workers" -> workers = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
            i++;
        }
        if (scalingOnly) {
            scaling(workers, reps);
            return;
        }
        if (data == null) {
            data = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data") : Path.of("../../shared/data");
        }
        if (Double.isNaN(target)) {
            System.err.println("--target RMSE is required (what Spark ALS reaches; see docs/benchmarks-mf.md)\n" + USAGE);
            System.exit(2);
        }
        MfProblem problem;
        try {
            RatingsSplit.Split u1 = movieLensU1(data);
            problem = MfProblem.of(u1.train(), u1.test());
        } catch (DataUnavailableException e) {
            System.out.println("skipped: " + e.getMessage());
            return;
        }
        double targetObjective = referenceObjective(problem, rank, lambda) * (1 + OBJECTIVE_SLACK);
        System.out.printf(Locale.ROOT, "MovieLens 100K u1: %d train, %d test ratings; rank %d, lambda %s (weighted); "
                + "target test RMSE %.4f, target objective %.1f (1%% above CCD++ after %d iterations); median of %d "
                + "runs%n", problem.numRatings(), problem.numTestRatings(), rank, lambda, target, targetObjective,
                REFERENCE_ITERATIONS, reps);
        System.out.println(Row.HEADER);
        for (MfMethod method : MfMethod.values()) {
            for (int p : workers) {
                MfConfig config = MfConfig.builder().method(method).rank(rank).lambda(lambda)
                        .iterations(method == MfMethod.HOGWILD ? sgdIterations : iterations).innerIterations(inner)
                        .learningRate(learningRate).build();
                System.out.println(measure(problem, config, p, target, targetObjective, reps).csv(sparkSeconds));
            }
        }
    }

    /**
     * One configuration's result.
     *
     * @param secondsToTarget     median solver seconds to the target test RMSE (NaN if the median run missed it)
     * @param secondsToObjective  median solver seconds to the target training objective (NaN: missed or no target)
     * @param bestTestRmse        the lowest test RMSE any run reached
     * @param bestObjective       the lowest objective any run reached
     * @param secondsPerIteration mean solver seconds per outer iteration
     */
    public record Row(MfMethod method, int workers, double secondsToTarget, double secondsToObjective,
                      double bestTestRmse, double bestObjective, double secondsPerIteration) {
        public static final String HEADER = "method,workers,seconds_to_target_rmse,ratio_to_spark,"
                + "seconds_to_objective,best_test_rmse,best_objective,seconds_per_iteration";

        /** The row as CSV, with the ratio to {@code sparkSeconds} (NaN for none). */
        public String csv(double sparkSeconds) {
            return String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%.4f,%.1f,%.4f", method.cliName(), workers,
                    seconds(secondsToTarget), Double.isNaN(secondsToTarget) || Double.isNaN(sparkSeconds) ? "-"
                            : String.format(Locale.ROOT, "%.3f", secondsToTarget / sparkSeconds),
                    seconds(secondsToObjective), bestTestRmse, bestObjective, secondsPerIteration);
        }

        private static String seconds(double s) {
            return Double.isNaN(s) ? "not reached" : String.format(Locale.ROOT, "%.3f", s);
        }
    }

    /**
     * Runs {@code config} once to warm up, then {@code reps} times with seeds 1..reps, and summarizes the times to
     * the test RMSE {@code targetRmse} and to the objective {@code targetObjective} (NaN: not measured).
     */
    public static Row measure(MfProblem problem, MfConfig config, int workers, double targetRmse,
                              double targetObjective, int reps) {
        trace(problem, config, workers); // warm-up: JIT and caches
        double[] times = new double[reps];
        double[] objectiveTimes = new double[reps];
        double best = Double.POSITIVE_INFINITY;
        double bestObjective = Double.POSITIVE_INFINITY;
        double perIteration = 0;
        for (int r = 0; r < reps; r++) {
            List<Point> t = trace(problem, config.toBuilder().seed(r + 1).build(), workers);
            times[r] = secondsTo(t, targetRmse);
            objectiveTimes[r] = Double.NaN;
            for (Point pt : t) {
                best = Math.min(best, pt.testRmse());
                bestObjective = Math.min(bestObjective, pt.objective());
                if (Double.isNaN(objectiveTimes[r]) && pt.objective() <= targetObjective) {
                    objectiveTimes[r] = pt.seconds();
                }
            }
            perIteration += t.get(t.size() - 1).seconds() / t.size() / reps;
        }
        return new Row(config.method(), workers, median(times), median(objectiveTimes), best, bestObjective,
                perIteration);
    }

    /**
     * Seconds per outer iteration of both methods at each worker count on a synthetic 20,000 × 5,000 rank-10
     * matrix with about a million ratings: MovieLens 100K is too small to show parallel speed-up (a rotation
     * round there is tens of microseconds of work).
     */
    static void scaling(int[] workers, int reps) {
        Ratings r = LowRankRatings.generate(20_000, 5_000, 10, 0.01, 3.5, 0.5, 1);
        MfProblem problem = MfProblem.of(r, null);
        System.out.printf(Locale.ROOT, "synthetic %d users x %d items, %d ratings, rank 10, 5 iterations, median of %d%n",
                r.numUsers(), r.numItems(), r.size(), reps);
        System.out.println("method,workers,seconds_per_iteration,speedup_over_1_worker,objective");
        for (MfMethod method : MfMethod.values()) {
            double one = Double.NaN;
            for (int p : workers) {
                MfConfig config = MfConfig.builder().method(method).rank(10).lambda(0.05).iterations(5).build();
                trace(problem, config, p);
                double[] perIteration = new double[reps];
                double objective = Double.NaN;
                for (int k = 0; k < reps; k++) {
                    List<Point> t = trace(problem, config, p);
                    perIteration[k] = t.get(t.size() - 1).seconds() / t.size();
                    objective = t.get(t.size() - 1).objective();
                }
                double m = median(perIteration);
                if (p == 1) {
                    one = m;
                }
                System.out.printf(Locale.ROOT, "%s,%d,%.4f,%.2f,%.6g%n", method.cliName(), p, m, one / m, objective);
            }
        }
    }

    /** Median, with runs that never reached the target (NaN) counted as slowest. */
    static double median(double[] values) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(v);
        double m = v[v.length / 2];
        return Double.isInfinite(m) ? Double.NaN : m;
    }

    static final String USAGE = String.join("\n",
            "usage: java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.MfConvergenceBenchmark --target RMSE [options]",
            "  --target RMSE        test RMSE to reach (Spark ALS's, from smp-benchmarks-spark)",
            "  --spark-seconds S    Spark ALS's time to the target, to print ratios",
            "  --data DIR           shared data directory (default ../shared/data)",
            "  --rank R --lambda L  model (default 10, 0.1 weighted: Spark's regParam)",
            "  --iterations N       rotation: CCD++ iterations per run (default 15)",
            "  --inner T            rotation: CCD++ inner iterations (default: MfConfig's)",
            "  --sgd-iterations N   hogwild: epochs per run (default 100)",
            "  --learning-rate ETA  hogwild step size (default 0.07, tuned on u1)",
            "  --workers 1,2        worker counts (default 1,2)",
            "  --reps N             measured runs per configuration, after one warm-up (default 3)",
            "  --scaling            instead: seconds per iteration at each worker count on 1M synthetic ratings");
}
