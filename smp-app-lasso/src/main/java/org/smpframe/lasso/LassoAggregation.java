package org.smpframe.lasso;

/**
 * What a Lasso fit needs of its aggregator, whichever layout computes it: the penalty of the λ being fitted and
 * the committed coefficients.
 */
public interface LassoAggregation {
    /** Changes λ between runs of a session (regularization path); β is kept as the warm start. */
    void setLambda(double lambda);

    double lambda();

    /** The committed coefficients (of the problem as solved, i.e. on the normalized scale if normalized). */
    double[] beta();

    /** ‖X̃ᵀr‖_∞ at the last evaluation (an upper bound where columns were skipped). */
    double lastGradientInfNorm();
}
