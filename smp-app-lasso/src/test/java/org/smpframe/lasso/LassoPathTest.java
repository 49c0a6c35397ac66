package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.smpframe.api.RunSummary;
import org.smpframe.api.StopRequest;
import org.smpframe.linear.RegularizationPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpframe.data.LabeledDataset;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

class LassoPathTest {
    @Test
    void pathRunsFromAllZeroAtLambdaMaxToTheSingleLambdaSolution() {
        LabeledDataset data = LassoTestData.correlated(50, 30, 0.4, 13);
        LassoResult path;
        LassoResult single;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            path = new LassoTrainer(LassoConfig.builder().path(8, 1e-2).tolerance(1e-11).build())
                    .fit(data, runtime, LassoListener.NONE);
            double lastLambda = path.stages().get(7).lambda();
            single = new LassoTrainer(LassoConfig.builder().lambda(lastLambda).tolerance(1e-11).build())
                    .fit(data, runtime, LassoListener.NONE);
        }
        assertThat(path.stages()).hasSize(8);
        assertThat(path.allConverged()).isTrue();
        double lambdaMax = LassoProblem.of(data, true, false).lambdaMax();
        assertThat(path.stages().get(0).lambda()).isCloseTo(lambdaMax, within(1e-12 * lambdaMax));
        assertThat(path.stages().get(0).model().nonzeros()).isZero();
        assertThat(path.stages().get(7).lambda()).isCloseTo(lambdaMax * 1e-2, within(1e-12 * lambdaMax));
        for (int k = 1; k < 8; k++) {
            assertThat(path.stages().get(k).lambda()).isLessThan(path.stages().get(k - 1).lambda());
        }
        assertThat(path.finalModel().nonzeros()).isGreaterThan(path.stages().get(1).model().nonzeros());
        assertThat(path.finalModel().coefficients()).containsExactly(single.finalModel().coefficients(), within(1e-5));
    }

    @Test
    void lambdaGridIsLogSpaced() {
        double[] grid = RegularizationPath.logSpaced(10, 5, 1e-4);
        assertThat(grid).containsExactly(new double[] {10, 1, 0.1, 0.01, 0.001}, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rows", "features"})
    void aStopRequestEndsThePathAtTheCurrentLambdaWithItsModel(String layout) {
        // The feature layout solves the easy design's λs in one round: a harder one for it, so a λ is mid-run.
        LabeledDataset data = layout.equals("rows") ? LassoTestData.correlated(50, 30, 0.4, 13)
                : LassoTestData.correlated(50, 400, 0.95, 13);
        LassoConfig config = LassoConfig.builder().path(5, 1e-2).tolerance(1e-12).evaluateEvery(1).layout(layout)
                .build();
        int stopAt = layout.equals("rows") ? 5 : 1; // the feature layout's λs take a round or two of whole sweeps
        LassoResult result;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            result = new LassoTrainer(config).fit(data, runtime, new LassoListener() {
                @Override
                public void onEvaluation(LassoTracePoint p) {
                    if (p.stage() == 1 && p.round() >= stopAt) {
                        StopRequest.request();
                    }
                }
            });
        } finally {
            StopRequest.clear();
        }
        assertThat(result.stages()).hasSize(2);
        LassoStage last = result.stages().get(1);
        assertThat(last.summary().reason()).isEqualTo(RunSummary.StopReason.STOPPED);
        assertThat(last.model().nonzeros()).isPositive();
    }
}
