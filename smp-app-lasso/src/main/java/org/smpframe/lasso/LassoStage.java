package org.smpframe.lasso;

import org.smpframe.api.RunSummary;

/**
 * The solution for one λ.
 *
 * @param stage   index on the path
 * @param lambda  λ
 * @param model   the model at the end of the stage
 * @param summary how the stage's run ended (converged, or a limit), with its last evaluation
 */
public record LassoStage(int stage, double lambda, LassoModel model, RunSummary summary) {
    /** The objective at the end of the stage. */
    public double objective() {
        return summary.last().evaluation().objective();
    }

    /** The duality gap at the end of the stage. */
    public double gap() {
        return summary.last().evaluation().get(LassoAggregator.GAP);
    }

    public boolean converged() {
        return summary.reason() == RunSummary.StopReason.CONVERGED;
    }
}
