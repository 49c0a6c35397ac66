package org.smpframe.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.smpframe.cli.SmpCommand;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.lasso.CorrelatedDesign;

/**
 * Time per round of the cluster runtime (N worker JVMs on 127.0.0.1, started by {@code smp launch --local N})
 * against the embedded runtime with N worker threads: the same command line, data and seed, so both runs compute
 * the same thing (the outputs are compared). Solver time only, as the runs report it: start-up, data loading and
 * the cluster forming are left out. Two times per round are reported: over the whole run, and in the steady state,
 * between the run's first and last evaluation (each case evaluates at half its length). The first part of a run
 * is slower on the cluster for reasons that do not recur: every worker JVM compiles the hot loops itself, with
 * the compiler threads competing for the cores the other workers compute on, where the embedded runtime compiles
 * them once. The median of {@code --reps} runs of each is reported, and the ratios.
 *
 * <p>Cases ({@code --cases}, all by default): LDA on the AP corpus with 100 and 1,000 topics, Lasso on cpusmall
 * (rounds of microseconds: the message latency alone) and Lasso on a generated tall design, {@code --tall-rows} x 64
 * independent Gaussian columns (written once to a scratch file), whose rounds carry milliseconds of work per worker,
 * as they do on data large enough to need a cluster; and Lasso on golub (38 x 7,129) in the feature layout, whose
 * rounds are a worker's sweeps over the working set and whose messages are n-vectors of residual changes.
 *
 * <pre>
 * java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.ClusterBenchmark --data ../shared/data \
 *     [--workers 2,4] [--reps 3] [--cases lda-k100,lda-k1000,lasso-cpusmall,lasso-tall] [--tall-rows 400000]
 * </pre>
 */
public final class ClusterBenchmark {
    private ClusterBenchmark() {
    }

    /** Names {@code --cases} selects from, in the order they run. */
    static final List<String> CASES = List.of("lda-k100", "lda-k1000", "lasso-cpusmall", "lasso-tall",
            "lasso-golub-features");
    static final String USAGE = "usage: ClusterBenchmark --data DIR [--workers 2,4] [--reps 3] [--cases "
            + String.join(",", CASES) + "] [--tall-rows 400000]";

    /** One benchmark case: an app command line (without --workers and --out) and the file its timing is in. */
    private record Case(String name, List<String> app, boolean lda) {
    }

