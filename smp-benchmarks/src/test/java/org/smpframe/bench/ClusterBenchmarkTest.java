package org.smpframe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterBenchmarkTest {

    @Test
    void roundTimesComeFromTheFirstAndLastEvaluation() {
        List<String> trace = List.of("seconds,round,iteration,objective",
                "13.0,1000,500,-4.2", "20.0,1500,750,-4.1", "27.0,2000,1000,-4.0");
        ClusterBenchmark.RoundTimes t = ClusterBenchmark.RoundTimes.of(trace);
        assertThat(t.whole()).isCloseTo(27.0 * 1e3 / 2000, within(1e-12));
        assertThat(t.steady()).isCloseTo(14.0 * 1e3 / 1000, within(1e-12));
    }

    @Test
    void aTraceWithOneEvaluationHasNoSteadyState() {
        assertThatThrownBy(() -> ClusterBenchmark.RoundTimes.of(List.of("seconds,round", "1.0,10")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two evaluations");
    }

    @Test
    void optionsDefaultToEveryCaseAndParseLists() {
        ClusterBenchmark.Options d = ClusterBenchmark.Options.parse();
        assertThat(d.cases()).isEqualTo(ClusterBenchmark.CASES);
        assertThat(d.workers()).containsExactly(2, 4);
        ClusterBenchmark.Options o = ClusterBenchmark.Options.parse("--cases", "lasso-tall", "--workers", "2",
                "--tall-rows", "1000", "--reps", "1");
        assertThat(o.cases()).containsExactly("lasso-tall");
        assertThat(o.workers()).containsExactly(2);
        assertThat(o.tallRows()).isEqualTo(1000);
        assertThat(o.reps()).isEqualTo(1);
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ClusterBenchmark.Options.parse("--cases", "lasso-huge"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown case lasso-huge");
        assertThatThrownBy(() -> ClusterBenchmark.Options.parse("--reps"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--reps needs a value");
        assertThatThrownBy(() -> ClusterBenchmark.Options.parse("--tall-rows", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> ClusterBenchmark.Options.parse("--fast", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --fast");
    }
}
