package org.smpframe.mf;

/**
 * The columns of the factor matrices W (users) and H (items). With biases, the model
 * r̂ᵢⱼ = μ + bᵢ + cⱼ + wᵢ·hⱼ is written as one more inner product by giving both matrices two extra columns:
 * column 0 holds the user biases bᵢ in W and a constant 1 in H, column 1 a constant 1 in W and the item biases cⱼ
 * in H. Coordinate descent then treats a bias as a factor whose other side never changes, and every update,
 * residual switch and prediction is the same loop. Constant columns are never updated and never penalized.
 *
 * @param rank   number of latent factors k
 * @param biases whether the two bias columns come first
 */
public record FactorColumns(int rank, boolean biases) {
    public FactorColumns {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        }
    }

    /** Columns of W and of H. */
    public int count() {
        return rank + (biases ? 2 : 0);
    }

    /** Column of the first latent factor. */
    public int firstFactor() {
        return biases ? 2 : 0;
    }

    /** Whether W's column {@code c} is learned (false for the constant column facing the item biases). */
    public boolean learnedInW(int c) {
        return !(biases && c == 1);
    }

    /** Whether H's column {@code c} is learned (false for the constant column facing the user biases). */
    public boolean learnedInH(int c) {
        return !(biases && c == 0);
    }
}
