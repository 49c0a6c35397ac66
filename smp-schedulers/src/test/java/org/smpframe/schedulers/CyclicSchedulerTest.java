package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.Schedule;
import org.smpframe.api.SchedulerContext;

class CyclicSchedulerTest {
    private static CyclicScheduler cyclic(int p, int blockSize) {
        CyclicScheduler s = new CyclicScheduler(SchedulerSettings.builder().blockSize(blockSize).build());
        s.init(new SchedulerContext(p, 1, DependencyOracle.NONE, 1));
        return s;
    }

    @Test
    void walksThroughTheParametersInOrderAndWraps() {
        CyclicScheduler s = cyclic(10, 4);
        assertThat(s.next(0).params()).containsExactly(0, 1, 2, 3);
        assertThat(s.next(1).params()).containsExactly(4, 5, 6, 7);
        assertThat(s.next(2).params()).containsExactly(0, 1, 8, 9); // 8, 9, then wraps to 0, 1
        assertThat(s.next(3).params()).containsExactly(2, 3, 4, 5);
        assertThat(s.next(2).isShared()).isTrue();
        assertThat(s.next(2).round()).isEqualTo(2);
    }

    @Test
    void blockSizeIsClampedToTheNumberOfParameters() {
        CyclicScheduler s = cyclic(3, 16);
        assertThat(s.next(0).params()).containsExactly(0, 1, 2);
        assertThat(s.next(5).params()).containsExactly(0, 1, 2);
    }

    @Test
    void ignoresChanges() {
        CyclicScheduler s = cyclic(10, 3);
        ChangeSet changes = new ChangeSet();
        changes.reset(0);
        changes.changed(9, 100);
        s.observe(changes);
        assertThat(s.next(0).params()).containsExactly(0, 1, 2);
    }

    /** The sequence of rounds is 0, 1, ..., p-1, 0, 1, ...: round t holds positions t·L .. t·L+L-1 of it. */
    @Property(tries = 300)
    void everyRoundTakesTheNextBlockOfTheRoundRobin(@ForAll @IntRange(min = 1, max = 200) int p,
                                                   @ForAll @IntRange(min = 1, max = 64) int blockSize,
                                                   @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long round) {
        CyclicScheduler s = cyclic(p, blockSize);
        int l = Math.min(p, blockSize);
        int[] expected = new int[l];
        for (int i = 0; i < l; i++) {
            expected[i] = (int) ((round * l + i) % p);
        }
        Arrays.sort(expected);
        assertThat(s.next(round).params()).containsExactly(expected);
    }

    @Property(tries = 300)
    void coversEveryParameterOnceInCeilPOverLRounds(@ForAll @IntRange(min = 1, max = 200) int p,
                                                   @ForAll @IntRange(min = 1, max = 64) int blockSize,
                                                   @ForAll @IntRange(min = 0, max = 10_000) int start) {
        CyclicScheduler s = cyclic(p, blockSize);
        int l = Math.min(p, blockSize);
        int rounds = (p + l - 1) / l;
        int[] count = new int[p];
        for (int t = start; t < start + rounds; t++) {
            Schedule schedule = s.next(t);
            assertThat(schedule.params()).doesNotHaveDuplicates().hasSize(l).isSorted();
            for (int j : schedule.params()) {
                count[j]++;
            }
        }
        // Every parameter at least once; only the overlap of the last round with the first can repeat one.
        int total = rounds * l;
        for (int j = 0; j < p; j++) {
            assertThat(count[j]).isBetween(1, 2);
        }
        assertThat(Arrays.stream(count).filter(c -> c == 2).count()).isEqualTo(total - p);
    }
}
