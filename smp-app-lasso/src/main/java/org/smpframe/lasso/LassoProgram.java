package org.smpframe.lasso;

import org.smpframe.api.DependencyOracle;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CsrMatrix;
import org.smpframe.linear.ColumnCorrelation;
import org.smpframe.linear.RowShards;

/** Lasso as an SMP program: one coordinate per parameter, rows sharded across workers. */
public final class LassoProgram implements SmpProgram<LassoPartial, LassoCommit, LassoStats> {
    private final LassoProblem problem;
    private final LassoAggregator aggregator;
    private final DependencyOracle dependencies;
    private final boolean covarianceUpdates;
    private double[] start; // null: β = 0

    public LassoProgram(LassoProblem problem, double lambda, double tolerance) {
        this(problem, lambda, tolerance, false);
    }

    /** With {@code covarianceUpdates}, workers compute their partials from their shard's Gram matrix. */
    public LassoProgram(LassoProblem problem, double lambda, double tolerance, boolean covarianceUpdates) {
        if (covarianceUpdates) {
            LassoCovarianceWorker.requireFits(problem.p);
        }
        this.covarianceUpdates = covarianceUpdates;
        this.problem = problem;
        this.aggregator = new LassoAggregator(problem, lambda, tolerance);
        this.dependencies = new ColumnCorrelation(problem.columns(), problem.colMean, problem.colSqNorm);
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
    public WorkerTask<LassoPartial, LassoCommit, LassoStats> createWorker(int worker, int numWorkers) {
        int[] bounds = RowShards.byNonzeros(problem.rows, numWorkers);
        int from = bounds[worker];
        int to = bounds[worker + 1];
        CsrMatrix shard = problem.rows.rowSlice(from, to);
        double[] y = new double[to - from];
        System.arraycopy(problem.centeredY, from, y, 0, y.length);
        if (covarianceUpdates) {
            return new LassoCovarianceWorker(shard, y, problem.colMean, start);
        }
        return start == null ? new LassoWorker(shard.toCsc(), y, problem.colMean)
                : new LassoWorker(shard.toCsc(), y, problem.colMean, start);
    }

    /**
     * Starts from β = {@code beta} (a checkpoint's) instead of 0: the aggregator at once, the workers when they
     * are created (so before the session opens). The workers' residuals are then as an evaluation leaves them.
     */
    void startFrom(double[] beta) {
        aggregator.setBeta(beta);
        start = beta.clone();
    }

    @Override
    public LassoAggregator aggregator() {
        return aggregator;
    }

    @Override
    public DependencyOracle dependencies() {
        return dependencies;
    }

    @Override
    public WireFormat<LassoPartial> partialFormat() {
        return LassoPartial.FORMAT;
    }

    @Override
    public WireFormat<LassoCommit> commitFormat() {
        return LassoCommit.FORMAT;
    }

    @Override
    public WireFormat<LassoStats> statsFormat() {
        return LassoStats.FORMAT;
    }

    LassoProblem problem() {
        return problem;
    }
}
