package org.smpframe.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.TracePoint;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsSplit;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

class HogwildSgdTest {
    private static final Ratings DATA = LowRankRatings.generate(300, 200, 4, 0.25, 3, 0.1, 5);

    private static MfResult fit(Ratings train, Ratings test, MfConfig config, int workers, List<TracePoint> trace) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new MfTrainer(config).fit(train, test, runtime, trace == null ? p -> { } : trace::add);
        }
    }

    @Test
    void parallelSgdLearnsALowRankMatrix() {
        RatingsSplit.Split split = RatingsSplit.random(DATA, 0.1, 2);
        List<TracePoint> trace = new ArrayList<>();
        MfConfig config = MfConfig.builder().method(MfMethod.HOGWILD).rank(4).lambda(0.002).biases(true)
                .learningRate(0.05).decay(0.05).iterations(40).build();
        MfResult r = fit(split.train(), split.test(), config, 2, trace);
        assertThat(trace).hasSize(40);
        assertThat(r.testRmse()).isLessThan(0.13); // noise σ = 0.1
        assertThat(trace.get(39).evaluation().objective()).isLessThan(trace.get(0).evaluation().objective() / 5);
    }

    /** The reported objective is the objective of the saved factors (stats from workers, penalty of H merged). */
    @Test
    void reportedObjectiveMatchesItsDefinition() {
        MfConfig config = MfConfig.builder().method(MfMethod.HOGWILD).rank(3).lambda(0.05).iterations(5).build();
        MfResult r = fit(DATA, null, config, 3, null);
        MfModel m = r.model();
        double direct = NaiveCcd.objective(DATA, config.columns(), m.mean(), m.userMatrix(), m.itemMatrix(), 0.05,
                Regularization.WEIGHTED);
        assertThat(r.objective()).isCloseTo(direct, within(1e-9 * direct));
    }

    @Test
    void oneWorkerIsRepeatableWithASeed() {
        MfConfig config = MfConfig.builder().method(MfMethod.HOGWILD).rank(3).iterations(4).seed(9).build();
        assertThat(fit(DATA, null, config, 1, null).objective()).isEqualTo(fit(DATA, null, config, 1, null).objective());
    }

    @Test
    void divergenceStopsTheRunWithAHint() {
        MfConfig config = MfConfig.builder().method(MfMethod.HOGWILD).rank(3).learningRate(50).iterations(5).build();
        assertThatThrownBy(() -> fit(DATA, null, config, 2, null)).isInstanceOf(DivergenceException.class)
                .hasMessageContaining("--learning-rate");
    }
}
