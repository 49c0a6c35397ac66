package org.smpframe.mf;

/** How the L2 penalty weighs each user's and item's factors. */
public enum Regularization {
    /**
     * λ(Σᵢ |Ωᵢ|‖wᵢ‖² + Σⱼ |Ωⱼ|‖hⱼ‖²): each factor is penalized in proportion to its number of training ratings,
     * as in ALS-WR and Spark MLlib's ALS, so λ means the same on small and large data; the default.
     */
    WEIGHTED,
    /** λ(‖W‖² + ‖H‖²), the plain form (CCD++ paper, LIBPMF). */
    UNWEIGHTED;

    /** The weight of a user's or item's squared norm given its number of training ratings. */
    double weight(int ratings) {
        return this == WEIGHTED ? ratings : 1.0;
    }
}
