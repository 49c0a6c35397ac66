package org.smpframe.schedulers;

import java.util.SplittableRandom;
import org.smpframe.api.DependencyOracle;

/** Random symmetric dependency structures in [0, 1] for tests, as dense p × p matrices. */
final class DependencyMatrices {
    /** How a structure is made; see the factory methods. */
    enum Kind { FEATURE_CORRELATIONS, BLOCKS, UNIFORM, INDEPENDENT }

    private DependencyMatrices() {
    }

    static double[][] make(Kind kind, int p, SplittableRandom random) {
        return switch (kind) {
            case FEATURE_CORRELATIONS -> featureCorrelations(p, 3 + random.nextInt(20), random);
            case BLOCKS -> blocks(p, 1 + random.nextInt(Math.max(1, p / 2)), random);
            case UNIFORM -> uniform(p, random);
            case INDEPENDENT -> new double[p][p];
        };
    }

    /**
     * |corr(x_a, x_b)| of p random feature columns over n rows. Columns load on a few shared latent factors,
     * so correlations spread over [0, 1] instead of all being near 0.
     */
    static double[][] featureCorrelations(int p, int n, SplittableRandom random) {
        int factors = 1 + random.nextInt(4);
        double[][] z = new double[factors][n];
        for (double[] f : z) {
            for (int i = 0; i < n; i++) {
                f[i] = random.nextGaussian();
            }
        }
        double[][] x = new double[p][n];
        for (int j = 0; j < p; j++) {
            double noise = random.nextDouble() * 2;
            for (int f = 0; f < factors; f++) {
                double loading = random.nextGaussian();
                for (int i = 0; i < n; i++) {
                    x[j][i] += loading * z[f][i];
                }
            }
            for (int i = 0; i < n; i++) {
                x[j][i] += noise * random.nextGaussian();
            }
            // Center and scale to unit length, so a dot product is a correlation.
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[j][i];
            }
            mean /= n;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                x[j][i] -= mean;
                norm += x[j][i] * x[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[j][i] = norm == 0 ? 0 : x[j][i] / norm;
            }
        }
        double[][] d = new double[p][p];
        for (int a = 0; a < p; a++) {
            d[a][a] = 1;
            for (int b = a + 1; b < p; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += x[a][i] * x[b][i];
                }
                d[a][b] = Math.min(1, Math.abs(dot));
                d[b][a] = d[a][b];
            }
        }
        return d;
    }

    /** Parameters in random blocks: strongly dependent within a block, weakly across blocks. */
    static double[][] blocks(int p, int numBlocks, SplittableRandom random) {
        int[] block = new int[p];
        for (int j = 0; j < p; j++) {
            block[j] = random.nextInt(numBlocks);
        }
        double[][] d = new double[p][p];
        for (int a = 0; a < p; a++) {
            d[a][a] = 1;
            for (int b = a + 1; b < p; b++) {
                d[a][b] = block[a] == block[b] ? 0.3 + 0.7 * random.nextDouble() : 0.15 * random.nextDouble();
                d[b][a] = d[a][b];
            }
        }
        return d;
    }

    /** Every pair's dependency uniform in [0, 1]. */
    static double[][] uniform(int p, SplittableRandom random) {
        double[][] d = new double[p][p];
        for (int a = 0; a < p; a++) {
            d[a][a] = 1;
            for (int b = a + 1; b < p; b++) {
                d[a][b] = random.nextDouble();
                d[b][a] = d[a][b];
            }
        }
        return d;
    }

    static DependencyOracle oracle(double[][] d) {
        return (a, b) -> d[a][b];
    }
}
