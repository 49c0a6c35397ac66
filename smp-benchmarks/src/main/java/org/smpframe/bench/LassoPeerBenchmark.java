package org.smpframe.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smpframe.api.StopRequest;
import org.smpframe.data.ColumnScaling;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.CorrelatedDesign;
import org.smpframe.lasso.LassoAggregator;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoProblem;
import org.smpframe.lasso.LassoResult;
import org.smpframe.lasso.LassoStage;
import org.smpframe.lasso.LassoTracePoint;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.linear.RegularizationPath;
import org.smpframe.linear.kernel.DenseKernels;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * The Lasso against the tools a user would otherwise pick, on the same machine in the same run: scikit-learn's
 * {@code Lasso} and {@code lasso_path} ({@code /usr/bin/python3}, one BLAS thread) and glmnet ({@code Rscript}).
 *
 * <p>For each problem:
 * <ol>
 *   <li>f* is computed by the smp scheduler, one worker, to a duality gap ≤ 1e-12·f (certified); the target is
 *       f*(1 + 1e-6).</li>
 *   <li>SMPFrame's time is the wall time of {@code LassoTrainer.fit} on the problem already prepared (columns
 *       standardized if the problem is, as the peers get them), evaluations included, to the first evaluation at
 *       or below the target; also to the first certified stop at the default tolerance (gap ≤ 1e-6·objective).
 *       The data's column copies are made before timing, as the peers are handed a ready Fortran-order array.
 *       Warm-up: about two seconds of discarded runs, so that nothing is timed before the JIT compiled it.</li>
 *   <li>The peers' time is their fit's own (data already in memory), the median of {@code --reps} fits, at the
 *       loosest tolerance of a scan whose objective reaches the target: what a user would have to find.</li>
 *   <li>The path: 100 λ from λ_max down to the problem's λ (log grid, warm starts), every λ to 1e-6 relative of its
 *       own optimum (computed to a certified 1e-11 first): SMPFrame at its default tolerance (each λ certified), glmnet
 *       at the loosest threshold that reaches 1e-6 at every λ.</li>
 * </ol>
 * Ratios are SMPFrame / peer (below 1: SMPFrame is faster). Tables are printed as Markdown.
 */
public final class LassoPeerBenchmark {
    static final double TARGET = 1e-6;
    static final int PATH_LENGTH = 100;
    static final double WARMUP_SECONDS = 2.0;
    static final List<String> NAMES = List.of("synthetic", "synthetic-20k", "heldout", "golub");
    static final String SKLEARN_TOLS = "1e-2,3e-3,1e-3,3e-4,1e-4,3e-5,1e-5,3e-6,1e-6,1e-7,1e-8";
    static final String GLMNET_THRESHS = "1e-7,3e-8,1e-8,3e-9,1e-9,3e-10,1e-10,1e-11,1e-12,1e-13";

    /** One benchmark problem: the data as solved (standardized if asked), its intercept and λ. */
    record Problem(String name, String description, LassoProblem problem, LabeledDataset solved, boolean intercept,
                   double lambda) {
        double lambdaMax() {
            return problem.lambdaMax();
        }
    }

    /** One SMPFrame configuration: scheduler and workers. */
    record Solver(String scheduler, int workers) {
        String label() {
            return scheduler + ", P = " + workers;
        }
    }

    private final PrintStream out;
    private final int reps;
    private final Path dataDir;
    private final boolean peers;
    private final Path scratch;

    LassoPeerBenchmark(PrintStream out, int reps, Path dataDir, boolean peers) throws IOException {
        this.out = out;
        this.reps = reps;
        this.dataDir = dataDir;
        this.peers = peers;
        this.scratch = Files.createTempDirectory("smp-lasso-peers");
    }

