package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.Schedule;
import org.smpframe.api.SchedulerContext;

class RotationSchedulerTest {
    private static RotationScheduler rotation(int blocks, int workers) {
        RotationScheduler s = new RotationScheduler(SchedulerSettings.defaults());
        s.init(new SchedulerContext(blocks, workers, DependencyOracle.NONE, 1));
        return s;
    }

    @Test
    void oneBlockPerWorkerMovesOneStepAroundTheRing() {
        RotationScheduler s = rotation(3, 3);
        assertThat(s.next(0).params()).containsExactly(0, 1, 2);
        assertThat(s.next(1).params()).containsExactly(1, 2, 0);
        assertThat(s.next(2).params()).containsExactly(2, 0, 1);
        assertThat(s.next(3)).isEqualTo(Schedule.partitioned(3, new int[] {0, 1, 2}, new int[] {0, 1, 2, 3}));
    }

    @Test
    void moreBlocksThanWorkersAreDealtInGroups() {
        Schedule s = rotation(5, 2).next(1);
        // groups: {0, 2, 4} and {1, 3}; in round 1 worker 0 holds group 1, worker 1 holds group 0
        assertThat(s.numWorkers()).isEqualTo(2);
        assertThat(s.params()).containsExactly(1, 3, 0, 2, 4);
        assertThat(s.from(1)).isEqualTo(2);
    }

    @Test
    void ignoresChangesAndNeedsInit() {
        RotationScheduler s = rotation(4, 2);
        ChangeSet changes = new ChangeSet();
        changes.reset(0);
        changes.changed(3, 100);
        s.observe(changes);
        assertThat(s.next(0).params()).containsExactly(0, 2, 1, 3);
        assertThatThrownBy(() -> new RotationScheduler(SchedulerSettings.defaults()).next(0))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * The rotation's guarantees: in every round every block is held by exactly one worker (never two), each
     * block moves from worker p to worker p - 1 between rounds, and any P consecutive rounds give every worker
     * every block exactly once.
     */
    @Property(tries = 500)
    void everyBlockHasOneHolderAndVisitsEveryWorkerOncePerSweep(
            @ForAll @IntRange(min = 1, max = 40) int blocks, @ForAll @IntRange(min = 1, max = 12) int workers,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long firstRound) {
        RotationScheduler s = rotation(blocks, workers);
        int[][] visits = new int[blocks][workers];
        int[] previousHolder = null;
        for (long r = firstRound; r < firstRound + workers; r++) {
            Schedule schedule = s.next(r);
            assertThat(schedule.round()).isEqualTo(r);
            assertThat(schedule.numWorkers()).isEqualTo(workers);
            int[] holder = new int[blocks];
            java.util.Arrays.fill(holder, -1);
            for (int p = 0; p < workers; p++) {
                for (int i = schedule.from(p); i < schedule.to(p); i++) {
                    int b = schedule.params()[i];
                    assertThat(holder[b]).as("block %d in round %d", b, r).isEqualTo(-1);
                    holder[b] = p;
                    visits[b][p]++;
                }
            }
            for (int b = 0; b < blocks; b++) {
                assertThat(holder[b]).as("block %d held in round %d", b, r).isNotNegative();
                if (previousHolder != null) {
                    assertThat(holder[b]).isEqualTo((previousHolder[b] - 1 + workers) % workers);
                }
            }
            previousHolder = holder;
        }
        for (int b = 0; b < blocks; b++) {
            for (int p = 0; p < workers; p++) {
                assertThat(visits[b][p]).as("block %d at worker %d", b, p).isEqualTo(1);
            }
        }
    }
}
