package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.Optimality;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.StateIo;

/**
 * The schedulers of the feature-sharded layout: every worker is given only parameters it holds, the working set
 * is what the optimality report says, checks are asked for when the working set is solved, conflicting
 * coordinates of different workers never share a round, and a restored scheduler goes on exactly.
 */
class PlacedSchedulerTest {
    private static final int P = 400;
    private static final int WORKERS = 3;

    private static int[] owners() {
        int[] owners = new int[P];
        SplittableRandom r = new SplittableRandom(3);
        for (int j = 0; j < P; j++) {
            owners[j] = r.nextInt(WORKERS);
        }
        return owners;
    }

    private static Scheduler create(Scheduler s, DependencyOracle oracle) {
        s.init(new SchedulerContext(P, WORKERS, oracle, 11, owners()));
        return s;
    }

    private static SchedulerSettings settings(double rho) {
        return SchedulerSettings.builder().blockSize(Integer.MAX_VALUE).rho(rho).build();
    }

    /** A report: parameters below {@code free} are free (+∞), those below {@code free + violators} violate. */
    private static Optimality report(int free, int violators, double gap) {
        Optimality o = new Optimality();
        o.reset(0, P);
        for (int j = 0; j < P; j++) {
            o.setScore(j, j < free ? Double.POSITIVE_INFINITY : j < free + violators ? 1 + j : -1);
        }
        o.setBounds(gap, 1e-9);
        return o;
    }