    public static void main(String[] args) throws IOException {
        List<String> names = new ArrayList<>(List.of("synthetic", "heldout", "golub"));
        int reps = 5;
        Path data = null;
        boolean peers = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--problems" -> names = List.of(args[++i].split(","));
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--no-peers" -> peers = false;
                case "--help", "-h" -> {
                    System.out.println("usage: LassoPeerBenchmark [--problems " + String.join(",", NAMES)
                            + "] [--reps N] [--data DIR] [--no-peers]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        LassoPeerBenchmark b = new LassoPeerBenchmark(System.out, reps, data, peers);
        try {
            b.run(names, args);
        } finally {
            b.cleanUp();
        }
    }

    void run(List<String> names, String[] args) throws IOException {
        out.println("# Lasso against scikit-learn and glmnet: wall seconds to objective <= f*(1 + " + TARGET + ")");
        out.println();
        out.println("command: java --add-modules=jdk.incubator.vector -cp smp-benchmarks/target/benchmarks.jar "
                + getClass().getName() + " " + String.join(" ", args));
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.vm.version") + ", kernels " + DenseKernels.implementation());
        for (String name : names) {
            Problem p;
            try {
                p = load(name);
            } catch (DataUnavailableException e) {
                out.println();
                out.println("SKIPPED " + name + ": " + e.getMessage());
                continue;
            }
            runProblem(p);
        }
    }

    Problem load(String name) {
        return switch (name) {
            case "synthetic" -> synthetic(name, new CorrelatedDesign(200, 5000, 10, 0.9, 20, 0.5, 1), 0.05, false);
            case "synthetic-20k" -> synthetic(name, new CorrelatedDesign(200, 20000, 10, 0.9, 20, 0.5, 1), 0.05,
                    false);
            // A dense correlated p >> n design none of the code was tuned on, at a λ with about 140 nonzeros.
            case "heldout" -> synthetic(name, new CorrelatedDesign(300, 8000, 4, 0.7, 60, 1.0, 11), Double.NaN, true);
            case "golub" -> {
                LabeledDataset data = LibSvmReader.read(BenchProblems.find(BenchProblems.GOLUB, dataDir,
                        "Golub leukemia data"));
                ColumnScaling scaling = ColumnScaling.unitVariance(data.features());
                LabeledDataset scaled = new LabeledDataset(data.source(), scaling.apply(data.features()),
                        data.labels(), null);
                LassoProblem problem = LassoProblem.of(scaled, true, false);
                yield new Problem(name, "Golub leukemia train (" + BenchProblems.GOLUB + "), standardized columns",
                        problem, scaled, true, 0.1 * problem.lambdaMax());
            }
            default -> throw new IllegalArgumentException("unknown problem '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }

    private static Problem synthetic(String name, CorrelatedDesign d, double lambda, boolean intercept) {
        LabeledDataset data = d.generate();
        LassoProblem problem = LassoProblem.of(data, intercept, false);
        double l = Double.isNaN(lambda) ? 0.04 * problem.lambdaMax() : lambda;
        return new Problem(name, d + (intercept ? ", intercept" : ", no intercept"), problem, data, intercept, l);
    }

    void runProblem(Problem p) throws IOException {
        out.println();
        out.println("## " + p.name());
        out.println();
        out.printf(Locale.ROOT, "%s: n=%d, p=%d, lambda=%.6g (%.4g*lambda_max)%n", p.description(),
                p.problem().numRows(), p.problem().numFeatures(), p.lambda(), p.lambda() / p.lambdaMax());
        p.problem().centeredDenseColumns(); // the solver's column copy, made before any timing
        LassoResult ref = fit(p, config(p, "smp", 1e-12).build(), 1, LassoListener.NONE);
        LassoStage best = ref.stages().get(0);
        double fStar = best.objective();
        double gap = best.summary().last().evaluation().get(LassoAggregator.GAP);
        double target = fStar * (1 + TARGET);
        out.printf(Locale.ROOT, "f* = %.15g (certified: gap %.2e = %.1e relative), %d nonzeros; target %.15g%n",
                fStar, gap, gap / fStar, best.model().nonzeros(), target);
        out.println("load average at start: " + loadAverage());

        List<Solver> solvers = List.of(new Solver("smp", 1), new Solver("smp", 2), new Solver("random", 1),
                new Solver("random", 2), new Solver("cyclic", 1));
        for (Solver s : solvers) {
            warmUp(p, s, target);
        }
        List<double[]> ours = new ArrayList<>(); // per solver: {seconds to target, seconds to certified 1e-6}
        for (Solver s : solvers) {
            ours.add(measure(p, s, target));
        }
        String sk = peers ? sklearnSingle(p, target) : null;
        String gl = peers ? glmnetSingle(p, target) : null;
        out.println();
        out.println("### One lambda: wall seconds to the target (median of " + reps + ")");
        out.println();
        out.println("| solver | to target | to its certified stop (gap <= 1e-6 f) | vs scikit-learn | vs glmnet |");
        out.println("|---|---:|---:|---:|---:|");
        double skSeconds = seconds(sk);
        double glSeconds = seconds(gl);
        for (int i = 0; i < solvers.size(); i++) {
            double[] m = ours.get(i);
            out.printf(Locale.ROOT, "| SMPFrame %s | %s | %s | %s | %s |%n", solvers.get(i).label(), cell(m[0]),
                    cell(m[1]), ratio(m[0], skSeconds), ratio(m[0], glSeconds));
        }
        out.printf(Locale.ROOT, "| scikit-learn Lasso (1 thread) | %s | | 1 | |%n", sk == null ? "skipped" : sk);
        out.printf(Locale.ROOT, "| glmnet | %s | | | 1 |%n", gl == null ? "skipped" : gl);
        double smpRandomP1 = ours.get(2)[0] / ours.get(0)[0];
        double smpRandomP2 = ours.get(3)[0] / ours.get(1)[0];
        out.printf(Locale.ROOT, "%nsmp vs random (time ratio random/smp): P = 1 %.1fx, P = 2 %.1fx%n", smpRandomP1,
                smpRandomP2);
        path(p);
        out.printf(Locale.ROOT, "%nload average at end: %s%n", loadAverage());
        out.flush();
    }

    private LassoConfig.Builder config(Problem p, String scheduler, double tolerance) {
        return LassoConfig.builder().lambda(p.lambda()).scheduler(scheduler).intercept(p.intercept())
                .layout("features").blockSize(Integer.MAX_VALUE).pipelineDepth(0).tolerance(tolerance)
                .maxRounds(100_000_000);
    }

    private static LassoResult fit(Problem p, LassoConfig config, int workers, LassoListener listener) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LassoTrainer(config).fit(p.problem(), p.name(), runtime, listener);
        }
    }

    private void warmUp(Problem p, Solver s, double target) {
        long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        while (System.nanoTime() < end) {
            once(p, s, target);
        }
    }

    /** Medians over the reps of {time to target, time to the first check with gap ≤ 1e-6·objective}. */
    private double[] measure(Problem p, Solver s, double target) {
        double[] toTarget = new double[reps];
        double[] toStop = new double[reps];
        for (int r = 0; r < reps; r++) {
            double[] t = once(p, s, target);
            toTarget[r] = t[0];
            toStop[r] = t[1];
        }
        return new double[] {median(toTarget), median(toStop)};
    }

    private double[] once(Problem p, Solver s, double target) {
        double[] t = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        long[] start = {0};
        LassoListener listener = new LassoListener() {
            @Override
            public void onEvaluation(LassoTracePoint point) {
                double now = (System.nanoTime() - start[0]) * 1e-9;
                if (t[0] == Double.POSITIVE_INFINITY && point.objective() <= target) {
                    t[0] = now;
                }
                if (t[1] == Double.POSITIVE_INFINITY && point.gap() <= TARGET * point.objective()) {
                    t[1] = now;
                }
                if (t[0] < Double.POSITIVE_INFINITY && t[1] < Double.POSITIVE_INFINITY) {
                    StopRequest.request();
                }
            }
        };
        LassoConfig config = config(p, s.scheduler(), 1e-9).timeLimitSeconds(60).build();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(s.workers())) {
            start[0] = System.nanoTime();
            new LassoTrainer(config).fit(p.problem(), p.name(), runtime, listener);
        } finally {
            StopRequest.clear();
        }
        return t;
    }

    private void path(Problem p) throws IOException {
        double ratio = p.lambda() / p.lambdaMax();
        double[] lambdas = RegularizationPath.logSpaced(p.lambdaMax(), PATH_LENGTH, ratio);
        LassoConfig.Builder tight = config(p, "smp", 1e-11).path(PATH_LENGTH, ratio);
        LassoResult reference = fit(p, tight.build(), 1, LassoListener.NONE);
        double[] optimum = reference.stages().stream().mapToDouble(LassoStage::objective).toArray();
        out.println();
        out.println("### A " + PATH_LENGTH + "-lambda path down to lambda (every lambda to 1e-6 relative), wall seconds,"
                + " median of " + reps);
        out.println();
        out.println("| solver | seconds | worst relative error over the path | vs glmnet |");
        out.println("|---|---:|---:|---:|");
        String gl = peers ? glmnetPath(p, lambdas, optimum) : null;
        double glSeconds = seconds(gl);
        for (int workers : new int[] {1, 2}) {
            LassoConfig config = config(p, "smp", TARGET).path(PATH_LENGTH, ratio).build();
            long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
            while (System.nanoTime() < end) {
                fit(p, config, workers, LassoListener.NONE);
            }
            double[] times = new double[reps];
            double worst = 0;
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                LassoResult result = fit(p, config, workers, LassoListener.NONE);
                times[r] = (System.nanoTime() - t0) * 1e-9;
                for (int k = 0; k < optimum.length; k++) {
                    worst = Math.max(worst, (result.stages().get(k).objective() - optimum[k]) / optimum[k]);
                }
            }
            out.printf(Locale.ROOT, "| SMPFrame smp, P = %d | %.4f | %.1e | %s |%n", workers, median(times), worst,
                    ratio(median(times), glSeconds));
        }
        out.printf(Locale.ROOT, "| glmnet | %s | | 1 |%n", gl == null ? "skipped" : gl);
        if (peers) {
            out.printf(Locale.ROOT, "| scikit-learn lasso_path | %s | | |%n", sklearnPath(p, lambdas, optimum));
        }
    }

    // ---- peers ----

    private Path data(Problem p) throws IOException {
        Path file = scratch.resolve(p.name() + ".f64");
        if (!Files.exists(file)) {
            PeerProcess.writeDense(p.solved().features(), p.solved().labels(), file);
        }
        return file;
    }

    private String sklearnSingle(Problem p, double target) throws IOException {
        String why = PeerProcess.unavailable("/usr/bin/python3", "-c", "import sklearn");
        if (why != null) {
            out.println("scikit-learn skipped: " + why + " (apt-get install python3-sklearn)");
            return null;
        }
        Path script = PeerProcess.script("sklearn_lasso.py", scratch);
        String output = PeerProcess.run(List.of("/usr/bin/python3", script.toString(), data(p).toString(),
                Integer.toString(p.problem().numRows()), Integer.toString(p.problem().numFeatures()),
                p.intercept() ? "1" : "0", Integer.toString(reps), SKLEARN_TOLS, "single", Double.toString(p.lambda())));
        return fastestReaching(PeerProcess.rows(output, "R"), target, "tol");
    }

    private String glmnetSingle(Problem p, double target) throws IOException {
        String why = PeerProcess.unavailable("Rscript", "-e", "library(glmnet)");
        if (why != null) {
            out.println("glmnet skipped: " + why + " (apt-get install r-cran-glmnet)");
            return null;
        }
        Path script = PeerProcess.script("glmnet_lasso.R", scratch);
        String output = PeerProcess.run(List.of("Rscript", script.toString(), data(p).toString(),
                Integer.toString(p.problem().numRows()), Integer.toString(p.problem().numFeatures()),
                p.intercept() ? "1" : "0", Integer.toString(reps), GLMNET_THRESHS, "single", Double.toString(p.lambda())));
        return fastestReaching(PeerProcess.rows(output, "R"), target, "thresh");
    }

    private String glmnetPath(Problem p, double[] lambdas, double[] optimum) throws IOException {
        String why = PeerProcess.unavailable("Rscript", "-e", "library(glmnet)");
        if (why != null) {
            out.println("glmnet skipped: " + why + " (apt-get install r-cran-glmnet)");
            return null;
        }
        Path script = PeerProcess.script("glmnet_lasso.R", scratch);
        String output = PeerProcess.run(List.of("Rscript", script.toString(), data(p).toString(),
                Integer.toString(p.problem().numRows()), Integer.toString(p.problem().numFeatures()),
                p.intercept() ? "1" : "0", Integer.toString(reps), GLMNET_THRESHS, "path", join(lambdas)));
        return fastestPath(PeerProcess.rows(output, "R"), optimum, "thresh");
    }

    private String sklearnPath(Problem p, double[] lambdas, double[] optimum) throws IOException {
        if (PeerProcess.unavailable("/usr/bin/python3", "-c", "import sklearn") != null) {
            return "skipped";
        }
        Path script = PeerProcess.script("sklearn_lasso.py", scratch);
        String output = PeerProcess.run(List.of("/usr/bin/python3", script.toString(), data(p).toString(),
                Integer.toString(p.problem().numRows()), Integer.toString(p.problem().numFeatures()),
                p.intercept() ? "1" : "0", Integer.toString(reps), "1e-3,1e-4,1e-5,1e-6,1e-7", "path", join(lambdas)));
        return fastestPath(PeerProcess.rows(output, "R"), optimum, "tol");
    }

    /** "seconds (knob value, objective)" of the fastest row whose objective reaches the target. */
    static String fastestReaching(List<String[]> rows, double target, String knob) {
        String best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (String[] r : rows) {
            double seconds = Double.parseDouble(r[1]);
            double objective = Double.parseDouble(r[2]);
            if (objective <= target && seconds < bestSeconds) {
                bestSeconds = seconds;
                best = String.format(Locale.ROOT, "%.4f (%s %s, f = %.12g)", seconds, knob, r[0], objective);
            }
        }
        return best != null ? best : "did not reach the target at any " + knob + " scanned";
    }

    /** As {@link #fastestReaching} for a path: every λ's objective within 1e-6 relative of its optimum. */
    static String fastestPath(List<String[]> rows, double[] optimum, String knob) {
        String best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (String[] r : rows) {
            double seconds = Double.parseDouble(r[1]);
            double[] objectives = Arrays.stream(r[2].split(",")).mapToDouble(Double::parseDouble).toArray();
            if (objectives.length != optimum.length) {
                continue; // the peer stopped its path early (glmnet does when the fit saturates)
            }
            double worst = 0;
            for (int k = 0; k < optimum.length; k++) {
                worst = Math.max(worst, (objectives[k] - optimum[k]) / optimum[k]);
            }
            if (worst <= TARGET && seconds < bestSeconds) {
                bestSeconds = seconds;
                best = String.format(Locale.ROOT, "%.4f (%s %s, worst %.1e)", seconds, knob, r[0], worst);
            }
        }
        return best != null ? best : "did not reach 1e-6 at every lambda at any " + knob + " scanned";
    }

    /** The seconds a {@link #fastestReaching} cell starts with, or NaN. */
    static double seconds(String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(Double.toString(v));
        }
        return sb.toString();
    }

    private static String cell(double seconds) {
        return Double.isInfinite(seconds) ? "not reached" : String.format(Locale.ROOT, "%.4f", seconds);
    }

    private static String ratio(double ours, double theirs) {
        return Double.isNaN(theirs) || Double.isInfinite(ours) ? "-" : String.format(Locale.ROOT, "%.2fx", ours / theirs);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    void cleanUp() throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(scratch);
    }
}
