package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpframe.data.LabeledDataset;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

class LassoMathTest {
    private static final double LAMBDA = 0.05;

    private static LassoResult fit(LabeledDataset data, LassoConfig config, int workers) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LassoTrainer(config).fit(data, runtime, LassoListener.NONE);
        }
    }

    @Test
    void reportedObjectiveEqualsDenseReferenceAtTheReportedModel() {
        LabeledDataset data = LassoTestData.sparse(40, 9, 0.6, 3);
        DenseLassoReference ref = new DenseLassoReference(data);
        for (long rounds : new long[] {1, 2, 5, 17}) {
            LassoConfig config = LassoConfig.builder().lambda(LAMBDA).scheduler("cyclic").blockSize(2)
                    .maxRounds(rounds).evaluateEvery(1).tolerance(0).build();
            LassoResult r = fit(data, config, 3);
            LassoModel m = r.finalModel();
            double reported = r.stages().get(0).summary().last().evaluation().objective();
            assertThat(reported).isCloseTo(ref.objective(m.coefficients(), m.intercept(), LAMBDA), within(1e-12));
        }
    }

    @Test
    void eachCoordinateUpdateIsTheExactCoordinateMinimizer() {
        LabeledDataset data = LassoTestData.sparse(30, 6, 0.7, 5);
        DenseLassoReference ref = new DenseLassoReference(data);
        double[] previous = new double[6];
        for (int k = 1; k <= 14; k++) {
            LassoConfig config = LassoConfig.builder().lambda(LAMBDA).scheduler("cyclic").blockSize(1)
                    .maxRounds(k).evaluateEvery(1).tolerance(0).pipelineDepth(0).layout("rows").build();
            double[] current = fit(data, config, 2).finalModel().coefficients();
            int j = (k - 1) % 6;
            assertThat(current[j]).as("coordinate %d after round %d", j, k)
                    .isCloseTo(ref.coordinateMinimizer(previous, j, LAMBDA), within(1e-10));
            for (int other = 0; other < 6; other++) {
                if (other != j) {
                    assertThat(current[other]).isCloseTo(previous[other], within(1e-12));
                }
            }
            previous = current;
        }
    }

    @Test
    void kktConditionsHoldAtTheSolution() {
        LabeledDataset data = LassoTestData.sparse(50, 12, 0.5, 11);
        DenseLassoReference ref = new DenseLassoReference(data);
        LassoConfig config = LassoConfig.builder().lambda(LAMBDA).tolerance(1e-11).blockSize(4).build();
        LassoResult r = fit(data, config, 4);
        assertThat(r.allConverged()).isTrue();
        LassoModel m = r.finalModel();
        double[] beta = m.coefficients();
        assertThat(m.intercept()).isCloseTo(ref.intercept(beta), within(1e-9));
        double[] g = ref.gradient(beta, m.intercept());
        int nonzeros = 0;
        for (int j = 0; j < beta.length; j++) {
            if (beta[j] != 0) {
                nonzeros++;
                assertThat(g[j]).as("stationarity of active coordinate %d", j)
                        .isCloseTo(LAMBDA * Math.signum(beta[j]), within(1e-6));
            } else {
                assertThat(Math.abs(g[j])).as("subgradient bound of zero coordinate %d", j).isLessThanOrEqualTo(LAMBDA + 1e-6);
            }
        }
        assertThat(nonzeros).isBetween(1, beta.length - 1);
    }

    @Test
    void solutionMatchesTheSequentialReferenceOptimum() {
        LabeledDataset data = LassoTestData.correlated(40, 30, 0.5, 2);
        DenseLassoReference ref = new DenseLassoReference(data);
        double[] best = ref.solve(LAMBDA);
        double optimum = ref.objective(best, ref.intercept(best), LAMBDA);
        LassoModel m = fit(data, LassoConfig.builder().lambda(LAMBDA).tolerance(1e-11).blockSize(4).build(), 2)
                .finalModel();
        assertThat(ref.objective(m.coefficients(), m.intercept(), LAMBDA)).isCloseTo(optimum, within(1e-10 * optimum));
        assertThat(m.coefficients()).containsExactly(best, within(1e-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rows", "features"})
    void dualityGapBoundsTheSuboptimalityAtEveryEvaluation(String layout) {
        LabeledDataset data = LassoTestData.correlated(30, 40, 0.6, 4);
        DenseLassoReference ref = new DenseLassoReference(data);
        double[] best = ref.solve(LAMBDA);
        double optimum = ref.objective(best, ref.intercept(best), LAMBDA);
        List<LassoTracePoint> trace = new ArrayList<>();
        LassoConfig config = LassoConfig.builder().lambda(LAMBDA).tolerance(1e-10).blockSize(3).evaluateEvery(1)
                .layout(layout).build();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            new LassoTrainer(config).fit(data, runtime, trace::add);
        }
        // The feature layout solves it in a few rounds of whole sweeps; rows in many rounds of 3 coordinates.
        assertThat(trace).hasSizeGreaterThan(layout.equals("rows") ? 5 : 2);
        for (LassoTracePoint p : trace) {
            assertThat(p.gap()).as("gap at round %d", p.round())
                    .isGreaterThanOrEqualTo(p.objective() - optimum - 1e-12 * optimum);
        }
    }

    @Test
    void standardizedFitEqualsReferenceOnScaledColumnsMappedBack() {
        LabeledDataset data = LassoTestData.sparse(40, 7, 0.7, 8);
        LassoProblem problem = LassoProblem.of(data, true, true);
        double[] scale = problem.scaling.scales();
        // Reference on explicitly scaled columns, coefficients divided by the scale afterwards.
        double[][] x = data.features().toDense();
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= scale[j];
            }
        }
        LabeledDataset scaled = new LabeledDataset("scaled", org.smpframe.data.CsrMatrix.fromDense(x), data.labels(), null);
        double[] refBeta = new DenseLassoReference(scaled).solve(LAMBDA);
        LassoModel m = fit(data, LassoConfig.builder().lambda(LAMBDA).standardize(true).tolerance(1e-11).build(), 2)
                .finalModel();
        for (int j = 0; j < refBeta.length; j++) {
            assertThat(m.coefficients()[j]).isCloseTo(refBeta[j] / scale[j], within(1e-6));
        }
    }

    @Test
    void withoutInterceptTheModelPassesThroughTheOrigin() {
        LabeledDataset data = LassoTestData.sparse(40, 5, 0.8, 9);
        LassoModel m = fit(data, LassoConfig.builder().lambda(LAMBDA).intercept(false).tolerance(1e-11).build(), 1)
                .finalModel();
        assertThat(m.intercept()).isZero();
        // KKT without centring: |x_jᵀr|/n ≤ λ.
        double[][] x = data.features().toDense();
        double[] beta = m.coefficients();
        for (int j = 0; j < beta.length; j++) {
            double g = 0;
            for (int i = 0; i < x.length; i++) {
                double r = data.labels()[i];
                for (int k = 0; k < beta.length; k++) {
                    r -= x[i][k] * beta[k];
                }
                g += x[i][j] * r / x.length;
            }
            assertThat(Math.abs(g)).isLessThanOrEqualTo(LAMBDA + 1e-6);
        }
    }
}
