package org.smpframe.logreg;

import java.util.Arrays;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.linear.ColumnBlock;
import org.smpframe.linear.ColumnCorrelation;
import org.smpframe.linear.ColumnPlacement;
import org.smpframe.linear.LazyOracle;
import org.smpframe.linear.PlacementStrategy;

/**
 * L1 logistic regression in the feature-sharded (model-parallel) layout: every worker holds the columns, a
 * replica of w and of the margins z = Xw, checks the columns placed on it, and a round is one proximal Newton
 * step over the coordinates the schedule gives it ({@link FeatureLogRegWorker}); the P workers' steps are
 * reconciled once per round ({@link FeatureLogRegAggregator}). A round carries whole sweeps of the inner
 * coordinate descent, and its messages are n-vectors of margin changes.
 */
public final class FeatureLogRegProgram
        implements SmpProgram<FeatureLogRegMessages.Partial, FeatureLogRegMessages.Commit, FeatureLogRegMessages.Stats> {
    private final LogRegProblem problem;
    private final PlacementStrategy placement;
    private final long seed;
    private final boolean dense;
    private final double lambda;
    private final double tolerance;
    private final double relTolerance;
    private final DependencyOracle dependencies;
    private final boolean[] penalized;
    private final double[] maxStep;
    private double[] start; // null: w = 0
    private int numWorkers;
    private int[] owners;
    private int[][] columnsOf;
    private double[] startMargins;
    private FeatureLogRegAggregator aggregator;
    private ColumnBlock columns;
    private long[] costs;

    public FeatureLogRegProgram(LogRegProblem problem, double lambda, double tolerance, double relTolerance,
                                PlacementStrategy placement, long seed) {
        this.problem = problem;
        this.lambda = lambda;
        this.tolerance = tolerance;
        this.relTolerance = relTolerance;
        this.placement = placement;
        this.seed = seed;
        this.dense = problem.dense();
        // As the rows layout's: the bias moves the columns' constant part, so with one the centred correlation.
        this.dependencies = new LazyOracle(() -> problem.bias
                ? new ColumnCorrelation(problem.columns(), problem.colMean, problem.centredColSqNorm)
                : new ColumnCorrelation(problem.columns(), new double[problem.p], problem.colSqNorm));
        this.penalized = new boolean[problem.p];
        this.maxStep = new double[problem.p];
        for (int j = 0; j < problem.p; j++) {
            penalized[j] = problem.penalized(j);
            double maxAbs = problem.colMaxAbs[j];
            maxStep[j] = maxAbs > 0 ? FeatureLogRegWorker.TRUST_MARGIN / maxAbs : 0.0;
        }
    }

    @Override
    public String name() {
        return "logreg";
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
        if (numWorkers != 0) {
            throw new IllegalStateException("the program is partitioned for " + numWorkers + " workers already");
        }
        numWorkers = workers;
        owners = placement.forProblemOf(problem.rows.nnz()).place(problem.rows, problem.bias ? problem.colMean : new double[problem.p], workers, seed);
        columnsOf = ColumnPlacement.columnsOf(owners, workers);
        startMargins = new double[problem.n];
        if (start != null) {
            margins(allColumns(), start, startMargins);
        }
        aggregator().partition(columnsOf, allColumns(), startMargins);
    }

    @Override
    public int[] placement() {
        return owners;
    }

    @Override
    public WorkerTask<FeatureLogRegMessages.Partial, FeatureLogRegMessages.Commit, FeatureLogRegMessages.Stats>
            createWorker(int worker, int workers) {
        partition(workers);
        return new FeatureLogRegWorker(worker, workers, allColumns(), columnsOf[worker], penalized, maxStep,
                problem.y, start, start == null ? null : startMargins);
    }

    /**
     * Every column, uncentred, as one block shared by all workers: a dense copy for dense data (the fast kernels),
     * else the problem's compressed columns by reference.
     */
    private synchronized ColumnBlock allColumns() {
        if (columns == null) {
            int[] all = new int[problem.p];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            columns = dense ? ColumnBlock.ofDense(problem.denseColumns(), all, problem.colSqNorm)
                    : ColumnBlock.ofSparse(problem.columns(), all, new double[problem.p], problem.colSqNorm);
        }
        return columns;
    }

    /**
     * z = Xw over the nonzero coefficients' columns in index order: the one way the workers and the aggregator
     * compute it, so that their copies agree bit for bit.
     */
    static void margins(ColumnBlock x, double[] w, double[] z) {
        Arrays.fill(z, 0.0);
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                x.addToRaw(j, w[j], z);
            }
        }
    }

    /** The work of updating each coordinate: its column's stored entries (n for dense data). */
    @Override
    public long[] parameterCosts() {
        if (costs == null) {
            costs = problem.columnNonzeros();
            if (dense) {
                Arrays.fill(costs, problem.n);
            }
        }
        return costs;
    }

    /** Starts from w = {@code weights} instead of 0; before the workers are created. */
    void startFrom(double[] weights) {
        if (numWorkers != 0) {
            throw new IllegalStateException("a warm start must be set before the workers are created");
        }
        start = weights.clone();
        aggregator().setWeights(weights);
    }

    @Override
    public FeatureLogRegAggregator aggregator() {
        if (aggregator == null) {
            aggregator = new FeatureLogRegAggregator(problem, penalized, lambda, tolerance, relTolerance);
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
    public WireFormat<FeatureLogRegMessages.Partial> partialFormat() {
        return FeatureLogRegMessages.Partial.FORMAT;
    }

    @Override
    public WireFormat<FeatureLogRegMessages.Commit> commitFormat() {
        return FeatureLogRegMessages.Commit.FORMAT;
    }

    @Override
    public WireFormat<FeatureLogRegMessages.Stats> statsFormat() {
        return FeatureLogRegMessages.Stats.FORMAT;
    }
}
