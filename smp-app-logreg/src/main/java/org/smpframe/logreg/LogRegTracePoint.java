package org.smpframe.logreg;

import org.smpframe.api.Evaluation;

/**
 * One evaluation during a fit; time, rounds and updates count from the start of the whole fit (all λ of a path).
 *
 * @param stage      index of λ on the path (0 for a single λ)
 * @param lambda     the λ being solved
 * @param seconds    solver seconds so far, evaluation excluded
 * @param round      rounds so far
 * @param updates    coordinate updates so far
 * @param evaluation objective, relative subgradient norm, nonzeros, train log-loss
 * @param train      accuracy, log-loss and ROC AUC on the training data (null unless the config traces metrics)
 * @param test       the same on the test data, or null without test data (or without traced metrics)
 */
public record LogRegTracePoint(int stage, double lambda, double seconds, long round, long updates,
                               Evaluation evaluation, BinaryMetrics train, BinaryMetrics test) {
    public double objective() {
        return evaluation.objective();
    }

    /** ‖∇ˢF(w)‖₁ / ‖∇ˢF(0)‖₁, the quantity liblinear's stopping rule bounds. */
    public double subgradient() {
        return evaluation.get(LogRegAggregator.SUBGRADIENT);
    }

    public long nonzeros() {
        return (long) evaluation.get(LogRegAggregator.NNZ);
    }
}
