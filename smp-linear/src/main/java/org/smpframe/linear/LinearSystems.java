package org.smpframe.linear;

/** The small dense systems of the extrapolations (a few unknowns): Gaussian elimination, nothing more. */
final class LinearSystems {
    private LinearSystems() {
    }

    /**
     * Solves the m × m system whose augmented m × (m + 1) matrix is {@code a} (left unchanged), with {@code ridge}
     * added to the diagonal; null if it is singular.
     */
    static double[] solveWithRidge(double[][] a, int m, double ridge) {
        double[][] w = new double[m][m + 1];
        for (int r = 0; r < m; r++) {
            System.arraycopy(a[r], 0, w[r], 0, m + 1);
            w[r][r] += ridge;
        }
        for (int c = 0; c < m; c++) {
            int pivot = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(w[r][c]) > Math.abs(w[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = w[c];
            w[c] = w[pivot];
            w[pivot] = t;
            if (!(Math.abs(w[c][c]) > 0)) {
                return null;
            }
            for (int r = 0; r < m; r++) {
                if (r != c) {
                    double f = w[r][c] / w[c][c];
                    for (int q = c; q <= m; q++) {
                        w[r][q] -= f * w[c][q];
                    }
                }
            }
        }
        double[] z = new double[m];
        for (int r = 0; r < m; r++) {
            z[r] = w[r][m] / w[r][r];
        }
        return z;
    }
}
