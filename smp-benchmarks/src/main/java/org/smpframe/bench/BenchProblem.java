package org.smpframe.bench;

import java.util.Arrays;
import java.util.Locale;
import org.smpframe.data.LabeledDataset;
import org.smpframe.lasso.LassoProblem;

/**
 * One Lasso instance of the convergence benchmark: the data, prepared once, and the λ to solve it at.
 *
 * <p>λ is reported also as a fraction of λ_max (the smallest λ whose solution is β = 0), which says more about the
 * sparsity than λ itself.
 *
 * @param name           short name used on the command line and in the tables
 * @param description    what the data is, for the report
 * @param data           the training set as read or generated
 * @param problem        the data prepared for coordinate descent (centring, optional standardization)
 * @param standardize    whether columns were scaled to unit variance (λ then penalizes standardized coefficients)
 * @param lambdaFraction λ / λ_max
 * @param lambda         the λ solved for
 * @param sameBlockSize  the block size L of the same-L comparison (the project default 32, clamped to p)
 * @param blockSizes     the block sizes explored for every scheduler
 */
public record BenchProblem(String name, String description, LabeledDataset data, LassoProblem problem,
                           boolean standardize, double lambdaFraction, double lambda, int sameBlockSize,
                           int[] blockSizes) {

    /** Block sizes explored by default: those of the issue, clamped to p (duplicates removed). */
    static final int[] DEFAULT_BLOCK_SIZES = {8, 16, 32, 64};

    /** The project's default block size (LassoConfig's), the L of the same-L comparison. */
    static final int DEFAULT_SAME_BLOCK_SIZE = 32;

    /** Prepares {@code data} (with an intercept) and fixes λ = lambdaFraction · λ_max. */
    static BenchProblem atFraction(String name, String description, LabeledDataset data, boolean standardize,
                                   double lambdaFraction) {
        LassoProblem problem = LassoProblem.of(data, true, standardize);
        return of(name, description, data, problem, standardize, lambdaFraction * problem.lambdaMax());
    }

    /** Prepares {@code data} (with an intercept) and fixes λ as given. */
    static BenchProblem atLambda(String name, String description, LabeledDataset data, boolean standardize,
                                 double lambda) {
        return of(name, description, data, LassoProblem.of(data, true, standardize), standardize, lambda);
    }

    private static BenchProblem of(String name, String description, LabeledDataset data, LassoProblem problem,
                                   boolean standardize, double lambda) {
        double lambdaFraction = lambda / problem.lambdaMax();
        int p = problem.numFeatures();
        int same = Math.min(DEFAULT_SAME_BLOCK_SIZE, p);
        int[] blocks = Arrays.stream(DEFAULT_BLOCK_SIZES).map(b -> Math.min(b, p)).distinct().toArray();
        return new BenchProblem(name, description, data, problem, standardize, lambdaFraction, lambda, same, blocks);
    }

    /** The same problem with other block sizes (for data with few features, where 8..64 all clamp to p). */
    BenchProblem withBlockSizes(int same, int... explored) {
        return new BenchProblem(name, description, data, problem, standardize, lambdaFraction, lambda, same,
                explored.clone());
    }

    public int rows() {
        return problem.numRows();
    }

    public int features() {
        return problem.numFeatures();
    }

    /** One line for the report: shape, λ and scaling. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %s, n=%d, p=%d, nnz(X)=%d, lambda=%.6g (%.3g*lambda_max), %s",
                name, description, rows(), features(), data.features().nnz(), lambda, lambdaFraction,
                standardize ? "standardized columns" : "raw columns");
    }
}
