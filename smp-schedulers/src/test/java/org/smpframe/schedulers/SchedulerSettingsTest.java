package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        SchedulerSettings s = SchedulerSettings.defaults();
        assertThat(s.blockSize()).isEqualTo(16);
        assertThat(s.candidateFactor()).isEqualTo(4);
        assertThat(s.rho()).isEqualTo(0.1);
        assertThat(s.etaFraction()).isEqualTo(0.01);
        assertThat(s.warmupSweeps()).isEqualTo(1.0);
        assertThat(s.dependencyCacheBits()).isEqualTo(18);
    }

    @Test
    void toBuilderRoundTrips() {
        SchedulerSettings s = SchedulerSettings.builder().blockSize(7).candidateFactor(3).rho(0.5).etaFraction(0)
                .warmupSweeps(2.5).dependencyCacheBits(4).build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void rejectsInvalidValuesWithTheirName() {
        assertThatThrownBy(() -> SchedulerSettings.builder().blockSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockSize").hasMessageContaining("0");
        assertThatThrownBy(() -> SchedulerSettings.builder().candidateFactor(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidateFactor");
        assertThatThrownBy(() -> SchedulerSettings.builder().rho(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rho");
        assertThatThrownBy(() -> SchedulerSettings.builder().rho(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rho");
        assertThatThrownBy(() -> SchedulerSettings.builder().etaFraction(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("etaFraction");
        assertThatThrownBy(() -> SchedulerSettings.builder().warmupSweeps(Double.POSITIVE_INFINITY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmupSweeps");
        assertThatThrownBy(() -> SchedulerSettings.builder().dependencyCacheBits(31).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dependencyCacheBits");
    }

    @Test
    void aSweepIsTheRoundsOfBlocksOverAllParameters() {
        SchedulerSettings sixteen = SchedulerSettings.builder().blockSize(16).build();
        assertThat(sixteen.roundsPerSweep(124)).isEqualTo(8);
        assertThat(sixteen.roundsPerSweep(128)).isEqualTo(8);
        assertThat(sixteen.roundsPerSweep(10)).isEqualTo(1); // the block is capped at p
        assertThat(sixteen.roundsPerSweep(0)).isEqualTo(1);
    }
}
