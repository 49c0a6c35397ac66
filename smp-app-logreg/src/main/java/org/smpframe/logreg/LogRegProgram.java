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
 * sharded across workers.
 *
 * <p>Dependency of two coordinates: the curvature that couples them is Σ_i s_i(1 − s_i) x_ij x_ik, so without a
 * bias it is the cosine of the raw columns. With a bias, the part of two columns along the constant direction is
 * what the bias coordinate moves, and their correlation (centred columns) is the measure: on data whose values
 * are all positive (expression levels, counts) every raw cosine is close to 1, and the filter would allow one
 * coordinate per round (Golub: 15,000 rounds instead of 2,700 to the same objective).
 */
public final class LogRegProgram implements SmpProgram<LogRegPartial, LogRegCommit, LogRegStats> {
    private final LogRegProblem problem;
    private final LogRegAggregator aggregator;
    private final DependencyOracle dependencies;

    public LogRegProgram(LogRegProblem problem, double lambda, double tolerance, double relTolerance) {
        this.problem = problem;
        this.aggregator = new LogRegAggregator(problem, lambda, tolerance, relTolerance);
        this.dependencies = problem.bias
                ? new ColumnCorrelation(problem.columns(), problem.colMean, problem.centredColSqNorm)
                : new ColumnCorrelation(problem.columns(), new double[problem.p], problem.colSqNorm);
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
