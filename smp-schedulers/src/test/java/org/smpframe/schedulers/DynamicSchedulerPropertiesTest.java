package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.Schedule;
import org.smpframe.api.SchedulerContext;

/**
 * The dynamic scheduler's guarantees over random problems: random dependency structures, sizes, thresholds and
 * sequences of observed changes (including zeros, repeats, parameters that were not scheduled, and feedback
 * that lags behind like a pipeline).
 */
class DynamicSchedulerPropertiesTest {

    /** One random problem: everything a run needs except the scheduler's own settings. */
    record Problem(int p, double[][] dependency, long changeSeed, int rounds, int lag) {
        DependencyOracle oracle() {
            return DependencyMatrices.oracle(dependency);
        }
    }

    static Problem problem(int p, DependencyMatrices.Kind kind, long seed, int rounds, int lag) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Problem(p, DependencyMatrices.make(kind, p, random), random.nextLong(), rounds, lag);
    }

    /**
     * Runs {@code rounds} rounds; the changes of round t are observed before round t + 1 + lag. Change
     * magnitudes come from the problem's own random stream, so equal problems give equal feedback.
     */
    static List<Schedule> run(DynamicScheduler s, Problem problem) {
        SplittableRandom random = new SplittableRandom(problem.changeSeed());
        List<Schedule> out = new ArrayList<>();
        List<ChangeSet> pending = new ArrayList<>();
        for (int t = 0; t < problem.rounds(); t++) {
            if (pending.size() > problem.lag()) {
                s.observe(pending.remove(0));
            }
            Schedule schedule = s.next(t);
            out.add(schedule);
            ChangeSet c = new ChangeSet();
            c.reset(t);
            for (int j : schedule.params()) {
                c.changed(j, magnitude(random));
            }
            int extra = random.nextInt(3); // changes the scheduler did not ask for
            for (int i = 0; i < extra; i++) {
                c.changed(random.nextInt(problem.p()), magnitude(random));
            }
            pending.add(c);
        }
        return out;
    }

    private static double magnitude(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> random.nextDouble() * 1e-6;
            default -> -Math.log(1 - random.nextDouble()); // exponential
        };
    }

    static DynamicScheduler scheduler(SchedulerSettings settings, Problem problem, long seed) {
        DynamicScheduler s = new DynamicScheduler(settings);
        s.init(new SchedulerContext(problem.p(), 3, problem.oracle(), seed));
        return s;
    }

    @Property(tries = 1000)
    void noScheduleHoldsTwoDependentParameters(@ForAll @IntRange(min = 1, max = 120) int p,
                                               @ForAll @IntRange(min = 1, max = 24) int blockSize,
                                               @ForAll @IntRange(min = 1, max = 6) int candidateFactor,
                                               @ForAll @DoubleRange(min = 0.01, max = 1.0) double rho,
                                               @ForAll @DoubleRange(min = 0, max = 0.2) double etaFraction,
                                               @ForAll @DoubleRange(min = 0, max = 2) double warmupSweeps,
                                               @ForAll DependencyMatrices.Kind kind,
                                               @ForAll @IntRange(min = 1, max = 60) int rounds,
                                               @ForAll @IntRange(min = 0, max = 2) int lag,
                                               @ForAll long seed) {
        Problem problem = problem(p, kind, seed, rounds, lag);
        SchedulerSettings settings = SchedulerSettings.builder().blockSize(blockSize).candidateFactor(candidateFactor)
                .rho(rho).etaFraction(etaFraction).warmupSweeps(warmupSweeps).build();
        List<Schedule> schedules = run(scheduler(settings, problem, seed), problem);
        for (int t = 0; t < schedules.size(); t++) {
            Schedule schedule = schedules.get(t);
            int[] ids = schedule.params();
            assertThat(schedule.round()).isEqualTo(t);
            assertThat(schedule.isShared()).isTrue();
            assertThat(ids.length).isBetween(1, Math.min(blockSize, p));
            assertThat(ids).doesNotHaveDuplicates().isSorted();
            for (int i = 0; i < ids.length; i++) {
                assertThat(ids[i]).isBetween(0, p - 1);
                for (int k = i + 1; k < ids.length; k++) {
                    assertThat(problem.dependency()[ids[i]][ids[k]])
                            .as("dependency of %d and %d in round %d", ids[i], ids[k], t)
                            .isLessThan(rho);
                }
            }
        }
    }

    @Property(tries = 300)
    void equalSeedsGiveEqualSchedules(@ForAll @IntRange(min = 1, max = 120) int p,
                                      @ForAll @IntRange(min = 1, max = 24) int blockSize,
                                      @ForAll @DoubleRange(min = 0.01, max = 1.0) double rho,
                                      @ForAll @DoubleRange(min = 0, max = 2) double warmupSweeps,
                                      @ForAll DependencyMatrices.Kind kind,
                                      @ForAll @IntRange(min = 1, max = 60) int rounds,
                                      @ForAll long seed) {
        Problem problem = problem(p, kind, seed, rounds, 1);
        SchedulerSettings settings = SchedulerSettings.builder().blockSize(blockSize).rho(rho)
                .warmupSweeps(warmupSweeps).build();
        assertThat(run(scheduler(settings, problem, seed), problem))
                .isEqualTo(run(scheduler(settings, problem, seed), problem));
    }

    /** A 2-entry cache (nearly every lookup a miss) and a large one give the same schedules. */
    @Property(tries = 300)
    void cacheSizeNeverChangesTheResult(@ForAll @IntRange(min = 2, max = 120) int p,
                                        @ForAll @IntRange(min = 2, max = 24) int blockSize,
                                        @ForAll @DoubleRange(min = 0.01, max = 1.0) double rho,
                                        @ForAll DependencyMatrices.Kind kind,
                                        @ForAll @IntRange(min = 1, max = 60) int rounds,
                                        @ForAll long seed) {
        Problem problem = problem(p, kind, seed, rounds, 0);
        SchedulerSettings large = SchedulerSettings.builder().blockSize(blockSize).rho(rho).warmupSweeps(0.5)
                .dependencyCacheBits(18).build();
        SchedulerSettings tiny = large.toBuilder().dependencyCacheBits(1).build();
        DynamicScheduler a = scheduler(large, problem, seed);
        DynamicScheduler b = scheduler(tiny, problem, seed);
        assertThat(run(b, problem)).isEqualTo(run(a, problem));
        assertThat(b.dependencyChecks()).isEqualTo(a.dependencyChecks());
        assertThat(b.cacheHits()).isLessThanOrEqualTo(a.cacheHits());
    }
}