    /** What the command line asked for. */
    record Options(Path data, int[] workers, int reps, List<String> cases, int tallRows) {
        static Options parse(String... args) {
            Path data = Path.of("../shared/data");
            int[] workers = {2, 4};
            int reps = 3;
            List<String> cases = CASES;
            int tallRows = 400_000;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--data" -> data = Path.of(v);
                    case "--workers" -> workers = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--reps" -> reps = Integer.parseInt(v);
                    case "--cases" -> cases = List.of(v.split(","));
                    case "--tall-rows" -> tallRows = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            }
            for (String c : cases) {
                if (!CASES.contains(c)) {
                    throw new IllegalArgumentException("unknown case " + c + "; known: " + String.join(", ", CASES));
                }
            }
            if (reps < 1 || tallRows < 1 || workers.length == 0 || Arrays.stream(workers).anyMatch(w -> w < 1)) {
                throw new IllegalArgumentException("--reps, --tall-rows and --workers must be positive; " + USAGE);
            }
            return new Options(data, workers, reps, cases, tallRows);
        }
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ClusterBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path scratch = Files.createTempDirectory("smp-cluster-bench");
        try {
            run(options, scratch);
        } finally {
            deleteTree(scratch); // the tall case's data file alone is hundreds of megabytes
        }
    }

    private static void run(Options options, Path scratch) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String name : options.cases()) {
            Case c = create(name, options, scratch);
            if (c != null) {
                cases.add(c);
            }
        }
        int[] workers = options.workers();
        int reps = options.reps();
        // The runs' own summaries would bury the table: they go nowhere, the table to the real stdout.
        PrintStream table = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        table.println("| case | P | embedded ms/round | cluster ms/round | cluster / embedded | steady embedded "
                + "| steady cluster | steady cluster / embedded | same result |");
        table.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Case c : cases) {
            for (int p : workers) {
                double[][] embedded = new double[2][reps];
                double[][] cluster = new double[2][reps];
                boolean same = true;
                for (int r = 0; r < reps; r++) {
                    Path e = scratch.resolve("e-" + r);
                    Path k = scratch.resolve("c-" + r);
                    RoundTimes em = run(c, List.of(), p, e);
                    RoundTimes cl = run(c, List.of("launch", "--local", Integer.toString(p)), p, k);
                    embedded[0][r] = em.whole();
                    embedded[1][r] = em.steady();
                    cluster[0][r] = cl.whole();
                    cluster[1][r] = cl.steady();
                    same &= sameResult(c, e, k);
                }
                double ew = median(embedded[0]);
                double cw = median(cluster[0]);
                double es = median(embedded[1]);
                double cs = median(cluster[1]);
                table.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f | %s |%n", c.name(), p,
                        ew, cw, cw / ew, es, cs, cs / es, same ? "yes" : "NO");
            }
        }
    }

    /** The case called {@code name}, or null (with a message) when its data is not there. */
    private static Case create(String name, Options options, Path scratch) throws IOException {
        Path ap = options.data().resolve("lda_ap");
        Path cpusmall = options.data().resolve("lasso_cpusmall/cpusmall.libsvm.xz");
        Path golub = options.data().resolve(BenchProblems.GOLUB);
        boolean missing = name.startsWith("lda") ? !Files.isDirectory(ap)
                : name.equals("lasso-cpusmall") ? !Files.exists(cpusmall)
                : name.equals("lasso-golub-features") && !Files.exists(golub);
        if (missing) {
            System.err.println("ClusterBenchmark: " + name + " skipped, its data is not under " + options.data());
            return null;
        }
        return switch (name) {
            case "lda-k100" -> new Case("lda AP K=100", List.of("lda", "--corpus", ap.resolve("ap.dat.xz").toString(),
                    "--vocab", ap.resolve("vocab.txt.xz").toString(), "--topics", "100", "--iterations", "400",
                    "--eval-every", "200"), true);
            case "lda-k1000" -> new Case("lda AP K=1000", List.of("lda", "--corpus",
                    ap.resolve("ap.dat.xz").toString(), "--vocab", ap.resolve("vocab.txt.xz").toString(), "--topics",
                    "1000", "--alpha", "0.1", "--iterations", "400", "--eval-every", "200"), true);
            case "lasso-cpusmall" -> new Case("lasso cpusmall", List.of("lasso", "--train", cpusmall.toString(),
                    "--lambda", "0.1", "--standardize", "--max-rounds", "3000", "--eval-every", "1500", "--tolerance",
                    "1e-12"), false);
            case "lasso-tall" -> {
                Path file = scratch.resolve("tall.libsvm");
                // Independent columns, so the smp filter keeps full blocks of 32; 16 true nonzeros, noise 1.
                LibSvmWriter.write(new CorrelatedDesign(options.tallRows(), 64, 1, 0.0, 16, 1.0, 1).generate(), file);
                // Gap tolerance 0: the run never stops on the gap, every run makes all its rounds.
                yield new Case(String.format(Locale.ROOT, "lasso tall %,d x 64", options.tallRows()), List.of("lasso",
                        "--train", file.toString(), "--lambda", "1e-5", "--standardize", "--max-rounds", "1000",
                        "--eval-every", "500", "--tolerance", "0"), false);
            }
            // At 0.1 λ_max; tolerance 0, so both runtimes do the same rounds.
            case "lasso-golub-features" -> new Case("lasso golub, features layout", List.of("lasso", "--train",
                    golub.toString(), "--lambda", "0.078", "--standardize", "--layout", "features", "--max-rounds",
                    "400", "--eval-every", "200", "--tolerance", "0"), false);
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    /** Solver milliseconds per round over the whole run and between its first and last evaluation. */
    record RoundTimes(double whole, double steady) {
        /** From a trace.csv whose rows start with solver seconds and round (the apps' traces do). */
        static RoundTimes of(List<String> trace) {
            String[] first = trace.get(1).split(",");
            String[] last = trace.get(trace.size() - 1).split(",");
            double t0 = Double.parseDouble(first[0]);
            double r0 = Double.parseDouble(first[1]);
            double t1 = Double.parseDouble(last[0]);
            double r1 = Double.parseDouble(last[1]);
            if (!(r1 > r0)) {
                throw new IllegalStateException("the trace has no two evaluations at different rounds");
            }
            return new RoundTimes(t1 * 1e3 / r1, (t1 - t0) * 1e3 / (r1 - r0));
        }
    }

    /** Runs the case and returns its solver milliseconds per round. */
    private static RoundTimes run(Case c, List<String> prefix, int workers, Path out) throws IOException {
        List<String> args = new ArrayList<>(prefix);
        args.addAll(c.app());
        args.addAll(List.of("--workers", Integer.toString(workers), "--out", out.toString()));
        int code = SmpCommand.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("exit code " + code + " from smp " + String.join(" ", args));
        }
        return RoundTimes.of(Files.readAllLines(out.resolve("trace.csv")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean sameResult(Case c, Path embedded, Path cluster) throws IOException {
        Path file = c.lda() ? Path.of("model", "word_topic_counts.tsv") : Path.of("model.txt");
        return Arrays.equals(Files.readAllBytes(embedded.resolve(file)), Files.readAllBytes(cluster.resolve(file)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
