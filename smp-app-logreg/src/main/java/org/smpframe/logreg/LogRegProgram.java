package org.smpframe.logreg;

import org.smpframe.api.DependencyOracle;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CsrMatrix;
import org.smpframe.linear.ColumnCorrelation;
import org.smpframe.linear.RowShards;

/**
 * Sparse logistic regression as an SMP program: one coordinate per parameter (the bias is the last one), rows
 * sharded across workers. Dependency of two coordinates: the cosine of their raw columns, since the curvature
 * that couples them is Σ_i s_i(1 − s_i) x_ij x_ik.
 */
public final class LogRegProgram implements SmpProgram<LogRegPartial, LogRegCommit, LogRegStats> {
    private final LogRegProblem problem;
    private final LogRegAggregator aggregator;
    private final DependencyOracle dependencies;

    public LogRegProgram(LogRegProblem problem, double lambda, double tolerance, double relTolerance) {
        this.problem = problem;
        this.aggregator = new LogRegAggregator(problem, lambda, tolerance, relTolerance);
        this.dependencies = new ColumnCorrelation(problem.columns, new double[problem.p], problem.colSqNorm);
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
    public WorkerTask<LogRegPartial, LogRegCommit, LogRegStats> createWorker(int worker, int numWorkers) {
        int[] bounds = RowShards.byNonzeros(problem.rows, numWorkers);
        int from = bounds[worker];
        int to = bounds[worker + 1];
        CsrMatrix shard = problem.rows.rowSlice(from, to);
        double[] y = new double[to - from];
        System.arraycopy(problem.y, from, y, 0, y.length);
        return new LogRegWorker(shard.toCsc(), y);
    }

    @Override
    public LogRegAggregator aggregator() {
        return aggregator;
    }

    @Override
    public DependencyOracle dependencies() {
        return dependencies;
    }

    @Override
    public WireFormat<LogRegPartial> partialFormat() {
        return LogRegPartial.FORMAT;
    }

    @Override
    public WireFormat<LogRegCommit> commitFormat() {
        return LogRegCommit.FORMAT;
    }

    @Override
    public WireFormat<LogRegStats> statsFormat() {
        return LogRegStats.FORMAT;
    }
}
