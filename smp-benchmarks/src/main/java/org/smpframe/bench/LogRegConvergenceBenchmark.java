package org.smpframe.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smpframe.data.LabelRule;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegListener;
import org.smpframe.logreg.LogRegTracePoint;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.logreg.LogisticDesign;
import org.smpframe.runtime.embedded.EmbeddedRuntime;
import org.smpframe.schedulers.SchedulerSettings;

/**
 * Sparse logistic regression: solver seconds for SMPFrame (smp and random schedulers, 1 and 2 workers) to reach
 * the objective at which liblinear-java's L1R_LR stops, against liblinear's own time.
 *
 * <p>Per problem: λ = fraction · λ_max; liblinear runs {@code reps} times at C = 1/(nλ) with its stopping rule
 * (-e, default 0.01) after about a second of untimed warm-up solves (at least three); its objective (our scaling) is the target. Each of our
 * configurations is warmed up for about a second, then runs {@code reps} times (seeds 1..reps) until an
 * evaluation shows objective ≤ target; evaluations come every p/L rounds and are not counted in the solver
 * time. Medians are reported with every run's time and ratios.
 *
 * <pre>
 * java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.LogRegConvergenceBenchmark \
 *      [--data ../shared/data] [--problems a9a,w8a,arcene,golub,synthetic] [--reps 5] [--cap 30] [--eps 0.01]
 *      [--rho off,0.1]
 * </pre>
 */
public final class LogRegConvergenceBenchmark {
    static final List<String> NAMES = List.of("a9a", "w8a", "arcene", "golub", "synthetic", "tiny");
    static final List<String> DEFAULT = List.of("a9a", "w8a", "arcene", "golub", "synthetic");
    static final String USAGE = "usage: LogRegConvergenceBenchmark [--data DIR] [--problems "
            + String.join(",", NAMES) + "] [--reps N] [--cap SECONDS] [--eps E] [--block-size L] [--rho off,0.1]";

    private final Map<String, String> options;
    private final PrintStream out;

