package org.smpframe.lasso;

import java.util.Arrays;
import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Schedule;

/**
 * Holds β, commits soft-thresholded coordinate updates and evaluates the objective and the duality gap
 * (formulas in the package documentation).
 */
public final class LassoAggregator implements Aggregator<LassoPartial, LassoCommit, LassoStats>, LassoAggregation {
    public static final String GAP = "gap";
    public static final String NNZ = "nnz";
    public static final String LAMBDA = "lambda";

    /** Relative size of a coordinate move that is rounding noise, not progress. */
    static final double NOISE = 1e-15;

    private final int n;
    private final double[] colMean;
    private final double[] colSqNorm;
    private final double[] beta;
    private double lambda;
    private double tolerance;
    private double lastGradientInfNorm = Double.NaN;

    LassoAggregator(LassoProblem problem, double lambda, double tolerance) {
        this.n = problem.n;
        this.colMean = problem.colMean;
        this.colSqNorm = problem.colSqNorm;
        this.beta = new double[problem.p];
        setLambda(lambda);
        setTolerance(tolerance);
    }

    @Override
    public void setLambda(double lambda) {
        // λ = 0 is least squares: no sparsity and no finite duality gap to stop on; not what this app is for.
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    /** Stop when gap ≤ tolerance · objective. */
    public void setTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    /** Sets β (a resumed run's; the workers must start from the same, see {@link LassoProgram#startFrom}). */
    void setBeta(double[] values) {
        if (values.length != beta.length) {
            throw new IllegalArgumentException(values.length + " coefficients for " + beta.length + " features");
        }
        System.arraycopy(values, 0, beta, 0, beta.length);
    }

    /** ‖X̃ᵀr‖_∞ at the last evaluation; at β = 0 divided by n it is λ_max. */
    @Override
    public double lastGradientInfNorm() {
        return lastGradientInfNorm;
    }

    @Override
    public LassoCommit pull(Schedule schedule, List<LassoPartial> partials, ChangeSink changes) {
        int[] params = schedule.params();
        int m = params.length;
        double[][] parts = new double[partials.size()][];
        for (int w = 0; w < parts.length; w++) {
            parts[w] = partials.get(w).gradient();
        }
        int[] moved = new int[m];
        double[] deltas = new double[m];
        double[] values = new double[m];
        int count = 0;
        double shift = 0;
        double threshold = n * lambda;
        for (int k = 0; k < m; k++) {
            int j = params[k];
            double g = 0;
            for (double[] part : parts) {
                g += part[k];
            }
            double d = colSqNorm[j];
            double updated = d > 0 ? softThreshold(g + d * beta[j], threshold) / d : 0.0;
            if (!Double.isFinite(updated)) {
                throw new DivergenceException("Lasso diverged in round " + schedule.round() + ": coefficient " + (j + 1)
                        + " became " + updated + ". Coordinates updated in the same round interfere; use a smaller "
                        + "block size or the smp scheduler with a lower rho.");
            }
            double delta = updated - beta[j];
            if (Math.abs(delta) <= NOISE * Math.abs(beta[j])) {
                // Re-solving a converged coordinate from a residual carrying rounding error moves it by ~1e-13
                // relative (a few ulps when the residual was just recomputed). Counting that as a change would give it priority forever over coordinates that
                // still have to move; committing it would only add rounding error.
                delta = 0;
            }
            // Priority = how much the fit moved, ‖x̃_j‖ |Δβ_j| / √n: comparable across columns of any scale.
            changes.changed(j, Math.abs(delta) * Math.sqrt(d / n));
            if (delta != 0) {
                beta[j] = updated;
                moved[count] = j;
                deltas[count] = delta;
                values[count] = updated;
                count++;
                shift += colMean[j] * delta;
            }
        }
        return new LassoCommit(Arrays.copyOf(moved, count), Arrays.copyOf(deltas, count), Arrays.copyOf(values, count),
                shift);
    }

    /** S(z, t) = sign(z) · max(|z| − t, 0). */
    static double softThreshold(double z, double t) {
        if (z > t) {
            return z - t;
        }
        if (z < -t) {
            return z + t;
        }
        return 0.0;
    }

    @Override
    public Evaluation evaluate(List<LassoStats> stats) {
        double squares = 0;
        double dotY = 0;
        double[] gradient = new double[beta.length];
        for (LassoStats s : stats) {
            squares += s.residualSquares();
            dotY += s.residualDotY();
            double[] g = s.gradient();
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] += g[j];
            }
        }
        double l1 = 0;
        int nnz = 0;
        for (double b : beta) {
            l1 += Math.abs(b);
            nnz += b != 0 ? 1 : 0;
        }
        double gradInf = 0;
        for (double g : gradient) {
            gradInf = Math.max(gradInf, Math.abs(g));
        }
        lastGradientInfNorm = gradInf;
        double primal = squares / (2.0 * n) + lambda * l1;
        double gap = dualityGap(primal, squares, dotY, gradInf);
        return Evaluation.objective(primal)
                .put(GAP, gap)
                .put(NNZ, nnz)
                .put(LAMBDA, lambda)
                .converged(gap <= tolerance * primal)
                .build();
    }

    /**
     * P(β) − D(u) for the dual feasible u = r / s, s = max(n, ‖X̃ᵀr‖_∞ / λ):
     * D(u) = uᵀỹ − (n/2)‖u‖² = rᵀỹ / s − n ‖r‖² / (2 s²).
     */
    private double dualityGap(double primal, double squares, double dotY, double gradInf) {
        double s = Math.max(n, gradInf / lambda);
        double dual = dotY / s - n * squares / (2.0 * s * s);
        return Math.max(0.0, primal - dual);
    }
}
