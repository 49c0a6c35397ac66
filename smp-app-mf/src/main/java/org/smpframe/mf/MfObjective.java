package org.smpframe.mf;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.Evaluation;

/**
 * Turns the workers' {@link MfStats} into the evaluation of the objective
 * Σ(rᵢⱼ − r̂ᵢⱼ)² + λ(Σ cᵢ‖wᵢ‖² + Σ cⱼ‖hⱼ‖²) and the RMSEs, and applies the stopping rule (relative decrease
 * below the tolerance). Shared by both MF methods so that their traces are comparable column by column.
 */
final class MfObjective {
    static final String TRAIN_RMSE = "train_rmse";
    static final String TEST_RMSE = "test_rmse";
    static final String LOSS = "loss";
    static final String PENALTY = "penalty";
    static final String ITERATION = "iteration";

    private final double lambda;
    private final double tolerance;
    private double previous = Double.NaN;
    private long previousIteration;

    MfObjective(double lambda, double tolerance) {
        this.lambda = lambda;
        this.tolerance = tolerance;
    }

    /** The previous evaluation, which the relative-decrease rule compares with: part of a checkpoint. */
    void saveState(DataOutput out) throws IOException {
        out.writeDouble(previous);
        out.writeLong(previousIteration);
    }

    void restoreState(DataInput in) throws IOException {
        previous = in.readDouble();
        previousIteration = in.readLong();
    }

    /** The evaluation of the summed statistics; {@code extraItemPenalty} is added to the workers' item sums. */
    Evaluation evaluate(List<MfStats> stats, double extraItemPenalty) {
        double sse = 0;
        double testSse = 0;
        long n = 0;
        long nt = 0;
        double penalty = extraItemPenalty;
        long iteration = Long.MAX_VALUE;
        for (MfStats s : stats) {
            sse += s.trainSse();
            testSse += s.testSse();
            n += s.trainCount();
            nt += s.testCount();
            penalty += s.userPenalty() + s.itemPenalty();
            iteration = Math.min(iteration, s.iteration());
        }
        double objective = sse + lambda * penalty;
        if (iteration > 0 && !Double.isFinite(objective)) {
            throw new DivergenceException("matrix factorization diverged at iteration " + iteration
                    + " (objective " + objective + "); for the hogwild SGD baseline lower --learning-rate");
        }
        boolean converged = false;
        // Only a newly completed iteration can show the decrease: an evaluation between two (a run stopped
        // part-way) repeats the last one's numbers.
        if (tolerance > 0 && iteration > previousIteration && Double.isFinite(previous)) {
            converged = previous - objective <= tolerance * Math.abs(previous);
        }
        if (iteration > previousIteration) {
            previous = objective;
            previousIteration = iteration;
        }
        return Evaluation.objective(iteration == 0 ? Double.NaN : objective)
                .put(TRAIN_RMSE, n == 0 ? Double.NaN : Math.sqrt(sse / n))
                .put(TEST_RMSE, nt == 0 ? Double.NaN : Math.sqrt(Math.max(0, testSse) / nt))
                .put(LOSS, sse)
                .put(PENALTY, penalty)
                .put(ITERATION, iteration)
                .converged(converged)
                .build();
    }
}
