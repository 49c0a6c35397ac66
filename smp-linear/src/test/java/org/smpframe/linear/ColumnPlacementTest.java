package org.smpframe.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smpframe.data.CsrMatrix;

/**
 * The column sketch against exact correlations, and the placements built from it: balanced work, and strongly
 * correlated columns kept on one worker.
 */
class ColumnPlacementTest {
    private static final int N = 200;
    private static final int BLOCK = 10;

    /** n × p, blocks of BLOCK columns with within-block correlation c (x = √c z_block + √(1 − c) e). */
    private static double[][] blockDesign(int p, double c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[N][p];
        for (int i = 0; i < N; i++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
                if (j % BLOCK == 0) {
                    z = gaussian(r);
                }
                x[i][j] = Math.sqrt(c) * z + Math.sqrt(1 - c) * gaussian(r) + 3; // uncentred on purpose
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double[] means(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / x.length;
            }
        }
        return m;
    }

    private static double exactCorrelation(double[][] x, double[] mean, int a, int b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (double[] row : x) {
            double u = row[a] - mean[a];
            double v = row[b] - mean[b];
            ab += u * v;
            aa += u * u;
            bb += v * v;
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void theSketchEstimatesCorrelationsWithinItsBound() {
        int p = 120;
        double[][] x = blockDesign(p, 0.85, 1);
        double[] mean = means(x);
        for (int dims : new int[] {64, 256}) {
            ColumnSketch sketch = ColumnSketch.of(CsrMatrix.fromDense(x), mean, dims, 7);
            // A CountSketch estimate of the cosine of two unit vectors has variance about (1 + cos²)/dims ≤ 2/dims.
            double sigma = Math.sqrt(2.0 / dims);
            double sumSq = 0;
            double max = 0;
            int pairs = 0;
            for (int a = 0; a < p; a++) {
                for (int b = a + 1; b < p; b++) {
                    double err = sketch.correlation(a, b) - exactCorrelation(x, mean, a, b);
                    sumSq += err * err;
                    max = Math.max(max, Math.abs(err));
                    pairs++;
                }
            }
            double rms = Math.sqrt(sumSq / pairs);
            assertThat(rms).as("rms error, %d dimensions", dims).isLessThanOrEqualTo(sigma);
            assertThat(max).as("largest error of %d pairs, %d dimensions", pairs, dims).isLessThanOrEqualTo(5 * sigma);
        }
        // Strongly correlated pairs stand out: every within-block pair's estimate is above 0.5 at 64 dimensions.
        ColumnSketch sketch = ColumnSketch.of(CsrMatrix.fromDense(x), mean, 64, 7);
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p && b / BLOCK == a / BLOCK; b++) {
                assertThat(sketch.correlation(a, b)).as("columns %d and %d", a, b).isGreaterThan(0.5);
            }
        }
    }

    @Test
    void aNegatedColumnHasTheSameSignKey() {
        double[][] x = blockDesign(20, 0.5, 3);
        for (double[] row : x) {
            row[1] = -row[0];
        }
        ColumnSketch sketch = ColumnSketch.of(CsrMatrix.fromDense(x), means(x), 64, 5);
        assertThat(sketch.correlation(0, 1)).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-6));
        for (int first = 0; first + 12 <= 64; first += 12) {
            assertThat(sketch.signKey(1, first, 12)).isEqualTo(sketch.signKey(0, first, 12));
        }
    }

    @Test
    void correlatedPlacementKeepsBlocksTogetherAndBalancesTheWork() {
        int p = 2000;
        double[][] x = blockDesign(p, 0.9, 2);
        CsrMatrix rows = CsrMatrix.fromDense(x);
        for (int workers : new int[] {2, 3, 4}) {
            int[] owner = PlacementStrategy.CORRELATED.place(rows, means(x), workers, 1);
            int split = 0;
            for (int b = 0; b < p; b += BLOCK) {
                for (int j = b + 1; j < b + BLOCK; j++) {
                    if (owner[j] != owner[b]) {
                        split++;
                        break;
                    }
                }
            }
            assertThat(split).as("blocks split over workers, P = %d", workers).isLessThanOrEqualTo(p / BLOCK / 10);
            assertBalanced(owner, workers, ColumnPlacement.SLACK);
            // The uniform baseline splits most blocks.
            int[] uniform = PlacementStrategy.UNIFORM.place(rows, means(x), workers, 1);
            int uniformSplit = 0;
            for (int b = 0; b < p; b += BLOCK) {
                for (int j = b + 1; j < b + BLOCK; j++) {
                    if (uniform[j] != uniform[b]) {
                        uniformSplit++;
                        break;
                    }
                }
            }
            assertThat(uniformSplit).isGreaterThan(p / BLOCK / 2);
        }
    }

    @ParameterizedTest
    @EnumSource(PlacementStrategy.class)
    void everyPlacementIsBalancedAndDeterministic(PlacementStrategy strategy) {
        double[][] x = blockDesign(301, 0.3, 4);
        CsrMatrix rows = CsrMatrix.fromDense(x);
        for (int workers : new int[] {1, 2, 5}) {
            int[] a = strategy.place(rows, means(x), workers, 9);
            int[] b = strategy.place(rows, means(x), workers, 9);
            assertThat(a).isEqualTo(b);
            assertBalanced(a, workers, 1.1);
        }
        int[] contiguous = PlacementStrategy.CONTIGUOUS.place(rows, means(x), 3, 1);
        for (int j = 1; j < contiguous.length; j++) {
            assertThat(contiguous[j]).isGreaterThanOrEqualTo(contiguous[j - 1]);
        }
    }

    private static void assertBalanced(int[] owner, int workers, double slack) {
        int[] count = new int[workers];
        for (int w : owner) {
            assertThat(w).isBetween(0, workers - 1);
            count[w]++;
        }
        for (int w = 0; w < workers; w++) {
            assertThat(count[w]).as("columns of worker %d of %d", w, workers)
                    .isLessThanOrEqualTo((int) Math.ceil(slack * owner.length / workers) + 1);
        }
    }
}
