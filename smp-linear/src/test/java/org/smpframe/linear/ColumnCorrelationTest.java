package org.smpframe.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smpframe.api.BlockFilter;
import org.smpframe.data.CscMatrix;
import org.smpframe.data.CsrMatrix;

class ColumnCorrelationTest {

    /** Naive correlation of centred columns straight from the definition, in double. */
    private static double reference(double[][] x, double[] mean, int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (double[] row : x) {
            double u = row[a] - mean[a];
            double v = row[b] - mean[b];
            dot += u * v;
            na += u * u;
            nb += v * v;
        }
        return na == 0 || nb == 0 ? 0 : Math.abs(dot) / Math.sqrt(na * nb);
    }

    private static double[][] randomDesign(Random rnd, int n, int p, double density) {
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = rnd.nextDouble() < density ? rnd.nextGaussian() + 0.5 : 0;
            }
        }
        for (double[] row : x) {
            row[3] = 0; // a zero column depends on nothing
            row[4] = row[2] * -2; // perfectly anti-correlated with column 2
        }
        return x;
    }

    /** Column means, or all zeros for raw (uncentred) columns. */
    private static double[] means(double[][] x, boolean centred) {
        double[] mean = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += centred ? row[j] / x.length : 0;
            }
        }
        return mean;
    }

    /** ‖x_j − μ_j‖², what the oracle takes as its columns' squared norms. */
    private static double[] centredSquares(double[][] x, double[] mean) {
        double[] sq = new double[mean.length];
        for (double[] row : x) {
            for (int j = 0; j < sq.length; j++) {
                sq[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        return sq;
    }

    private static void checkAgainstReference(double density, boolean centred) {
        Random rnd = new Random(7);
        int n = 37;
        int p = 9;
        double[][] x = randomDesign(rnd, n, p, density);
        double[] mean = means(x, centred);
        double[] sq = centredSquares(x, mean);
        CscMatrix columns = CsrMatrix.fromDense(x).toCsc();
        ColumnCorrelation oracle = new ColumnCorrelation(columns, mean, sq);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                assertThat(oracle.dependency(a, b)).as("pair %d,%d", a, b)
                        .isCloseTo(reference(x, mean, a, b), within(1e-6));
            }
        }
        // Also in an order that keeps switching which column repeats (the sparse path keeps one scattered).
        for (int t = 0; t < 500; t++) {
            int a = rnd.nextInt(p);
            int b = rnd.nextInt(p);
            assertThat(oracle.dependency(a, b)).as("pair %d,%d", a, b)
                    .isCloseTo(reference(x, mean, a, b), within(1e-6));
        }
        assertThat(oracle.dependency(2, 4)).isCloseTo(1.0, within(1e-6));
        assertThat(oracle.dependency(3, 5)).isZero();
    }

    /**
     * With few columns answers are remembered (a regularization path asks again at every λ); a remembered answer
     * must be the very value a fresh oracle computes, in either argument order, or a resumed run, whose memory
     * starts empty, could decide a pair at ρ differently from the uninterrupted one.
     */
    @Test
    void rememberedAnswersAreExactlyWhatAFreshOracleComputes() {
        // Dense copy (centred), sparse with the Gram matrix, and sparse too wide for it (pair by pair).
        checkRemembered(50, 30, 1.0, true);
        checkRemembered(50, 30, 0.1, false);
        checkRemembered(30, ColumnCorrelation.MAX_GRAM_COLUMNS + 40, 0.05, true);
    }

    private static void checkRemembered(int n, int p, double density, boolean centred) {
        Random rnd = new Random(13);
        double[][] x = randomDesign(rnd, n, p, density);
        double[] mean = means(x, centred);
        double[] sq = centredSquares(x, mean);
        CscMatrix columns = CsrMatrix.fromDense(x).toCsc();
        ColumnCorrelation used = new ColumnCorrelation(columns, mean, sq);
        int[][] pairs = new int[3000][];
        for (int t = 0; t < pairs.length; t++) {
            pairs[t] = new int[] {rnd.nextInt(p), rnd.nextInt(p)};
            used.dependency(pairs[t][0], pairs[t][1]);
        }
        for (int t = 0; t < pairs.length; t += 7) { // remembered ones, asked again in either order
            int a = pairs[t][0];
            int b = pairs[t][1];
            ColumnCorrelation fresh = new ColumnCorrelation(columns, mean, sq);
            assertThat(used.dependency(b, a)).as("n %d, p %d, density %s, pair %d,%d", n, p, density, a, b)
                    .isEqualTo(fresh.dependency(a, b)).isEqualTo(fresh.dependency(b, a))
                    .isCloseTo(reference(x, mean, a, b), within(1e-6));
        }
    }

    /** Beyond {@link ColumnCorrelation#MAX_GRAM_COLUMNS} sparse pairs are sparse dots (below, Gram look-ups). */
    @Test
    void wideSparseDesignsAgreeWithTheReferencePairByPair() {
        Random rnd = new Random(5);
        int n = 30;
        int p = ColumnCorrelation.MAX_GRAM_COLUMNS + 20;
        double[][] x = randomDesign(rnd, n, p, 0.05);
        double[] mean = means(x, false);
        double[] sq = centredSquares(x, mean);
        ColumnCorrelation oracle = new ColumnCorrelation(CsrMatrix.fromDense(x).toCsc(), mean, sq);
        assertThat(oracle.blockFilter(0.1)).as("sparse, too wide for the Gram matrix").isNotNull();
        for (int t = 0; t < 2000; t++) {
            int a = rnd.nextInt(p);
            int b = rnd.nextInt(p);
            assertThat(oracle.dependency(a, b)).as("pair %d,%d", a, b)
                    .isCloseTo(reference(x, mean, a, b), within(1e-6));
        }
    }

    @Test
    void sparseBlockFilterAdmitsExactlyWhatPairwiseChecksWould() {
        Random rnd = new Random(11);
        int n = 60;
        int p = ColumnCorrelation.MAX_GRAM_COLUMNS + 16; // narrower sparse designs use the Gram matrix, no filter
        for (boolean centred : new boolean[] {true, false}) {
            double[][] x = randomDesign(rnd, n, p, 0.08);
            double[] mean = means(x, centred);
            double[] sq = centredSquares(x, mean);
            ColumnCorrelation oracle = new ColumnCorrelation(CsrMatrix.fromDense(x).toCsc(), mean, sq);
            for (double rho : new double[] {0.05, 0.2, 0.5}) {
                BlockFilter filter = oracle.blockFilter(rho);
                assertThat(filter).isNotNull();
                for (int round = 0; round < 50; round++) {
                    filter.clear();
                    List<Integer> candidates = new ArrayList<>();
                    for (int j = 0; j < p; j++) {
                        candidates.add(j);
                    }
                    Collections.shuffle(candidates, rnd); // distinct, as a scheduler draws them
                    List<Integer> kept = new ArrayList<>();
                    for (int c : candidates.subList(0, 25)) {
                        boolean expected = true;
                        for (int k : kept) {
                            expected &= reference(x, mean, c, k) < rho;
                        }
                        assertThat(filter.admit(c)).as("rho %s, candidate %d against %s", rho, c, kept)
                                .isEqualTo(expected);
                        if (expected) {
                            kept.add(c);
                        }
                    }
                }
            }
        }
    }

    @Test
    void denseCopyMatchesTheDefinition() {
        checkAgainstReference(0.9, true);
        checkAgainstReference(0.9, false);
    }

    @Test
    void sparseMergeMatchesTheDefinition() {
        checkAgainstReference(0.1, true);
        checkAgainstReference(0.1, false);
    }
}
