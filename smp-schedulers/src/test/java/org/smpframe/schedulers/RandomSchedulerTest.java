package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.Schedule;
import org.smpframe.api.SchedulerContext;

class RandomSchedulerTest {
    private static RandomScheduler random(int p, int blockSize, long seed) {
        RandomScheduler s = new RandomScheduler(SchedulerSettings.builder().blockSize(blockSize).build());
        s.init(new SchedulerContext(p, 2, DependencyOracle.NONE, seed));
        return s;
    }

    private static List<Schedule> run(RandomScheduler s, int rounds) {
        List<Schedule> out = new ArrayList<>();
        for (int t = 0; t < rounds; t++) {
            out.add(s.next(t));
        }
        return out;
    }

    @Test
    void emitsDistinctSortedIdsInRange() {
        for (int p : new int[] {1, 2, 7, 100}) {
            for (int l : new int[] {1, 3, 7, 200}) {
                RandomScheduler s = random(p, l, 42);
                for (int t = 0; t < 200; t++) {
                    Schedule schedule = s.next(t);
                    assertThat(schedule.isShared()).isTrue();
                    assertThat(schedule.round()).isEqualTo(t);
                    assertThat(schedule.params()).hasSize(Math.min(p, l)).doesNotHaveDuplicates().isSorted();
                    for (int j : schedule.params()) {
                        assertThat(j).isBetween(0, p - 1);
                    }
                }
            }
        }
    }

    @Test
    void isDeterministicPerSeed() {
        assertThat(run(random(1000, 16, 7), 50)).isEqualTo(run(random(1000, 16, 7), 50));
        assertThat(run(random(1000, 16, 7), 50)).isNotEqualTo(run(random(1000, 16, 8), 50));
    }

    @Test
    void reinitStartsOver() {
        RandomScheduler s = random(1000, 16, 7);
        List<Schedule> first = run(s, 20);
        s.init(new SchedulerContext(1000, 2, DependencyOracle.NONE, 7));
        assertThat(run(s, 20)).isEqualTo(first);
    }

    /** Counts per parameter over many rounds pass a chi-square test of uniformity (fixed seed). */
    @Test
    void choosesUniformly() {
        int p = 50;
        int l = 5;
        int rounds = 20_000;
        RandomScheduler s = random(p, l, 12345);
        long[] count = new long[p];
        for (int t = 0; t < rounds; t++) {
            for (int j : s.next(t).params()) {
                count[j]++;
            }
        }
        double expected = (double) rounds * l / p;
        double chi2 = 0;
        for (long c : count) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 49 degrees of freedom: mean 49, sd ~9.9; 100 is beyond the 0.9999 quantile (~91).
        assertThat(chi2).isLessThan(100);
    }
}
