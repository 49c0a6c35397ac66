package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;

/**
 * Covariance updates compute the partials x̃_jᵀr that a pass over the rows computes, with the implicit centring of
 * an intercept and standardized columns, through a run of commits; evaluations are the same bit for bit.
 */
class LassoCovarianceWorkerTest {

    @Test
    void partialsMatchThePassOverTheRowsThroughARunOfCommits() {
        checkAgainstRows(LassoProblem.of(LassoTestData.sparse(70, 25, 0.4, 11), true, true));
    }

    @Test
    void withoutInterceptToo() {
        checkAgainstRows(LassoProblem.of(LassoTestData.sparse(70, 25, 0.4, 12), false, false));
    }

    @Test
    void aDesignTooWideForAGramMatrixIsRefusedBeforeAnythingIsBuilt() {
        int p = LassoCovarianceWorker.MAX_FEATURES + 1;
        double[][] one = new double[1][p];
        one[0][p - 1] = 1;
        LabeledDataset wide = new LabeledDataset("wide", CsrMatrix.fromDense(one), new double[] {1}, null);
        LassoConfig config = LassoConfig.builder().lambda(0.1).covarianceUpdates(true).build();
        assertThatThrownBy(() -> new LassoTrainer(config).fit(wide, null, LassoListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--updates naive")
                .hasMessageContaining(String.valueOf(p));
    }

    private static void checkAgainstRows(LassoProblem problem) {
        WorkerTask<LassoPartial, LassoCommit, LassoStats> rows =
                new LassoProgram(problem, 0.01, 1e-9, false).createWorker(1, 2);
        WorkerTask<LassoPartial, LassoCommit, LassoStats> gram =
                new LassoProgram(problem, 0.01, 1e-9, true).createWorker(1, 2);
        assertThat(gram).isInstanceOf(LassoCovarianceWorker.class);
        assertThat(rows).isInstanceOf(LassoWorker.class);
        SplittableRandom random = new SplittableRandom(5);
        double[] beta = new double[problem.p];
        for (int round = 0; round < 60; round++) {
            int[] params = random.ints(0, problem.p).distinct().limit(6).sorted().toArray();
            Schedule schedule = Schedule.shared(round, params);
            double[] expected = rows.push(schedule).gradient();
            double[] actual = gram.push(schedule).gradient();
            for (int k = 0; k < params.length; k++) {
                assertThat(actual[k]).as("round %d, coordinate %d", round, params[k])
                        .isCloseTo(expected[k], within(1e-9 * (1 + Math.abs(expected[k]))));
            }
            double[] deltas = new double[params.length];
            double[] values = new double[params.length];
            double shift = 0;
            for (int k = 0; k < params.length; k++) {
                deltas[k] = random.nextDouble(-0.5, 0.5);
                beta[params[k]] += deltas[k];
                values[k] = beta[params[k]];
                shift += problem.colMean[params[k]] * deltas[k];
            }
            LassoCommit commit = new LassoCommit(params, deltas, values, shift);
            rows.apply(commit);
            gram.apply(commit);
            if (round % 20 == 19) {
                LassoStats a = rows.localStats();
                LassoStats b = gram.localStats();
                assertThat(b.residualSquares()).isEqualTo(a.residualSquares());
                assertThat(b.residualDotY()).isEqualTo(a.residualDotY());
                assertThat(b.gradient()).containsExactly(a.gradient());
            }
        }
    }

    @Test
    void theGramMatrixIsXTransposeX() {
        double[][] x = {{1, 0, 2}, {0, 3, -1}, {4, 0, 0}, {0.5, 0.5, 0.5}};
        double[] g = LassoCovarianceWorker.gram(CsrMatrix.fromDense(x));
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                double dot = 0;
                for (double[] row : x) {
                    dot += row[j] * row[k];
                }
                assertThat(g[j * 3 + k]).as("G[%d][%d]", j, k).isCloseTo(dot, within(1e-12));
            }
        }
    }
}
