package org.smpframe.lasso;

import java.util.List;

/**
 * The result of a fit: one stage for a single λ, or one per λ of the path (largest λ first).
 *
 * @param stages the solutions in the order they were computed
 */
public record LassoResult(List<LassoStage> stages) {
    public LassoResult {
        stages = List.copyOf(stages);
    }

    /** The solution of the last (smallest) λ. */
    public LassoModel finalModel() {
        return stages.get(stages.size() - 1).model();
    }

    public boolean allConverged() {
        return stages.stream().allMatch(LassoStage::converged);
    }
}
