package org.smpframe.logreg;

import org.smpframe.api.RunSummary;

/**
 * The solution for one λ.
 *
 * @param stage   index on the path
 * @param lambda  λ
 * @param model   the model at the end of the stage
 * @param summary how the stage's run ended, with its last evaluation
 * @param train   metrics on the training data at the end of the stage
 * @param test    metrics on the test data, or null without test data
 */
public record LogRegStage(int stage, double lambda, LogRegModel model, RunSummary summary, BinaryMetrics train,
                          BinaryMetrics test) {
    public double objective() {
        return summary.last().evaluation().objective();
    }

    /** ‖∇ˢF(w)‖₁ / ‖∇ˢF(0)‖₁ at the end of the stage. */
    public double subgradient() {
        return summary.last().evaluation().get(LogRegAggregator.SUBGRADIENT);
    }

    public boolean converged() {
        return summary.reason() == RunSummary.StopReason.CONVERGED;
    }
}
