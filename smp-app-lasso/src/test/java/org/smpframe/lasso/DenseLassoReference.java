package org.smpframe.lasso;

import org.smpframe.data.LabeledDataset;

/**
 * A deliberately naive Lasso on dense arrays, written straight from the formulas, to check the SMP solver
 * against: explicit centring, the objective by a full pass, sequential (Gauss–Seidel) coordinate descent with
 * the residual recomputed from scratch after every sweep.
 */
final class DenseLassoReference {
    final double[][] x;
    final double[] y;
    final int n;
    final int p;
    final boolean intercept;

    DenseLassoReference(LabeledDataset data) {
        this(data, true);
    }

    /** Without {@code intercept}, b = 0 and nothing is centred. */
    DenseLassoReference(LabeledDataset data, boolean intercept) {
        this.x = data.features().toDense();
        this.y = data.labels();
        this.n = x.length;
        this.p = data.numFeatures();
        this.intercept = intercept;
    }

    /** (1/2n) Σ (y_i − b − x_iᵀβ)² + λ‖β‖₁. */
    double objective(double[] beta, double b, double lambda) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - b - dot(x[i], beta);
            loss += r * r;
        }
        double l1 = 0;
        for (double v : beta) {
            l1 += Math.abs(v);
        }
        return loss / (2.0 * n) + lambda * l1;
    }

    /** Minimizes over β_j alone (β and b = the optimal intercept for β), by the closed form on centred data. */
    double coordinateMinimizer(double[] beta, int j, double lambda) {
        double[][] xc = centeredX();
        double[] yc = centeredY();
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double partial = yc[i];
            for (int k = 0; k < p; k++) {
                if (k != j) {
                    partial -= xc[i][k] * beta[k];
                }
            }
            num += xc[i][j] * partial;
            den += xc[i][j] * xc[i][j];
        }
        double t = n * lambda;
        double s = num > t ? num - t : num < -t ? num + t : 0;
        return den == 0 ? 0 : s / den;
    }

    /** The optimal intercept for β: ȳ − Σ_j x̄_j β_j. */
    double intercept(double[] beta) {
        if (!intercept) {
            return 0;
        }
        double b = 0;
        for (int i = 0; i < n; i++) {
            b += y[i] - dot(x[i], beta);
        }
        return b / n;
    }

    /** Sequential coordinate descent to machine precision. */
    double[] solve(double lambda) {
        double[] beta = new double[p];
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double maxChange = 0;
            for (int j = 0; j < p; j++) {
                double v = coordinateMinimizer(beta, j, lambda);
                maxChange = Math.max(maxChange, Math.abs(v - beta[j]));
                beta[j] = v;
            }
            if (maxChange < 1e-13) {
                break;
            }
        }
        return beta;
    }

    /** (1/n) x̃_jᵀ r for all j, with r the residual of (β, optimal b). */
    double[] gradient(double[] beta, double b) {
        double[] g = new double[p];
        double[] xbar = columnMeans();
        for (int i = 0; i < n; i++) {
            double r = y[i] - b - dot(x[i], beta);
            for (int j = 0; j < p; j++) {
                g[j] += (x[i][j] - xbar[j]) * r / n;
            }
        }
        return g;
    }

    private double[][] centeredX() {
        double[] mean = columnMeans();
        double[][] c = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                c[i][j] = x[i][j] - mean[j];
            }
        }
        return c;
    }

    private double[] centeredY() {
        double mean = 0;
        for (double v : y) {
            mean += intercept ? v / n : 0;
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = y[i] - mean;
        }
        return c;
    }

    private double[] columnMeans() {
        double[] m = new double[p];
        if (!intercept) {
            return m;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                m[j] += row[j] / n;
            }
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
