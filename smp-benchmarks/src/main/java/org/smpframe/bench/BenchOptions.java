package org.smpframe.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Command-line options of {@link LassoConvergenceBenchmark}, parsed by hand (the module has no CLI library).
 *
 * @param problems     problem names ({@link BenchProblems#NAMES})
 * @param dataDir      the shared data directory, or null to search the usual places
 * @param workers      P, the same for every scheduler
 * @param reps         repetitions of every measured configuration (seeds 1..reps); the median is reported
 * @param capSeconds   solver-time cap of a measured run
 * @param exploreCap   solver-time cap of an exploration run
 * @param rhos         ρ values explored for smp
 * @param blockSizes   block sizes explored, or null for each problem's default
 * @param evalSweeps   evaluation interval in sweeps: evaluateEvery = max(1, round(evalSweeps · p / L)) rounds
 * @param pipelineDepth scheduler pipeline depth, the same for every scheduler (default 0: with P = 2 on two cores
 *                      there is no core left for a scheduler thread, and the hand-off costs more than it hides)
 * @param explore      whether to explore block sizes and ρ; without it only the same-L comparison is run
 * @param referenceCap solver-time limit of the f* run
 */
public record BenchOptions(List<String> problems, Path dataDir, int workers, int reps, double capSeconds,
                           double exploreCap, double[] rhos, int[] blockSizes, double evalSweeps, int pipelineDepth,
                           boolean explore, double referenceCap) {

    static final String USAGE = String.join("\n",
            "usage: java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.LassoConvergenceBenchmark [options]",
            "  --problems a,b,...   problems to run (default " + String.join(",", BenchProblems.DEFAULT) + "; known: "
                    + String.join(", ", BenchProblems.NAMES) + ")",
            "  --data DIR           shared data directory (default: first of ../shared/data, ../../shared/data)",
            "  --workers P          worker threads, the same for every scheduler (default 2)",
            "  --reps N             repetitions (seeds 1..N) of each measured configuration; median reported (default 3)",
            "  --cap S              solver-seconds cap of a measured run (default 20)",
            "  --explore-cap S      solver-seconds cap of an exploration run (default 5)",
            "  --rhos r1,r2,...     rho values explored for smp (default 0.1,0.3,0.5)",
            "  --blocks L1,L2,...   block sizes explored (default 8,16,32,64 clamped to p; 2,4,8,p for p <= 12)",
            "  --eval-sweeps X      evaluate every max(1, round(X*p/L)) rounds (default 0.1)",
            "  --depth S            scheduler pipeline depth (default 0; the project default 1 costs more than it hides"
                    + " when the workers take every core)",
            "  --no-explore         skip the exploration; compare at the same L only",
            "  --reference-cap S    solver-seconds limit of the f* run (default 120)",
            "  --help               this text");

    static BenchOptions defaults() {
        return new BenchOptions(BenchProblems.DEFAULT, null, 2, 3, 20, 5, new double[] {0.1, 0.3, 0.5}, null, 0.1,
                0, true, 120);
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException with a message naming the bad option
     */
    static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        List<String> problems = o.problems;
        Path data = o.dataDir;
        int workers = o.workers;
        int reps = o.reps;
        double cap = o.capSeconds;
        double exploreCap = o.exploreCap;
        double[] rhos = o.rhos;
        int[] blocks = o.blockSizes;
        double evalSweeps = o.evalSweeps;
        int depth = o.pipelineDepth;
        boolean explore = o.explore;
        double refCap = o.referenceCap;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--problems" -> {
                    problems = List.of(value(args, ++i, a).split(","));
                    for (String p : problems) {
                        if (!BenchProblems.NAMES.contains(p)) {
                            throw new IllegalArgumentException("unknown problem '" + p + "'; known: "
                                    + String.join(", ", BenchProblems.NAMES));
                        }
                    }
                }
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--workers" -> workers = positiveInt(args, ++i, a);
                case "--reps" -> reps = positiveInt(args, ++i, a);
                case "--cap" -> cap = positiveDouble(args, ++i, a);
                case "--explore-cap" -> exploreCap = positiveDouble(args, ++i, a);
                case "--rhos" -> rhos = Arrays.stream(value(args, ++i, a).split(","))
                        .mapToDouble(s -> parseDouble(s, a)).toArray();
                case "--blocks" -> blocks = Arrays.stream(value(args, ++i, a).split(","))
                        .mapToInt(s -> (int) parseDouble(s, a)).toArray();
                case "--eval-sweeps" -> evalSweeps = positiveDouble(args, ++i, a);
                case "--depth" -> {
                    depth = (int) parseDouble(value(args, ++i, a), a);
                    if (depth < 0) {
                        throw new IllegalArgumentException(a + " must be >= 0");
                    }
                }
                case "--no-explore" -> explore = false;
                case "--reference-cap" -> refCap = positiveDouble(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new BenchOptions(problems, data, workers, reps, cap, exploreCap, rhos, blocks, evalSweeps, depth,
                explore, refCap);
    }

    /** The options as arguments, every one explicit: what the report prints as the reproducing command. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--problems", String.join(",", problems)));
        if (dataDir != null) {
            args.addAll(List.of("--data", dataDir.toString()));
        }
        args.addAll(List.of("--workers", Integer.toString(workers), "--reps", Integer.toString(reps),
                "--cap", num(capSeconds), "--explore-cap", num(exploreCap),
                "--rhos", Arrays.stream(rhos).mapToObj(BenchOptions::num).collect(Collectors.joining(","))));
        if (blockSizes != null) {
            args.addAll(List.of("--blocks",
                    Arrays.stream(blockSizes).mapToObj(Integer::toString).collect(Collectors.joining(","))));
        }
        args.addAll(List.of("--eval-sweeps", num(evalSweeps), "--depth", Integer.toString(pipelineDepth),
                "--reference-cap", num(referenceCap)));
        if (!explore) {
            args.add("--no-explore");
        }
        return args;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positiveInt(String[] args, int i, String option) {
        double v = parseDouble(value(args, i, option), option);
        if (v <= 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a positive integer, got " + args[i]);
        }
        return (int) v;
    }

    private static double positiveDouble(String[] args, int i, String option) {
        double v = parseDouble(value(args, i, option), option);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + args[i]);
        }
        return v;
    }

    private static double parseDouble(String s, String option) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return String.join(" ", toArgs());
    }
}
