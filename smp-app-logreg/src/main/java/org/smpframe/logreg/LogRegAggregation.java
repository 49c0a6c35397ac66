package org.smpframe.logreg;

/**
 * What a logistic regression fit needs of its aggregator, whichever layout computes it: the penalty of the λ being
 * fitted and the committed weights.
 */
public interface LogRegAggregation {
    /** Changes λ between runs of a session (regularization path); w is kept as the warm start. */
    void setLambda(double lambda);

    double lambda();

    /** The committed weights (features, then the bias if the problem has one), on the scale solved. */
    double[] weights();
}
