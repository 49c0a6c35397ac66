package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private static ProgressReporter.Event at(int stage, double measure) {
        return new ProgressReporter.Event(stage, 2, 0.1, 10, 100, 1.5, 2.0, measure, 1e-6, Map.of("nnz", 3.0));
    }

    @Test
    void progressIsTheLogDistanceCoveredTowardTheStoppingBound() {
        ProgressReporter r = new ProgressReporter("lasso", ProgressReporter.Mode.QUIET, System.err);
        r.onEvaluation(at(0, 1e-2)); // r0 = 1e-2, bound 1e-6: four decades to go
        assertThat(r.fraction(at(0, 1e-2))).isZero();
        assertThat(r.fraction(at(0, 1e-4))).isCloseTo(0.5, within(1e-12));
        assertThat(r.fraction(at(0, 1e-7))).isEqualTo(1.0);
        r.onEvaluation(at(1, 1e-3)); // a new stage starts from its own first value
        assertThat(r.fraction(at(1, 1e-3))).isZero();
    }

    @Test
    void jsonLinesCarryTheEventAndNeverANaN() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter r = new ProgressReporter("logreg", ProgressReporter.Mode.JSON,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        r.start("data \"quoted\"");
        r.onEvaluation(new ProgressReporter.Event(0, 1, 0.1, 3, 48, 0.25, 0.5, Double.NaN, 1e-3,
                Map.of("subgradient", Double.NaN)));
        r.onStageEnd(at(0, 1e-7), true, "CONVERGED");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("{\"event\":\"start\",\"app\":\"logreg\",\"description\":\"data \\\"quoted\\\"\"}");
        assertThat(lines[1]).contains("\"round\":3").contains("\"subgradient\":null").doesNotContain("NaN");
        assertThat(lines[2]).contains("\"event\":\"stage_end\"").contains("\"converged\":true")
                .contains("\"reason\":\"CONVERGED\"").contains("\"nnz\":3");
    }
}