    LogRegConvergenceBenchmark(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h") || i + 1 >= args.length
                    || !args[i].startsWith("--")) {
                System.out.println(USAGE);
                System.exit(args[i].startsWith("-h") || args[i].equals("--help") ? 0 : 2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        new LogRegConvergenceBenchmark(options, System.out).run();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** A problem: data and its λ as a fraction of λ_max. */
    record Problem(String name, String description, LabeledDataset data, double lambdaFraction) {
    }

    static Problem load(String name, Path sharedData) {
        LibSvmReader.Options binary = LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY);
        switch (name) {
            case "a9a":
                return new Problem(name, "LIBSVM a9a (UCI Adult), 32561 x 123",
                        LibSvmReader.read(BenchProblems.find("logreg_a9a/a9a.xz", sharedData, "a9a"), binary), 0.01);
            case "w8a":
                return new Problem(name, "LIBSVM w8a, 49749 x 300",
                        LibSvmReader.read(BenchProblems.find("logreg_w8a/w8a.xz", sharedData, "w8a"), binary), 0.01);
            case "arcene":
                return new Problem(name, "ARCENE train, 100 x 10000", LibSvmReader.read(BenchProblems.find(
                        "logreg_arcene/arcene_train.libsvm.xz", sharedData, "ARCENE"), binary), 0.1);
            case "golub":
                return new Problem(name, "Golub leukemia train, 38 x 7129", LibSvmReader.read(BenchProblems.find(
                        BenchProblems.GOLUB, sharedData, "Golub leukemia data"), binary), 0.1);
            case "synthetic": {
                LogisticDesign d = new LogisticDesign(2000, 20000, 0.005, 10, 0.8, 50, 1);
                return new Problem(name, d.toString(), d.generate(), 0.1);
            }
            case "tiny": {
                LogisticDesign d = new LogisticDesign(200, 300, 0.05, 5, 0.8, 10, 1);
                return new Problem(name, d.toString(), d.generate(), 0.1);
            }
            default:
                throw new IllegalArgumentException("unknown problem '" + name + "'; known: " + String.join(", ", NAMES));
        }
    }

    void run() {
        out.println("# Sparse logistic regression: solver seconds to liblinear L1R_LR's final objective");
        out.println();
        StringBuilder cmd = new StringBuilder();
        options.forEach((k, v) -> cmd.append(" --").append(k).append(' ').append(v));
        out.println("command: java -cp smp-benchmarks/target/benchmarks.jar " + getClass().getName() + cmd);
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.vm.version"));
        String data = options.get("data");
        for (String name : option("problems", String.join(",", DEFAULT)).split(",")) {
            out.println();
            out.println("## " + name);
            Problem problem;
            try {
                problem = load(name, data == null ? null : Path.of(data));
            } catch (DataUnavailableException e) {
                out.println();
                out.println("SKIPPED " + name + ": " + e.getMessage());
                continue;
            }
            runProblem(problem);
        }
    }

    void runProblem(Problem problem) {
        int reps = Integer.parseInt(option("reps", "5"));
        double cap = Double.parseDouble(option("cap", "30"));
        double eps = Double.parseDouble(option("eps", "0.01"));
        int blockSize = Integer.parseInt(option("block-size", "16"));
        // The smp scheduler at each ρ; "off" (ρ > 1) keeps its priorities and drops the dependency filter.
        String[] rhoOptions = option("rho", "off,0.1").split(",");
        double[] rhos = new double[rhoOptions.length];
        for (int i = 0; i < rhos.length; i++) {
            rhos[i] = rhoOptions[i].equals("off") ? SchedulerSettings.NO_FILTER : Double.parseDouble(rhoOptions[i]);
        }
        LabeledDataset data = problem.data();
        double lambda = problem.lambdaFraction() * org.smpframe.logreg.LogRegProblem.of(data, true).lambdaMax();
        out.println();
        out.printf(Locale.ROOT, "%s: %d rows, %d features, %d nonzeros; lambda = %s * lambda_max = %.6g "
                + "(liblinear C = %.6g)%n", problem.description(), data.numRows(), data.numFeatures(),
                data.features().nnz(), problem.lambdaFraction(), lambda, 1.0 / (data.numRows() * lambda));
        out.println("load average at start: " + LassoConvergenceBenchmark.loadAverage());

        LiblinearL1Logistic peer = new LiblinearL1Logistic(data);
        // The same warm-up as ours below (about a second of discarded solves): on the small problems a solve takes
        // 10-40 ms, and a few solves leave liblinear's loops partly interpreted, which would flatter our ratios.
        long peerWarmEnd = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < 3 || i < 100 && System.nanoTime() < peerWarmEnd; i++) {
            peer.solve(lambda, eps);
        }
        double[] peerSeconds = new double[reps];
        LiblinearL1Logistic.Solve solve = null;
        for (int r = 0; r < reps; r++) {
            solve = peer.solve(lambda, eps);
            peerSeconds[r] = solve.seconds();
        }
        double target = solve.objective();
        double[] sorted = peerSeconds.clone();
        Arrays.sort(sorted);
        double peerMedian = sorted[(reps - 1) / 2];
        out.printf(Locale.ROOT, "liblinear L1R_LR -e %s: median %.4f s (runs %s), objective %.12g, %d nonzeros%n",
                eps, peerMedian, joined(peerSeconds), target, solve.nonzeros());
        out.printf(Locale.ROOT, "target objective: %.12g%n", target);
        out.println();
        out.println("| configuration | P | median s | runs (s) | vs liblinear | vs random, same P | median updates |");
        out.println("|---|---|---|---|---|---|---|");
        Map<Integer, Measurement> randomAt = new LinkedHashMap<>();
        List<RunSpec> specs = new ArrayList<>();
        int p = data.numFeatures() + 1;
        for (int workers : new int[] {1, 2}) {
            specs.add(new RunSpec("random", blockSize, SchedulerSettings.NO_FILTER, workers, 0,
                    Math.max(1, p / blockSize), 1, cap));
            for (double rho : rhos) {
                specs.add(new RunSpec("smp", blockSize, rho, workers, 0, Math.max(1, p / blockSize), 1, cap));
            }
        }
        for (RunSpec spec : specs) {
            long warmEnd = System.nanoTime() + 1_000_000_000L; // warm-up runs, discarded: JIT before timing
            for (int i = 0; i < 100 && System.nanoTime() < warmEnd; i++) {
                timeTo(data, lambda, spec.withCap(1.0), target);
            }
            List<RunOutcome> runs = new ArrayList<>();
            for (int r = 1; r <= reps; r++) {
                runs.add(timeTo(data, lambda, spec.withSeed(r), target));
            }
            Measurement m = new Measurement(spec, runs);
            if (spec.scheduler().equals("random")) {
                randomAt.put(spec.workers(), m);
            }
            double s = m.medianSeconds();
            out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", spec.label(), spec.workers(),
                    m.medianCell(), m.allSeconds(),
                    Double.isFinite(s) ? String.format(Locale.ROOT, "%.3gx", s / peerMedian) : "n/a",
                    m.ratioTo(randomAt.get(spec.workers())), m.medianUpdates() < 0 ? "-" : m.medianUpdates());
        }
    }

    private static String joined(double[] seconds) {
        StringBuilder b = new StringBuilder();
        for (double s : seconds) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", s));
        }
        return b.toString();
    }

    /** Solver seconds until the first evaluation at or below {@code target}. */
    static RunOutcome timeTo(LabeledDataset data, double lambda, RunSpec spec, double target) {
        LogRegConfig config = LogRegConfig.builder()
                .lambda(lambda)
                .tolerance(0)
                .relTolerance(0) // never stop on our own rules: the listener stops the run at the target
                .maxRounds(Long.MAX_VALUE / 2)
                .timeLimitSeconds(spec.capSeconds())
                .scheduler(spec.scheduler())
                .scheduling(SchedulerSettings.builder().blockSize(spec.blockSize()).rho(spec.rho()).etaFraction(0.1)
                        .candidateFactor(1).build())
                .pipelineDepth(spec.pipelineDepth())
                .evaluateEvery(spec.evaluateEvery())
                .seed(spec.seed())
                .traceMetrics(false)
                .build();
        LogRegTracePoint[] last = new LogRegTracePoint[1];
        LogRegListener watcher = p -> {
            last[0] = p;
            if (p.objective() <= target) {
                throw new Reached(new RunOutcome(RunOutcome.Status.REACHED, p.seconds(), p.updates(), p.round(),
                        p.objective(), ""));
            }
        };
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(spec.workers())) {
            new LogRegTrainer(config).fit(data, null, runtime, watcher);
        } catch (Reached r) {
            return r.outcome;
        } catch (RuntimeException e) {
            return new RunOutcome(RunOutcome.Status.DIVERGED, last[0] == null ? 0 : last[0].seconds(), 0, 0,
                    Double.NaN, "solver failed: " + e);
        }
        LogRegTracePoint p = last[0];
        return new RunOutcome(RunOutcome.Status.CAP, p.seconds(), p.updates(), p.round(), p.objective(), "");
    }

    /** Thrown by the listener to end a run at the target; carries the outcome. */
    private static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RunOutcome outcome;

        Reached(RunOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