    private static void assertOwnShares(Schedule s, int[] owners) {
        assertThat(s.isShared()).isFalse();
        assertThat(s.numWorkers()).isEqualTo(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            for (int i = s.from(w); i < s.to(w); i++) {
                assertThat(owners[s.params()[i]]).as("parameter %d in worker %d's share", s.params()[i], w)
                        .isEqualTo(w);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"smp", "random", "cyclic"})
    void everyWorkerIsGivenOnlyWhatItHolds(String name) {
        int[] owners = owners();
        Scheduler s = create(forName(name, settings(2)), DependencyOracle.NONE);
        s.observeOptimality(report(30, 200, 1));
        for (long t = 0; t < 20; t++) {
            Schedule schedule = s.next(t);
            assertOwnShares(schedule, owners);
            assertThat(schedule.size()).isPositive();
        }
    }

    @Test
    void theWorkingSetIsTheFreeParametersAndTheWorstViolators() {
        Scheduler s = create(new WorkingSetScheduler(settings(2)), DependencyOracle.NONE);
        // 80 free: room for 2·80 = 160 in all, so the 80 worst of the 200 violators (the highest ids) join.
        s.observeOptimality(report(80, 200, 1));
        Set<Integer> scheduled = new HashSet<>();
        for (int j : s.next(0).params()) {
            scheduled.add(j);
        }
        Set<Integer> expected = new HashSet<>();
        for (int j = 0; j < 80; j++) {
            expected.add(j);
        }
        for (int j = 280 - 80; j < 280; j++) {
            expected.add(j);
        }
        assertThat(scheduled).isEqualTo(expected);
        // Few free parameters: at least the minimum size.
        s.observeOptimality(report(5, 300, 1));
        assertThat(s.next(1).size()).isEqualTo(WorkingSetScheduler.MIN_SIZE);
    }

    @Test
    void aSmallWorkingSetIsSweptSeveralTimesARoundAlone() {
        Scheduler s = new WorkingSetScheduler(settings(2));
        s.init(new SchedulerContext(P, 1, DependencyOracle.NONE, 1, new int[P]));
        s.observeOptimality(report(50, 0, 1)); // 50 free, nothing violating: the working set is the 50
        Schedule schedule = s.next(0);
        assertThat(schedule.size()).isEqualTo(50);
        assertThat(schedule.sweeps()).isEqualTo(Math.min(PlacedScheduler.MAX_SWEEPS_ALONE,
                (PlacedScheduler.UPDATES_PER_ROUND + 49) / 50));
        assertThat(schedule.sweeps()).isGreaterThan(1);
    }

    @Test
    void aCheckIsAskedForOnceTheWorkingSetGapIsSmall() {
        Scheduler s = create(new WorkingSetScheduler(settings(2)), DependencyOracle.NONE);
        s.observeOptimality(report(40, 40, 1.0));
        ChangeSet changes = new ChangeSet();
        long t = 0;
        assertThat(s.next(t).evaluateAfter()).isFalse();
        // A restricted gap above 0.3 of the last gap: go on.
        changes.reset(t++);
        changes.changed(0, 0.5);
        changes.workingSetGap(0.5);
        s.observe(changes);
        assertThat(s.next(t).evaluateAfter()).isFalse();
        // Below it: the round being scheduled ends with a check, and no second one is asked for before its report.
        changes.reset(t++);
        changes.changed(0, 0.1);
        changes.workingSetGap(0.2);
        s.observe(changes);
        assertThat(s.next(t).evaluateAfter()).isTrue();
        changes.reset(t++);
        changes.changed(0, 0.1);
        changes.workingSetGap(0.2);
        s.observe(changes);
        assertThat(s.next(t).evaluateAfter()).isFalse();
        s.observeOptimality(report(40, 40, 0.1));
        assertThat(s.next(++t).evaluateAfter()).isFalse();
    }

    @Test
    void beforeTheRunsFirstReportNothingIsScheduledOrChecked() {
        Scheduler s = create(new WorkingSetScheduler(settings(2)), DependencyOracle.NONE);
        Schedule first = s.next(0);
        assertThat(first.size()).isZero();
        assertThat(first.evaluateAfter()).isFalse();
        s.observeOptimality(report(0, 0, 0));
        assertThat(s.next(1).evaluateAfter()).as("an empty working set is checked at once").isTrue();
    }

    @Test
    void conflictingCoordinatesOfDifferentWorkersNeverShareARound() {
        int[] owners = owners();
        // Parameters whose ids agree mod 7 depend strongly on each other; the others not at all.
        DependencyOracle oracle = (a, b) -> a % 7 == b % 7 ? 0.9 : 0.01;
        WorkingSetScheduler s = (WorkingSetScheduler) create(new WorkingSetScheduler(settings(0.5)), oracle);
        s.observeOptimality(report(60, 100, 1));
        assertThat(s.conflicts()).isPositive();
        assertThat(s.colors()).isGreaterThan(1);
        Set<Integer> seen = new HashSet<>();
        for (long t = 0; t < 2L * s.colors(); t++) {
            Schedule schedule = s.next(t);
            assertOwnShares(schedule, owners);
            int[] params = schedule.params();
            for (int a = 0; a < params.length; a++) {
                seen.add(params[a]);
                for (int b = a + 1; b < params.length; b++) {
                    if (owners[params[a]] != owners[params[b]]) {
                        assertThat(oracle.dependency(params[a], params[b])).as("%d and %d in round %d", params[a],
                                params[b], t).isLessThan(0.5);
                    }
                }
            }
        }
        assertThat(seen).as("every coordinate of the working set gets its turn").hasSize(120);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"smp", "random", "cyclic"})
    void aRestoredSchedulerContinuesExactly(String name) throws IOException {
        Scheduler whole = create(forName(name, settings(0.5)), (a, b) -> ((a * 31 + b * 17) % 97) / 97.0);
        whole.observeOptimality(report(30, 120, 1));
        List<Schedule> first = drive(whole, 0, 15);
        byte[] state = StateIo.toBytes(whole::saveState);
        List<Schedule> rest = drive(whole, 15, 40);
        Scheduler resumed = create(forName(name, settings(0.5)), (a, b) -> ((a * 31 + b * 17) % 97) / 97.0);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        resumed.restoreState(in);
        assertThat(in.available()).isZero();
        assertThat(drive(resumed, 15, 40)).isEqualTo(rest);
        assertThat(first).isNotEmpty();
    }

    @Test
    void anUnplacedProgramIsRefused() {
        Scheduler s = new WorkingSetScheduler(settings(2));
        assertThatThrownBy(() -> s.init(new SchedulerContext(P, 2, DependencyOracle.NONE, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold their own parameters");
    }

    /** Rounds [from, to) with changes that depend on the round, and a report every 7 rounds. */
    private static List<Schedule> drive(Scheduler s, long from, long to) {
        List<Schedule> out = new ArrayList<>();
        ChangeSet c = new ChangeSet();
        for (long t = from; t < to; t++) {
            Schedule schedule = s.next(t);
            out.add(schedule);
            c.reset(t);
            SplittableRandom r = new SplittableRandom(t);
            for (int j : schedule.params()) {
                c.changed(j, r.nextDouble() * 0.1);
            }
            c.workingSetGap(r.nextDouble());
            s.observe(c);
            if (t % 7 == 6) {
                s.observeOptimality(report((int) (10 + t), 150, 0.5));
            }
        }
        return out;
    }

    private static Scheduler forName(String name, SchedulerSettings settings) {
        return switch (name) {
            case "smp" -> new WorkingSetScheduler(settings);
            case "random" -> new ShardedRandomScheduler(settings);
            default -> new ShardedCyclicScheduler(settings);
        };
    }
}
