package org.smpframe.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smpframe.data.LabeledDataset;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoModel;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.LASSO;
import smile.regression.LinearModel;

/**
 * SMPFrame's Lasso against Smile 3.1.1's {@code smile.regression.LASSO} on the same problem.
 *
 * <h2>Matching the objectives</h2>
 * Smile's {@code LASSO.fit(formula, data, λ_s, tol, maxIter)} centres each column, divides it by its population
 * standard deviation s_j (Matrix.colSds: √(Σx²/n − μ²)), centres y, and minimizes by an interior-point method
 * <pre>
 *   G(w) = ‖X̃w − ỹ‖² + λ_s ‖w‖₁          (X̃ standardized; no ½, no 1/n)
 * </pre>
 * until its relative duality gap (pobj − dobj)/dobj &lt; tol (default 1e-4); it reports w_j / s_j and
 * b = ȳ − Σ_j μ_j w_j / s_j. SMPFrame with {@code standardize(true)} (also the population standard deviation)
 * minimizes F(β) = (1/2n)‖X̃β − ỹ‖² + λ‖β‖₁ on the same standardized columns. So G = 2n·F exactly when
 * <pre>
 *   λ = λ_s / (2n).
 * </pre>
 * The program checks this: it evaluates Smile's solution and a tight SMPFrame solution under F (with
 * {@link LassoObjective}, directly from the data) and reports how far apart they are, for this mapping and for
 * the two near misses λ_s/n and λ_s.
 *
 * <h2>Timing</h2>
 * Smile: wall time of {@code LASSO.fit} (its standardization included, the DataFrame built beforehand), after
 * about a second of warm-up fits (JIT). SMPFrame: solver time (evaluations excluded) of the smp scheduler to the first evaluation at
 * or below Smile's objective F(w_smile), and to f*(1 + 1e-6); plain sequential coordinate descent as well.
 * Medians of {@code --reps} runs.
 */
public final class SmileLassoComparison {
    static final String USAGE = String.join("\n",
            "usage: java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.SmileLassoComparison [options]",
            "  --problems a,b       problems (default cpusmall,diabetes)",
            "  --data DIR           shared data directory (default: first of ../shared/data, ../../shared/data)",
            "  --workers P          SMPFrame workers (default 2)",
            "  --block L            smp block size (default 4)",
            "  --rho R              smp rho (default 0.5)",
            "  --tolerances t1,...  Smile tolerances (relative duality gap; default 1e-4,1e-8)",
            "  --reps N             timed repetitions, median reported (default 3)");

    private SmileLassoComparison() {
    }

