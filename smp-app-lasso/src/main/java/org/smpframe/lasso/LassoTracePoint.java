package org.smpframe.lasso;

import org.smpframe.api.Evaluation;

/**
 * One evaluation during a fit; time, rounds and updates count from the start of the whole fit (all λ of a path).
 *
 * @param stage      index of λ on the path (0 for a single λ)
 * @param lambda     the λ being solved
 * @param seconds    solver seconds so far, evaluation excluded
 * @param round      rounds so far
 * @param updates    coordinate updates so far
 * @param evaluation objective, gap, nonzeros
 */
public record LassoTracePoint(int stage, double lambda, double seconds, long round, long updates,
                              Evaluation evaluation) {
    public double objective() {
        return evaluation.objective();
    }

    public double gap() {
        return evaluation.get(LassoAggregator.GAP);
    }

    public long nonzeros() {
        return (long) evaluation.get(LassoAggregator.NNZ);
    }
}
