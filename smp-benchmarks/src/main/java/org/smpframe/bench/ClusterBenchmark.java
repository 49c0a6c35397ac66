package org.smpframe.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smpframe.cli.SmpCommand;

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
 * <pre>
 * java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.ClusterBenchmark --data ../shared/data \
 *     [--workers 2,4] [--reps 3]
 * </pre>
 */
public final class ClusterBenchmark {
    private ClusterBenchmark() {
    }

    /** One benchmark case: an app command line (without --workers and --out) and the file its timing is in. */
    private record Case(String name, List<String> app, boolean lda) {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/data");
        int[] workers = {2, 4};
        int reps = 3;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--workers" -> workers = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: ClusterBenchmark --data DIR [--workers 2,4] [--reps 3]");
            }
        }
        Path ap = data.resolve("lda_ap");
        Path cpusmall = data.resolve("lasso_cpusmall/cpusmall.libsvm.xz");
        if (!Files.isDirectory(ap) || !Files.exists(cpusmall)) {
            System.err.println("ClusterBenchmark: skipped, the AP corpus or cpusmall is not under " + data);
            return;
        }
        List<Case> cases = List.of(
                new Case("lda AP K=100", List.of("lda", "--corpus", ap.resolve("ap.dat.xz").toString(), "--vocab",
                        ap.resolve("vocab.txt.xz").toString(), "--topics", "100", "--iterations", "400",
                        "--eval-every", "200"), true),
                new Case("lda AP K=1000", List.of("lda", "--corpus", ap.resolve("ap.dat.xz").toString(), "--vocab",
                        ap.resolve("vocab.txt.xz").toString(), "--topics", "1000", "--alpha", "0.1", "--iterations",
                        "400", "--eval-every", "200"), true),
                new Case("lasso cpusmall", List.of("lasso", "--train", cpusmall.toString(), "--lambda", "0.1",
                        "--standardize", "--max-rounds", "3000", "--eval-every", "1500", "--tolerance", "1e-12"),
                        false));
        Path scratch = Files.createTempDirectory("smp-cluster-bench");
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
