package org.smpframe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {
    private static final RunSpec SPEC = new RunSpec("random", 32, 0.1, 2, 0, 10, 1, 20);

    private static RunOutcome reached(double s) {
        return new RunOutcome(RunOutcome.Status.REACHED, s, (long) (s * 1000), 1, 1.0, "");
    }

    private static RunOutcome capped() {
        return new RunOutcome(RunOutcome.Status.CAP, 20, 5, 1, 2.0, "");
    }

    private static RunOutcome diverged() {
        return new RunOutcome(RunOutcome.Status.DIVERGED, 1, 5, 1, Double.NaN, "objective NaN");
    }

    @Test
    void medianOfReachedRunsIsTheMiddleTime() {
        Measurement m = new Measurement(SPEC, List.of(reached(3), reached(1), reached(2)));
        assertThat(m.medianSeconds()).isEqualTo(2);
        assertThat(m.medianUpdates()).isEqualTo(2000);
        assertThat(m.allSeconds()).isEqualTo("3.00 1.00 2.00");
    }

    @Test
    void aRunThatMissedTheTargetCountsAsSlowestAndIsNeverDropped() {
        Measurement m = new Measurement(SPEC, List.of(capped(), reached(1), reached(2)));
        assertThat(m.medianSeconds()).isEqualTo(2);
        assertThat(m.allSeconds()).isEqualTo(">20 1.00 2.00");
    }

    @Test
    void mostlyCappedIsReportedAsAboveTheCapWithALowerBoundRatio() {
        Measurement base = new Measurement(SPEC, List.of(reached(2)));
        Measurement m = new Measurement(SPEC, List.of(capped(), capped(), reached(1)));
        assertThat(m.medianCell()).isEqualTo(">20");
        assertThat(m.ratioTo(base)).isEqualTo(">10.0x");
        assertThat(base.ratioTo(m)).isEqualTo("n/a");
    }

    @Test
    void mostlyDivergedIsReportedAsDiverged() {
        Measurement m = new Measurement(SPEC, List.of(diverged(), diverged(), reached(1)));
        assertThat(m.medianCell()).isEqualTo("diverged");
        assertThat(m.ratioTo(new Measurement(SPEC, List.of(reached(1))))).isEqualTo("diverged");
    }
}