    public static void main(String[] args) {
        List<String> problems = List.of("cpusmall", "diabetes");
        Path data = null;
        int workers = 2;
        int block = 4;
        double rho = 0.5;
        double[] tolerances = {1e-4, 1e-8};
        int reps = 3;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (v == null) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                i++;
                switch (a) {
                    case "--problems" -> problems = List.of(v.split(","));
                    case "--data" -> data = Path.of(v);
                    case "--workers" -> workers = Integer.parseInt(v);
                    case "--block" -> block = Integer.parseInt(v);
                    case "--rho" -> rho = Double.parseDouble(v);
                    case "--tolerances" -> tolerances = Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble)
                            .toArray();
                    case "--reps" -> reps = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println("# SMPFrame Lasso vs Smile 3.1.1 smile.regression.LASSO");
        System.out.println();
        System.out.println("command: java -cp smp-benchmarks/target/benchmarks.jar " + SmileLassoComparison.class.getName()
                + " --problems " + String.join(",", problems) + (data == null ? "" : " --data " + data)
                + " --workers " + workers + " --block " + block + " --rho " + rho + " --tolerances "
                + String.join(",", Arrays.stream(tolerances).mapToObj(Double::toString).toList()) + " --reps " + reps);
        System.out.println("load average at start: " + LassoConvergenceBenchmark.loadAverage());
        List<String> rows = new ArrayList<>();
        for (String name : problems) {
            BenchProblem bench;
            try {
                bench = BenchProblems.load(name, data);
            } catch (DataUnavailableException e) {
                System.out.println();
                System.out.println("SKIPPED " + name + ": " + e.getMessage());
                continue;
            }
            rows.addAll(compare(bench, workers, block, rho, tolerances, reps));
        }
        System.out.println();
        System.out.println("## Time to Smile's objective (F = SMPFrame objective; medians of " + reps + ")");
        System.out.println();
        System.out.println("| problem | Smile tol | Smile s | F(Smile) / f* − 1 | smp P=" + workers + " s to F(Smile) "
                + "| Smile / smp | smp s to f*(1+1e-6) | sequential CD s to F(Smile) | Smile / CD |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("load average at end: " + LassoConvergenceBenchmark.loadAverage());
    }

    private static List<String> compare(BenchProblem bench, int workers, int block, double rho, double[] tolerances,
                                        int reps) {
        LabeledDataset data = bench.data();
        int n = data.numRows();
        int p = data.numFeatures();
        double lambda = bench.lambda();
        double lambdaSmile = 2 * n * lambda;
        System.out.println();
        System.out.println("## " + bench.name());
        System.out.println();
        System.out.println(bench.summary());
        System.out.printf(Locale.ROOT, "Smile lambda_s = 2 n lambda = %.10g%n", lambdaSmile);
        ReferenceOptimum ref = ReferenceOptimum.compute(bench, 60);
        System.out.println(ref);
        LassoObjective f = new LassoObjective(data, lambda, true);
        double[] ours = tightSolution(bench, lambda);
        System.out.printf(Locale.ROOT, "SMPFrame tight solution: F = %.15g (f* from the trace: %.15g)%n",
                f.value(ours), ref.objective());

        DataFrame frame = frame(data);
        Formula formula = Formula.lhs("y");
        List<String> rows = new ArrayList<>();
        for (double tol : tolerances) {
            LinearModel model = LASSO.fit(formula, frame, lambdaSmile, tol, 1000);
            long warmUpEnd = System.nanoTime() + 1_000_000_000L; // about a second of warm-up fits, as for SMPFrame
            while (System.nanoTime() < warmUpEnd) {
                model = LASSO.fit(formula, frame, lambdaSmile, tol, 1000);
            }
            double[] smileSeconds = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                model = LASSO.fit(formula, frame, lambdaSmile, tol, 1000);
                smileSeconds[r] = (System.nanoTime() - t0) * 1e-9;
            }
            double[] w = model.coefficients();
            double fSmile = f.value(w);
            System.out.println();
            System.out.printf(Locale.ROOT, "Smile tol=%s: %s s; intercept %.10g; F(w_smile) = %.15g = f*(1 %+.3e)%n",
                    tol, Arrays.toString(round(smileSeconds)), model.intercept(), fSmile, fSmile / ref.objective() - 1);
            verifyMapping(bench, f, ours, w, lambda, n);

            double smileMedian = median(smileSeconds);
            RunSpec smp = new RunSpec("smp", Math.min(block, p), rho, workers, 0, 1, 1, 20);
            RunSpec cd = new RunSpec("cyclic", 1, rho, 1, 0, Math.max(1, p / 10), 1, 20);
            Measurement toSmile = repeat(bench, smp, fSmile, reps);
            Measurement toTarget = repeat(bench, smp, ref.objective() * (1 + LassoConvergenceBenchmark.TARGET), reps);
            Measurement cdToSmile = repeat(bench, cd, fSmile, reps);
            System.out.println("smp " + smp.label() + " to F(Smile): " + toSmile.allSeconds() + " s, updates "
                    + toSmile.medianUpdates() + "; to f*(1+1e-6): " + toTarget.allSeconds() + " s");
            System.out.println("sequential CD to F(Smile): " + cdToSmile.allSeconds() + " s, updates "
                    + cdToSmile.medianUpdates());
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.3g | %.2e | %s | %s | %s | %s | %s |", bench.name(), tol,
                    smileMedian, fSmile / ref.objective() - 1, toSmile.medianCell(),
                    ratio(smileMedian, toSmile.medianSeconds()), toTarget.medianCell(), cdToSmile.medianCell(),
                    ratio(smileMedian, cdToSmile.medianSeconds())));
        }
        return rows;
    }

    /**
     * Evidence for λ = λ_s/(2n): Smile's solution is (nearly) optimal for F at that λ, and clearly not at the two
     * near-miss scalings λ_s/n and λ_s.
     */
    private static void verifyMapping(BenchProblem bench, LassoObjective f, double[] ours, double[] smile,
                                      double lambda, int n) {
        // Compare the standardized coefficients: ‖s ∘ (β − w)‖₁ relative to ‖s ∘ β‖₁.
        LassoObjective scaleOnly = new LassoObjective(bench.data(), 1.0, true);
        double l1 = scaleOnly.weightedL1(ours);
        double[] d = new double[ours.length];
        for (int j = 0; j < ours.length; j++) {
            d[j] = ours[j] - smile[j];
        }
        double relL1 = scaleOnly.weightedL1(d) / l1;
        System.out.printf(Locale.ROOT, "mapping lambda = lambda_s/(2n): ||s.(beta_ours - w_smile)||_1 / ||s.beta_ours||_1"
                + " = %.2e; F(w_smile) - F(beta_ours) = %.3e (relative %.2e)%n", relL1,
                f.value(smile) - f.value(ours), (f.value(smile) - f.value(ours)) / f.value(ours));
        for (double factor : new double[] {2, 2.0 * n}) {
            double wrong = lambda * factor;
            double[] oursWrong = tightSolution(bench, wrong);
            LassoObjective g = new LassoObjective(bench.data(), wrong, true);
            double[] e = new double[ours.length];
            for (int j = 0; j < ours.length; j++) {
                e[j] = oursWrong[j] - smile[j];
            }
            double norm = scaleOnly.weightedL1(oursWrong);
            System.out.printf(Locale.ROOT, "  near miss lambda = %s: %s; F(w_smile) / F(beta) - 1 = %.2e%n",
                    factor == 2 ? "lambda_s/n" : "lambda_s",
                    norm == 0 ? "the optimum there is beta = 0 (lambda >= lambda_max)"
                            : String.format(Locale.ROOT, "||s.(beta - w_smile)||_1 / ||s.beta||_1 = %.2e",
                            scaleOnly.weightedL1(e) / norm),
                    g.value(smile) / g.value(oursWrong) - 1);
        }
    }

    /** A tight SMPFrame solution (sequential CD, gap ≤ 1e-12 relative) on the original scale. */
    private static double[] tightSolution(BenchProblem bench, double lambda) {
        LassoConfig config = LassoConfig.builder().lambda(lambda).tolerance(1e-12).scheduler("cyclic").blockSize(1)
                .pipelineDepth(0).standardize(true).maxRounds(100_000_000).timeLimitSeconds(60).build();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(1)) {
            LassoModel m = new LassoTrainer(config).fit(bench.data(), runtime, LassoListener.NONE).finalModel();
            return m.coefficients();
        }
    }

    private static Measurement repeat(BenchProblem bench, RunSpec spec, double target, int reps) {
        List<RunOutcome> runs = new ArrayList<>();
        ConvergenceRun.warmUp(bench, spec, target, 1.0);
        for (int r = 1; r <= reps; r++) {
            runs.add(ConvergenceRun.run(bench, spec.withSeed(r), target));
        }
        return new Measurement(spec, runs);
    }

    /** The data as a Smile DataFrame: columns V1..Vp and the target y. */
    static DataFrame frame(LabeledDataset data) {
        double[][] x = data.features().toDense();
        return DataFrame.of(x).merge(DoubleVector.of("y", data.labels()));
    }

    private static String ratio(double a, double b) {
        return Double.isFinite(b) ? String.format(Locale.ROOT, "%.2gx", a / b) : "n/a";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(s.length - 1) / 2];
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray();
    }
}
