package org.smpframe.linear;

/** The λ grid of a regularization path, solved largest first with warm starts (as glmnet and liblinear do). */
public final class RegularizationPath {
    private RegularizationPath() {
    }

    /** λ_max · ε^(k / (N − 1)), k = 0 .. N − 1: log-spaced from λ_max down to ε·λ_max. */
    public static double[] logSpaced(double lambdaMax, int length, double ratio) {
        if (length < 2) {
            throw new IllegalArgumentException("a path needs at least 2 values of lambda, got " + length);
        }
        double[] lambdas = new double[length];
        for (int k = 0; k < length; k++) {
            lambdas[k] = lambdaMax * Math.pow(ratio, k / (double) (length - 1));
        }
        return lambdas;
    }
}
