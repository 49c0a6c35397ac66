package org.smpframe.lasso;

import java.util.Arrays;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CsrMatrix;
import org.smpframe.linear.ColumnBlock;
import org.smpframe.linear.ColumnCorrelation;
import org.smpframe.linear.ColumnPlacement;
import org.smpframe.linear.LazyOracle;
import org.smpframe.linear.PlacementStrategy;

/**
 * The Lasso in the feature-sharded (model-parallel) layout: each worker holds a set of columns with all their
 * rows, their coefficients and a replica of the residual, and runs Gauss-Seidel coordinate descent over the
 * coordinates the schedule gives it ({@link FeatureLassoWorker}); only the P workers' blocks are updated in
 * parallel with each other, reconciled once per round ({@link FeatureLassoAggregator}). The layout for p ≫ n and
 * for wide sparse data: a round carries a worker's whole share of sweeps, and its messages are n-vectors.
 */
public final class FeatureLassoProgram
        implements SmpProgram<FeatureLassoPartial, FeatureLassoCommit, FeatureLassoStats> {
    private final LassoProblem problem;
    private final PlacementStrategy placement;
    private final long seed;
    private final boolean dense;
    private final double lambda;
    private final double tolerance;
    private final DependencyOracle dependencies;
    private double[] start; // null: β = 0
    private int numWorkers;
    private int[] owners;
    private int[][] columnsOf;
    private double[] startResidual;
    private FeatureLassoAggregator aggregator;
    private ColumnBlock columns;
    private long[] costs;

    public FeatureLassoProgram(LassoProblem problem, double lambda, double tolerance, PlacementStrategy placement,
                               long seed) {
        this.problem = problem;
        this.lambda = lambda;
        this.tolerance = tolerance;
        this.placement = placement;
        this.seed = seed;
        this.dense = problem.dense();
        // Built only when a filtering scheduler asks (it needs the compressed columns, which dense storage does not).
        this.dependencies = new LazyOracle(() -> new ColumnCorrelation(problem.columns(), problem.colMean,
                problem.colSqNorm));
    }

    @Override
    public String name() {
        return "lasso";
    }

    @Override
    public int numParameters() {
        return problem.p;
    }

    @Override
    public void partition(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + workers);
        }
        if (workers == numWorkers) {
            return;
        }
        if (aggregator != null && numWorkers != 0) {
            throw new IllegalStateException("the program is partitioned for " + numWorkers + " workers already");
        }
        numWorkers = workers;
        PlacementStrategy strategy = placement.forProblemOf(problem.rows.nnz());
        owners = strategy.place(problem.rows, problem.colMean,
                dense && workers > 1 && strategy == PlacementStrategy.CORRELATED ? problem.centeredDenseColumns() : null,
                workers, seed);
        columnsOf = ColumnPlacement.columnsOf(owners, workers);
        startResidual = start == null ? problem.centeredY.clone() : residualAt(start);
        aggregator().partition(columnsOf, startResidual);
    }

    @Override
    public int[] placement() {
        return owners;
    }

    @Override
    public WorkerTask<FeatureLassoPartial, FeatureLassoCommit, FeatureLassoStats> createWorker(int worker,
                                                                                               int workers) {
        partition(workers);
        return new FeatureLassoWorker(worker, workers, allColumns(), columnsOf[worker], problem.centeredY, start,
                start == null ? null : startResidual);
    }

    /**
     * Every column as one block, shared by all workers (the arrays are the problem's, not copies): a worker checks
     * its own columns and updates whatever the schedule gives it.
     */
    private synchronized ColumnBlock allColumns() {
        if (columns == null) {
            int[] all = new int[problem.p];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            columns = dense ? ColumnBlock.ofDense(problem.centeredDenseColumns(), all, problem.colSqNorm)
                    : ColumnBlock.ofSparse(problem.columns(), all, problem.colMean, problem.colSqNorm);
        }
        return columns;
    }

    /** The work of updating each coordinate: its column's stored entries (n for dense data). */
    @Override
    public long[] parameterCosts() {
        if (costs == null) {
            costs = dense ? filled(problem.p, problem.n) : problem.columnNonzeros();
        }
        return costs;
    }

    private static long[] filled(int length, long value) {
        long[] a = new long[length];
        Arrays.fill(a, value);
        return a;
    }

    /** r = ỹ − X̃β over every column: the residual all replicas start from. */
    private double[] residualAt(double[] beta) {
        CsrMatrix x = problem.rows;
        double[] r = problem.centeredY.clone();
        double shift = 0;
        for (int j = 0; j < problem.p; j++) {
            shift += problem.colMean[j] * beta[j];
        }
        for (int i = 0; i < r.length; i++) {
            r[i] += shift - x.rowDot(i, beta);
        }
        return r;
    }

    /** Starts from β = {@code beta} instead of 0; before the workers are created. */
    void startFrom(double[] beta) {
        if (numWorkers != 0) {
            throw new IllegalStateException("a warm start must be set before the workers are created");
        }
        start = beta.clone();
        aggregator().setBeta(beta);
    }

    @Override
    public FeatureLassoAggregator aggregator() {
        if (aggregator == null) {
            aggregator = new FeatureLassoAggregator(problem, lambda, tolerance);
        }
        return aggregator;
    }

    @Override
    public DependencyOracle dependencies() {
        return dependencies;
    }

    /** Whether the columns are held dense (nonzeros ≥ half the matrix). */
    public boolean dense() {
        return dense;
    }

    @Override
    public WireFormat<FeatureLassoPartial> partialFormat() {
        return FeatureLassoPartial.FORMAT;
    }

    @Override
    public WireFormat<FeatureLassoCommit> commitFormat() {
        return FeatureLassoCommit.FORMAT;
    }

    @Override
    public WireFormat<FeatureLassoStats> statsFormat() {
        return FeatureLassoStats.FORMAT;
    }

    LassoProblem problem() {
        return problem;
    }
}
