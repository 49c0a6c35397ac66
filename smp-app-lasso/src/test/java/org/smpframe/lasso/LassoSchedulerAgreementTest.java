package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smpframe.data.LabeledDataset;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/** Every scheduler, worker count and pipeline depth reaches the same optimum. */
class LassoSchedulerAgreementTest {
    private static final double LAMBDA = 0.02;
    private static LabeledDataset data;
    private static double[] referenceBeta;
    private static double optimum;

    @BeforeAll
    static void solveReference() {
        data = LassoTestData.correlated(60, 40, 0.3, 21);
        DenseLassoReference ref = new DenseLassoReference(data);
        referenceBeta = ref.solve(LAMBDA);
        optimum = ref.objective(referenceBeta, ref.intercept(referenceBeta), LAMBDA);
    }

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (String layout : new String[] {"rows", "features"}) {
            for (String scheduler : new String[] {"smp", "random", "cyclic"}) {
                for (int workers : new int[] {1, 4}) {
                    for (int depth : new int[] {0, 1}) {
                        all.add(Arguments.of(scheduler, workers, depth, false, layout));
                    }
                }
            }
        }
        // Covariance updates: the same optimum from the shards' Gram matrices.
        all.add(Arguments.of("smp", 1, 0, true, "rows"));
        all.add(Arguments.of("smp", 4, 1, true, "rows"));
        all.add(Arguments.of("random", 4, 1, true, "rows"));
        all.add(Arguments.of("cyclic", 1, 1, true, "rows"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, P={1}, depth={2}, covariance updates {3}, layout {4}")
    @MethodSource("configurations")
    void reachesTheReferenceOptimum(String scheduler, int workers, int depth, boolean covariance, String layout) {
        LassoConfig config = LassoConfig.builder().lambda(LAMBDA).scheduler(scheduler).blockSize(4)
                .pipelineDepth(depth).tolerance(1e-11).verifyWireFormats(true).seed(7)
                .covarianceUpdates(covariance).layout(layout).build();
        LassoResult r;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            r = new LassoTrainer(config).fit(data, runtime, LassoListener.NONE);
        }
        assertThat(r.allConverged()).isTrue();
        LassoModel m = r.finalModel();
        DenseLassoReference ref = new DenseLassoReference(data);
        assertThat(ref.objective(m.coefficients(), m.intercept(), LAMBDA)).isCloseTo(optimum, within(1e-9 * optimum));
        assertThat(m.coefficients()).containsExactly(referenceBeta, within(1e-4));
    }

    @Test
    void aFixedSeedGivesTheSameTraceWhateverTheTiming() {
        List<Double> first = trace(4, 1);
        List<Double> second = trace(4, 1);
        assertThat(second).isEqualTo(first);
        // The number of workers changes the summation order of partials, not the schedule: equal to rounding.
        List<Double> single = trace(1, 1);
        assertThat(single).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(single.get(i)).isCloseTo(first.get(i), within(1e-9 * Math.abs(first.get(i))));
        }
    }

    private static List<Double> trace(int workers, int depth) {
        List<Double> objectives = new ArrayList<>();
        LassoConfig config = LassoConfig.builder().lambda(LAMBDA).blockSize(4).pipelineDepth(depth)
                .evaluateEvery(1).maxRounds(200).tolerance(0).seed(3).layout("rows").build();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            new LassoTrainer(config).fit(data, runtime, p -> objectives.add(p.objective()));
        }
        return objectives;
    }
}
