package org.smpframe.logreg;

import java.util.List;

/**
 * The result of a fit: one stage for a single λ, or one per λ of the path (largest λ first).
 *
 * @param stages the solutions in the order they were computed
 */
public record LogRegResult(List<LogRegStage> stages) {
    public LogRegResult {
        stages = List.copyOf(stages);
    }

    /** The solution of the last (smallest) λ. */
    public LogRegModel finalModel() {
        return last().model();
    }

    public LogRegStage last() {
        return stages.get(stages.size() - 1);
    }

    public boolean allConverged() {
        return stages.stream().allMatch(LogRegStage::converged);
    }
}
