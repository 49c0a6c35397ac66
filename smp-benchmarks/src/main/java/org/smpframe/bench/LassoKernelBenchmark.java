package org.smpframe.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.smpframe.data.CscMatrix;
import org.smpframe.lasso.CorrelatedDesign;

/**
 * The Lasso worker's push kernel, and the dependency check the smp scheduler pays for each pair of candidates.
 *
 * <p>A worker's push for one scheduled coordinate j is g_j = Σ_i x_ij r_i over its rows: a sparse column dot
 * product with the residual. The worker class itself is package-private in the Lasso app, so this measures the
 * same loop through the public {@link CscMatrix#columnDot}. Setup: one worker's shard (half the rows when P = 2)
 * of the benchmark's correlated design (dense, stored sparse), a residual, and a block of L random columns.
 *
 * <p>{@link #pushBlock} is one round's push on one worker (L column dots); {@link #dependencyPairs} is the
 * smp filter's minimum work for the same block, L(L−1)/2 pair dot products over all n rows
 * ({@link CscMatrix#columnsDot}, the path the app takes for sparse data; for dense data it copies the columns to
 * floats, which is cheaper per pair but the same count). What it shows: the scheduler's dependency checks cost
 * O(L²·n) per round against O(L·n/P) for the update itself, so at L = 32 the filter alone is an order of
 * magnitude more arithmetic than the push it schedules, unless its cache answers most pairs.
 *
 * <p>Run: {@code java -jar smp-benchmarks/target/benchmarks.jar LassoKernelBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LassoKernelBenchmark {
    /** Rows of the whole problem (the shard has rows / 2). */
    @Param({"200"})
    public int rows;

    /** L: coordinates per round. */
    @Param({"32"})
    public int blockSize;

    private CscMatrix shard;
    private CscMatrix all;
    private double[] residual;
    private int[] block;

    @Setup
    public void setup() {
        CorrelatedDesign design = new CorrelatedDesign(rows, 5000, 10, 0.9, 20, 0.5, 1);
        var x = design.generate().features();
        all = x.toCsc();
        shard = x.rowSlice(0, rows / 2).toCsc();
        SplittableRandom rnd = new SplittableRandom(7);
        residual = new double[shard.numRows];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = rnd.nextDouble() - 0.5;
        }
        block = rnd.ints(blockSize, 0, x.numCols).toArray();
    }

    /** One worker's push for one round: g_j = x_jᵀ r for every scheduled j. */
    @Benchmark
    public double pushBlock() {
        double s = 0;
        for (int j : block) {
            s += shard.columnDot(j, residual);
        }
        return s; // returned so that the JIT cannot drop the loop
    }

    /** The dependency filter's minimum for the same block: every pair's column dot over all rows. */
    @Benchmark
    public double dependencyPairs() {
        double s = 0;
        for (int a = 0; a < block.length; a++) {
            for (int b = a + 1; b < block.length; b++) {
                s += all.columnsDot(block[a], block[b]);
            }
        }
        return s;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(LassoKernelBenchmark.class.getSimpleName()).build()).run();
    }
}
