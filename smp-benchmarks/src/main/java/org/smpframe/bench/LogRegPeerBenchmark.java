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
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.linear.Layout;
import org.smpframe.linear.kernel.DenseKernels;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegListener;
import org.smpframe.logreg.LogRegModel;
import org.smpframe.logreg.LogRegResult;
import org.smpframe.logreg.LogRegTracePoint;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * L1 logistic regression against C liblinear ({@code liblinear-train -s 6}, Debian's {@code liblinear-tools}), on
 * the same machine in the same run: wall seconds to 1e-2, 1e-3 and 1e-4 relative of the optimum.
 *
 * <p>Per problem (no bias: Debian's liblinear 2.3 penalizes the bias feature, ours is unpenalized):
 * <ol>
 *   <li>λ = fraction·λ_max, liblinear's C = 1/(nλ). f* is the lowest objective reached by either solver run long
 *       (ours at a subgradient tolerance of 1e-9, liblinear at -e 1e-7); the targets are f*(1 + ε).</li>
 *   <li>liblinear's time is the wall time of {@code liblinear-train} minus that of a run that stops at its first
 *       check ({@code -e 1e30}: reading the file, the first gradient), the median of {@code --reps}; per ε, the
 *       loosest {@code -e} of a scan whose model (read back, the objective computed here) reaches the target.</li>
 *   <li>SMPFrame's time is measured the same way: the wall time of {@code LogRegTrainer.fit} on the data in
 *       memory to the first evaluation at or below each target, minus the time to its first check (the
 *       evaluation at w = 0, after the problem, its column copies and the placement are built), the median of
 *       {@code --reps} runs (one run records all three) after about two seconds of warm-up runs. The table also
 *       gives the whole fit's time to the tightest target, setup included.</li>
 * </ol>
 */
public final class LogRegPeerBenchmark {
    static final double[] ACCURACY = {1e-2, 1e-3, 1e-4};
    static final String[] EPS = {"1", "0.3", "0.1", "0.03", "0.01", "3e-3", "1e-3", "3e-4", "1e-4", "1e-5", "1e-6"};
    static final double WARMUP_SECONDS = 2.0;
    /** Pairs of liblinear runs per accuracy, at least: see {@link #liblinearSolveSeconds}. */
    static final int LIBLINEAR_REPS = 11;

    private final PrintStream out;
    private final int reps;
    private final Path dataDir;
    private final Path scratch;
    private final List<String> layouts;

    LogRegPeerBenchmark(PrintStream out, int reps, Path dataDir, List<String> layouts) throws IOException {
        this.out = out;
        this.reps = reps;
        this.dataDir = dataDir;
        this.layouts = layouts;
        this.scratch = Files.createTempDirectory("smp-logreg-peers");
    }

    public static void main(String[] args) throws IOException {
        List<String> names = List.of("a9a", "w8a", "arcene", "golub");
        int reps = 5;
        Path data = null;
        List<String> layouts = List.of("auto");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--problems" -> names = List.of(args[++i].split(","));
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--layouts" -> layouts = List.of(args[++i].split(","));
                case "--help", "-h" -> {
                    System.out.println("usage: LogRegPeerBenchmark [--problems a9a,w8a,arcene,golub,synthetic] "
                            + "[--reps N] [--data DIR] [--layouts auto|rows|features,...]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        LogRegPeerBenchmark b = new LogRegPeerBenchmark(System.out, reps, data, layouts);
        try {
            b.run(names, args);
        } finally {
            b.cleanUp();
        }
    }

    void run(List<String> names, String[] args) throws IOException {
        out.println("# L1 logistic regression against C liblinear: wall seconds to f*(1 + eps)");
        out.println();
        out.println("command: java --add-modules=jdk.incubator.vector -cp smp-benchmarks/target/benchmarks.jar "
                + getClass().getName() + " " + String.join(" ", args));
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
                + System.getProperty("java.vm.version") + ", kernels " + DenseKernels.implementation());
        String why = PeerProcess.unavailable("liblinear-train", "-v");
        if (why != null && why.contains("not installed")) {
            out.println("liblinear skipped: " + why + " (apt-get install liblinear-tools)");
        }
        for (String name : names) {
            LogRegConvergenceBenchmark.Problem p;
            try {
                p = LogRegConvergenceBenchmark.load(name, dataDir);
            } catch (DataUnavailableException e) {
                out.println();
                out.println("SKIPPED " + name + ": " + e.getMessage());
                continue;
            }
            runProblem(p, why == null || !why.contains("not installed"));
        }
    }

    void runProblem(LogRegConvergenceBenchmark.Problem problem, boolean liblinear) throws IOException {
        LabeledDataset data = problem.data();
        double lambda = problem.lambdaFraction() * org.smpframe.logreg.LogRegProblem.of(data, false).lambdaMax();
        double c = 1.0 / (data.numRows() * lambda);
        Layout layout = LogRegTrainer.layout(data, config(lambda, 1e-9).build());
        out.println();
        out.println("## " + problem.name());
        out.println();
        out.printf(Locale.ROOT, "%s: %d rows, %d features, %d nonzeros; lambda = %s * lambda_max = %.6g (C = %.6g); "
                        + "no bias; auto layout %s%n", problem.description(), data.numRows(), data.numFeatures(),
                data.features().nnz(), problem.lambdaFraction(), lambda, c, layout.label());
        LogRegResult tight = fit(data, config(lambda, 1e-9).build(), 1, LogRegListener.NONE);
        double ours = tight.stages().get(0).objective();
        List<double[]> peer = new ArrayList<>(); // {eps index, seconds, objective}
        double peerBest = Double.POSITIVE_INFINITY;
        if (liblinear) {
            Path file = scratch.resolve(problem.name() + ".svm");
            LibSvmWriter.write(data, file);
            double load = liblinearSeconds(file, c, "1e30", scratch.resolve("load.model"));
            for (int e = 0; e < EPS.length; e++) {
                Path model = scratch.resolve("model-" + e);
                double seconds = liblinearSolveSeconds(file, c, EPS[e], model);
                double objective = objective(LogRegModel.read(model), data, lambda);
                peer.add(new double[] {e, Math.max(0, seconds), objective});
            }
            Path model = scratch.resolve("model-tight");
            runLiblinear(file, c, "1e-7", model);
            peerBest = objective(LogRegModel.read(model), data, lambda);
            out.printf(Locale.ROOT, "liblinear load and first check (-e 1e30): %.4f s, subtracted%n", load);
        }
        double fStar = Math.min(ours, peerBest);
        out.printf(Locale.ROOT, "f* = %.12g (SMPFrame at tolerance 1e-9: %.12g; liblinear -e 1e-7: %s)%n", fStar, ours,
                Double.isInfinite(peerBest) ? "-" : String.format(Locale.ROOT, "%.12g", peerBest));
        double[] targets = Arrays.stream(ACCURACY).map(a -> fStar * (1 + a)).toArray();
        double[] peerSeconds = new double[ACCURACY.length];
        String[] peerCells = new String[ACCURACY.length];
        for (int a = 0; a < ACCURACY.length; a++) {
            peerSeconds[a] = Double.NaN;
            peerCells[a] = liblinear ? "not reached" : "skipped";
            for (double[] row : peer) {
                if (row[2] <= targets[a] && !(row[1] >= peerSeconds[a])) {
                    peerSeconds[a] = row[1];
                    peerCells[a] = String.format(Locale.ROOT, "%.4f (-e %s)", row[1], EPS[(int) row[0]]);
                }
            }
        }
        out.println();
        out.println("| solver | to 1e-2 | to 1e-3 | to 1e-4 | ratio to liblinear (1e-2 / 1e-3 / 1e-4) "
                + "| whole fit to 1e-4 (setup included) |");
        out.println("|---|---:|---:|---:|---|---:|");
        for (String layoutName : layouts) {
            for (int workers : new int[] {1, 2}) {
                LogRegConfig config = config(lambda, 1e-9).timeLimitSeconds(60).layout(layoutName).build();
                long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
                while (System.nanoTime() < end) {
                    timeTo(data, config, workers, targets);
                }
                double[][] runs = new double[ACCURACY.length][reps];
                double[] whole = new double[reps];
                for (int r = 0; r < reps; r++) {
                    double[] t = timeTo(data, config, workers, targets);
                    for (int a = 0; a < ACCURACY.length; a++) {
                        runs[a][r] = t[a] - t[ACCURACY.length];
                    }
                    whole[r] = t[ACCURACY.length - 1];
                }
                double[] med = new double[ACCURACY.length];
                StringBuilder ratios = new StringBuilder();
                for (int a = 0; a < ACCURACY.length; a++) {
                    med[a] = LassoPeerBenchmark.median(runs[a]);
                    ratios.append(a > 0 ? " / " : "").append(Double.isNaN(peerSeconds[a]) || Double.isInfinite(med[a])
                            ? "-" : String.format(Locale.ROOT, "%.2fx", med[a] / peerSeconds[a]));
                }
                out.printf(Locale.ROOT, "| SMPFrame smp, %s layout, P = %d | %s | %s | %s | %s | %s |%n",
                        LogRegTrainer.layout(data, config).label(), workers, cell(med[0]), cell(med[1]), cell(med[2]),
                        ratios, cell(LassoPeerBenchmark.median(whole)));
            }
        }
        out.printf(Locale.ROOT, "| C liblinear -s 6 (1 thread) | %s | %s | %s | 1 | |%n", peerCells[0],
                peerCells[1], peerCells[2]);
        out.flush();
    }

    private static LogRegConfig.Builder config(double lambda, double tolerance) {
        return LogRegConfig.builder().lambda(lambda).bias(false).tolerance(tolerance).maxRounds(100_000_000);
    }

    private static LogRegResult fit(LabeledDataset data, LogRegConfig config, int workers, LogRegListener listener) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LogRegTrainer(config).fit(data, null, runtime, listener);
        }
    }

    /**
     * Seconds from the start of a fit to the first evaluation at or below each target (∞ when never), and last the
     * seconds to its first evaluation.
     */
    private static double[] timeTo(LabeledDataset data, LogRegConfig config, int workers, double[] targets) {
        double[] t = new double[targets.length + 1];
        Arrays.fill(t, Double.POSITIVE_INFINITY);
        long[] start = {0};
        LogRegListener listener = new LogRegListener() {
            @Override
            public void onEvaluation(LogRegTracePoint p) {
                double now = (System.nanoTime() - start[0]) * 1e-9;
                if (t[targets.length] == Double.POSITIVE_INFINITY) {
                    t[targets.length] = now;
                }
                for (int a = 0; a < targets.length; a++) {
                    if (t[a] == Double.POSITIVE_INFINITY && p.objective() <= targets[a]) {
                        t[a] = now;
                    }
                }
                if (t[targets.length - 1] < Double.POSITIVE_INFINITY) {
                    StopRequest.request();
                }
            }
        };
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            start[0] = System.nanoTime();
            new LogRegTrainer(config).fit(data, null, runtime, listener);
        } finally {
            StopRequest.clear();
        }
        return t;
    }

    /**
     * liblinear's solver seconds at {@code eps}: the median over {@link #LIBLINEAR_REPS} pairs of runs of the wall
     * time at {@code eps} minus that of the run just before it at {@code -e 1e30} (load and first check). Pairs
     * taken back to back cancel most of the machine's drift, which on small problems is as large as the solve.
     */
    private double liblinearSolveSeconds(Path file, double c, String eps, Path model) throws IOException {
        double[] diffs = new double[Math.max(reps, LIBLINEAR_REPS)];
        for (int r = 0; r < diffs.length; r++) {
            double load = runLiblinear(file, c, "1e30", scratch.resolve("load.model"));
            diffs[r] = runLiblinear(file, c, eps, model) - load;
        }
        return LassoPeerBenchmark.median(diffs);
    }

    private static double runLiblinear(Path file, double c, String eps, Path model) throws IOException {
        long t0 = System.nanoTime();
        PeerProcess.run(List.of("liblinear-train", "-q", "-s", "6", "-c", Double.toString(c), "-e", eps,
                file.toString(), model.toString()));
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** Median wall seconds of {@code liblinear-train -s 6 -c C -e eps file model}. */
    private double liblinearSeconds(Path file, double c, String eps, Path model) throws IOException {
        double[] times = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            PeerProcess.run(List.of("liblinear-train", "-q", "-s", "6", "-c", Double.toString(c), "-e", eps,
                    file.toString(), model.toString()));
            times[r] = (System.nanoTime() - t0) * 1e-9;
        }
        return LassoPeerBenchmark.median(times);
    }

    /** (1/n) Σ log(1 + exp(−y_i x_i·w)) + λ‖w‖₁ of {@code model} (no bias) on {@code data}. */
    static double objective(LogRegModel model, LabeledDataset data, double lambda) {
        double[] decisions = model.decisions(data.features());
        double loss = 0;
        double[] labels = data.labels();
        for (int i = 0; i < decisions.length; i++) {
            double y = labels[i] > 0 ? 1 : -1;
            double m = -y * decisions[i];
            loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
        }
        double l1 = 0;
        for (double w : model.weights()) {
            l1 += Math.abs(w);
        }
        return loss / decisions.length + lambda * l1;
    }

    private static String cell(double seconds) {
        return Double.isInfinite(seconds) ? "not reached" : String.format(Locale.ROOT, "%.4f", seconds);
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
