package org.smpframe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRegConvergenceBenchmarkTest {

    private static String run(Map<String, String> options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LogRegConvergenceBenchmark(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyConfigurationReachesLiblinearsObjectiveOnASmallProblem() {
        String out = run(Map.of("problems", "tiny", "reps", "1", "cap", "20"));
        assertThat(out).contains("liblinear L1R_LR -e 0.01").contains("target objective");
        // Per worker count: random, smp without its dependency filter, smp with ρ = 0.1.
        assertThat(out.lines().filter(l -> l.startsWith("| random") || l.startsWith("| smp")))
                .hasSize(6)
                .anySatisfy(l -> assertThat(l).startsWith("| smp(L=16, no filter) | 2 |"))
                .anySatisfy(l -> assertThat(l).startsWith("| smp(L=16, rho=0.1) | 2 |"))
                .allSatisfy(l -> assertThat(l).doesNotContain(">").doesNotContain("n/a"));
    }

    @Test
    void aMissingDatasetIsSkippedWithAMessage() {
        String out = run(Map.of("problems", "a9a", "data", "/nonexistent/shared/data"));
        assertThat(out).contains("SKIPPED a9a: a9a not found");
    }
}
