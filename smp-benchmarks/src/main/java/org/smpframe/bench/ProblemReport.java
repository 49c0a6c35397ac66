package org.smpframe.bench;

import java.util.List;

/**
 * What the convergence benchmark found on one problem, or why it was skipped.
 *
 * @param problem     the problem's name
 * @param skipped     why it was skipped (data absent), or null if it ran
 * @param summary     shape, λ and scaling of the problem
 * @param reference   the certified optimum
 * @param target      f*(1 + 1e-6)
 * @param exploration one run per explored configuration (empty without exploration)
 * @param sameBlock   smp, random, cyclic at the same block size, in that order
 * @param ownBest     smp, random, cyclic each at its best explored configuration, in that order (empty without
 *                    exploration)
 */
public record ProblemReport(String problem, String skipped, String summary, ReferenceOptimum reference,
                            double target, List<Measurement> exploration, List<Measurement> sameBlock,
                            List<Measurement> ownBest) {

    static ProblemReport skipped(String problem, String why) {
        return new ProblemReport(problem, why, null, null, Double.NaN, List.of(), List.of(), List.of());
    }

    public boolean wasSkipped() {
        return skipped != null;
    }
}
