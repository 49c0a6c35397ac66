package org.smpframe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void printedCommandParsesBackToTheSameOptions() {
        BenchOptions o = BenchOptions.parse("--problems", "synthetic,golub", "--workers", "1", "--rhos", "0.3",
                "--blocks", "16,32", "--eval-sweeps", "0.05", "--no-explore");
        BenchOptions again = BenchOptions.parse(o.toArgs().toArray(String[]::new));
        assertThat(again.toArgs()).isEqualTo(o.toArgs());
        assertThat(again.workers()).isEqualTo(1);
        assertThat(again.explore()).isFalse();
    }

    @Test
    void unknownProblemIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> BenchOptions.parse("--problems", "nope"))
                .hasMessageContaining("unknown problem 'nope'").hasMessageContaining("synthetic");
    }
}
