package org.smpframe.logreg;

/**
 * |∂ˢF/∂w_j| of the L1-penalized objective: the smallest magnitude of a subgradient along coordinate j, given the
 * loss derivative g there. Zero exactly where coordinate j satisfies its optimality condition; the sum over j is
 * the quantity liblinear's stopping rule bounds. One definition for both layouts' workers and aggregators.
 */
final class MinNormSubgradient {
    private MinNormSubgradient() {
    }

    /** For weight {@code wj} at penalty {@code lambda}; an unpenalized coordinate (the bias) needs g = 0. */
    static double of(double g, double wj, double lambda, boolean penalized) {
        if (!penalized) {
            return Math.abs(g);
        }
        if (wj > 0) {
            return Math.abs(g + lambda);
        }
        if (wj < 0) {
            return Math.abs(g - lambda);
        }
        return Math.max(0.0, Math.abs(g) - lambda);
    }
}
