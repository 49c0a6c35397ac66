package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.DependencyOracle;
import org.smpframe.api.Schedule;
import org.smpframe.api.SchedulerContext;

class DynamicSchedulerTest {
    static DynamicScheduler dynamic(SchedulerSettings settings, int p, DependencyOracle oracle, long seed) {
        DynamicScheduler s = new DynamicScheduler(settings);
        s.init(new SchedulerContext(p, 4, oracle, seed));
        return s;
    }

    /** Reports every parameter once with weight w[j]: sets all weights and counts p updates. */
    static void observeAll(DynamicScheduler s, double[] w, long round) {
        ChangeSet c = new ChangeSet();
        c.reset(round);
        for (int j = 0; j < w.length; j++) {
            c.changed(j, w[j]);
        }
        s.observe(c);
    }

    /** Reports the scheduled parameters with magnitudes w[j] (a stationary priority landscape). */
    static void observeScheduled(DynamicScheduler s, Schedule schedule, double[] w, ChangeSet c) {
        c.reset(schedule.round());
        for (int j : schedule.params()) {
            c.changed(j, w[j]);
        }
        s.observe(c);
    }

    @Test
    void withoutDependenciesSchedulesAFullBlockOfDistinctIds() {
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(8).build(), 100, DependencyOracle.NONE, 3);
        ChangeSet c = new ChangeSet();
        SplittableRandom random = new SplittableRandom(1);
        for (int t = 0; t < 300; t++) {
            Schedule schedule = s.next(t);
            assertThat(schedule.isShared()).isTrue();
            assertThat(schedule.round()).isEqualTo(t);
            assertThat(schedule.params()).hasSize(8).doesNotHaveDuplicates().isSorted();
            c.reset(t);
            for (int j : schedule.params()) {
                c.changed(j, random.nextDouble() < 0.5 ? 0 : random.nextDouble());
            }
            s.observe(c);
        }
        assertThat(s.isWarmedUp()).isTrue();
    }

    @Test
    void blockSizeIsClampedAndTinyProblemsWork() {
        for (int p = 1; p <= 4; p++) {
            DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(16).warmupSweeps(0).build(), p,
                    DependencyOracle.NONE, 5);
            double[] w = new double[p];
            w[0] = 1;
            observeAll(s, w, 0);
            for (int t = 0; t < 20; t++) {
                assertThat(s.next(t).params()).hasSize(p).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void fullyDependentBlocksGiveAtMostOneParameterPerBlock() {
        int p = 60;
        DependencyOracle sameBlock = (a, b) -> a / 10 == b / 10 ? 1.0 : 0.0;
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(10).candidateFactor(6).build(), p,
                sameBlock, 9);
        for (int t = 0; t < 100; t++) {
            int[] params = s.next(t).params();
            assertThat(params.length).isBetween(1, 6);
            for (int i = 0; i < params.length; i++) {
                for (int k = i + 1; k < params.length; k++) {
                    assertThat(params[i] / 10).isNotEqualTo(params[k] / 10);
                }
            }
        }
    }

    /**
     * ρ above 1 switches the filter off: the oracle is neither prepared nor asked, and the schedules are exactly those of a
     * filter that admits everything (the same draws from the same stream), full blocks even on data where every
     * pair depends.
     */
    @Test
    void rhoAboveOneSkipsTheFilterWithoutChangingTheDraws() {
        int p = 500;
        DependencyOracle forbidden = new DependencyOracle() {
            @Override
            public double dependency(int a, int b) {
                throw new AssertionError("the oracle was asked about " + a + ", " + b);
            }

            @Override
            public void prepare() {
                throw new AssertionError("an oracle that will not be asked was told to prepare");
            }
        };
        SchedulerSettings off = SchedulerSettings.builder().blockSize(12).candidateFactor(3).rho(1.5).build();
        DynamicScheduler withoutFilter = dynamic(off, p, forbidden, 21);
        DynamicScheduler admitsAll = dynamic(off.toBuilder().rho(1.0).build(), p, DependencyOracle.NONE, 21);
        SplittableRandom random = new SplittableRandom(4);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = random.nextDouble() < 0.1 ? random.nextDouble() : 0;
        }
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < 400; t++) {
            Schedule a = withoutFilter.next(t);
            Schedule b = admitsAll.next(t);
            assertThat(a.params()).hasSize(12).containsExactly(b.params());
            observeScheduled(withoutFilter, a, w, c);
            observeScheduled(admitsAll, b, w, c);
        }
        assertThat(withoutFilter.isWarmedUp()).isTrue();
        assertThat(withoutFilter.dependencyChecks()).isZero();
        assertThat(DynamicScheduler.filters(off)).isFalse();
        assertThat(DynamicScheduler.estimateBytes(p, off))
                .isLessThan(DynamicScheduler.estimateBytes(p, off.toBuilder().rho(0.5).build()));
    }

    /** A filtering scheduler has its oracle prepare once, at init, before the first round asks anything. */
    @Test
    void aFilteringSchedulerPreparesItsOracleAtInit() {
        AtomicLong prepared = new AtomicLong();
        AtomicLong askedBeforePrepared = new AtomicLong();
        DependencyOracle oracle = new DependencyOracle() {
            @Override
            public double dependency(int a, int b) {
                if (prepared.get() == 0) {
                    askedBeforePrepared.incrementAndGet();
                }
                return 0.0;
            }

            @Override
            public void prepare() {
                prepared.incrementAndGet();
            }
        };
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(4).build(), 50, oracle, 3);
        assertThat(prepared).hasValue(1);
        for (int t = 0; t < 20; t++) {
            s.next(t);
        }
        assertThat(prepared).hasValue(1);
        assertThat(askedBeforePrepared).hasValue(0);
    }

    /** Warm-up ignores the weights: the same seed gives the same schedules whatever the changes were. */
    @Test
    void warmUpIsUniformWhateverTheWeights() {
        int p = 100;
        SchedulerSettings settings = SchedulerSettings.builder().blockSize(5).warmupSweeps(3).build();
        DynamicScheduler flat = dynamic(settings, p, DependencyOracle.NONE, 77);
        DynamicScheduler skewed = dynamic(settings, p, DependencyOracle.NONE, 77);
        double[] zero = new double[p];
        double[] heavy = new double[p];
        for (int j = 0; j < 10; j++) {
            heavy[j] = 1000;
        }
        observeAll(flat, zero, -1);
        observeAll(skewed, heavy, -1);
        ChangeSet c = new ChangeSet();
        // 3 sweeps = 300 updates; p were observed above, each round adds 5.
        for (int t = 0; (t + 1) * 5 + p < 300; t++) {
            assertThat(skewed.isWarmedUp()).isFalse();
            Schedule a = flat.next(t);
            Schedule b = skewed.next(t);
            assertThat(b).isEqualTo(a);
            observeScheduled(flat, a, zero, c);
            observeScheduled(skewed, b, heavy, c);
        }
        assertThat(skewed.isWarmedUp()).isFalse();
        c.reset(99);
        for (int j = 0; j < 5; j++) {
            c.changed(j, 1000);
        }
        skewed.observe(c);
        assertThat(skewed.isWarmedUp()).isTrue();
    }

    /**
     * After warm-up, heavy parameters are scheduled in most rounds (they are drawn early, and the filter takes
     * candidates in draw order), yet every weight-0 parameter is still scheduled now and then: η and the spare
     * slots keep them from starving.
     */
    @Test
    void prefersHeavyParametersWithoutStarvingTheRest() {
        int p = 200;
        int[] heavyIds = {3, 50, 111, 190};
        double[] w = new double[p];
        for (int j : heavyIds) {
            w[j] = 1.0;
        }
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(8).build(), p, DependencyOracle.NONE, 11);
        observeAll(s, w, -1); // one sweep: warmed up
        assertThat(s.isWarmedUp()).isTrue();
        int rounds = 3000;
        long[] count = new long[p];
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < rounds; t++) {
            Schedule schedule = s.next(t);
            for (int j : schedule.params()) {
                count[j]++;
            }
            observeScheduled(s, schedule, w, c);
        }
        long minLight = Long.MAX_VALUE;
        long sumLight = 0;
        for (int j = 0; j < p; j++) {
            if (w[j] == 0) {
                minLight = Math.min(minLight, count[j]);
                sumLight += count[j];
            }
        }
        double meanLight = (double) sumLight / (p - heavyIds.length);
        for (int j : heavyIds) {
            assertThat(count[j]).isGreaterThan(rounds * 3L / 4);
            assertThat((double) count[j]).isGreaterThan(10 * meanLight);
        }
        assertThat(minLight).as("least scheduled weight-0 parameter").isPositive();
    }

    /**
     * With L = L' = 1 the schedule is the single candidate, so its frequency is P(j) = (w_j + η) / (W + p·η)
     * exactly: a check of the tree/uniform mixture (chi-square, fixed seed).
     */
    @Test
    void singleDrawFrequenciesMatchTheMixture() {
        int p = 20;
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = j % 4 == 0 ? 0 : (j % 5) + 0.5;
        }
        double etaFraction = 0.5;
        SchedulerSettings settings = SchedulerSettings.builder().blockSize(1).candidateFactor(1).warmupSweeps(0)
                .etaFraction(etaFraction).build();
        DynamicScheduler s = dynamic(settings, p, DependencyOracle.NONE, 4242);
        observeAll(s, w, -1);
        double total = 0;
        int nonzero = 0;
        for (double v : w) {
            total += v;
            nonzero += v > 0 ? 1 : 0;
        }
        double eta = etaFraction * total / nonzero;
        assertThat(s.eta()).isEqualTo(eta);
        int rounds = 200_000;
        long[] count = new long[p];
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < rounds; t++) {
            Schedule schedule = s.next(t);
            count[schedule.params()[0]]++;
            observeScheduled(s, schedule, w, c); // same magnitude again: weights stay put
        }
        double chi2 = 0;
        for (int j = 0; j < p; j++) {
            double expected = rounds * (w[j] + eta) / (total + p * eta);
            chi2 += (count[j] - expected) * (count[j] - expected) / expected;
        }
        // 19 degrees of freedom: the 0.9999 quantile is ~50.
        assertThat(chi2).isLessThan(50);
    }

    /**
     * Two draws without replacement from three parameters: pair {i, j} has probability
     * q_i q_j / (1 - q_i) + q_j q_i / (1 - q_j), q = (w + η) / (W + p·η).
     */
    @Test
    void drawsWithoutReplacementFromTheMixture() {
        double[] w = {0, 1, 3};
        SchedulerSettings settings = SchedulerSettings.builder().blockSize(2).candidateFactor(1).warmupSweeps(0)
                .etaFraction(0.5).build();
        // L' = min(p, 2) = 2 < p = 3, so the weighted path (not the all-candidates shortcut) runs.
        DynamicScheduler s = dynamic(settings, 3, DependencyOracle.NONE, 99);
        observeAll(s, w, -1);
        double eta = 0.5 * 2; // mean nonzero weight 2
        double[] q = new double[3];
        for (int j = 0; j < 3; j++) {
            q[j] = (w[j] + eta) / (4 + 3 * eta);
        }
        int rounds = 100_000;
        long[] pairCount = new long[3]; // indexed by the parameter left out
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < rounds; t++) {
            Schedule schedule = s.next(t);
            int[] ids = schedule.params();
            assertThat(ids).hasSize(2);
            pairCount[3 - ids[0] - ids[1]]++;
            observeScheduled(s, schedule, w, c);
        }
        double chi2 = 0;
        for (int out = 0; out < 3; out++) {
            int i = (out + 1) % 3;
            int j = (out + 2) % 3;
            double prob = q[i] * q[j] / (1 - q[i]) + q[j] * q[i] / (1 - q[j]);
            double expected = rounds * prob;
            chi2 += (pairCount[out] - expected) * (pairCount[out] - expected) / expected;
        }
        // 2 degrees of freedom: the 0.9999 quantile is ~18.4.
        assertThat(chi2).isLessThan(18.4);
    }

    /**
     * L' = p - 1: the last draws of a round are mostly redraws, so the exact scan takes over; candidates stay
     * distinct and the one left out is (all but surely) a weight-0 parameter.
     */
    @Test
    void drawingNearlyAllParametersFallsBackToTheScan() {
        int p = 300;
        double[] w = new double[p];
        for (int j = 0; j < 10; j++) {
            w[j * 29] = 10;
        }
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(p - 1).candidateFactor(1).build(), p,
                DependencyOracle.NONE, 31);
        observeAll(s, w, -1);
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < 200; t++) {
            Schedule schedule = s.next(t);
            assertThat(schedule.params()).hasSize(p - 1).doesNotHaveDuplicates();
            for (int j = 0; j < 10; j++) {
                assertThat(schedule.params()).contains(j * 29);
            }
            observeScheduled(s, schedule, w, c);
        }
    }

    @Test
    void allWeightsZeroMeansUniform() {
        int p = 30;
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(3).warmupSweeps(0).build(), p,
                DependencyOracle.NONE, 8);
        observeAll(s, new double[p], -1);
        assertThat(s.eta()).isZero();
        long[] count = new long[p];
        for (int t = 0; t < 30_000; t++) {
            for (int j : s.next(t).params()) {
                count[j]++;
            }
        }
        double expected = 30_000 * 3.0 / p;
        double chi2 = 0;
        for (long n : count) {
            chi2 += (n - expected) * (n - expected) / expected;
        }
        assertThat(chi2).isLessThan(70); // 29 dof: 0.9999 quantile ~64
    }

    @Test
    void etaZeroStillFillsTheBlockOnceTheWeightIsUsedUp() {
        int p = 50;
        double[] w = new double[p];
        w[7] = 2;
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(4).etaFraction(0).warmupSweeps(0).build(),
                p, DependencyOracle.NONE, 1);
        observeAll(s, w, -1);
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < 100; t++) {
            Schedule schedule = s.next(t);
            assertThat(schedule.params()).hasSize(4).contains(7);
            observeScheduled(s, schedule, w, c);
        }
    }

    @Test
    void remembersTheLastChangeAsWeight() {
        DynamicScheduler s = dynamic(SchedulerSettings.defaults(), 10, DependencyOracle.NONE, 1);
        ChangeSet c = new ChangeSet();
        c.reset(0);
        c.changed(3, 0.5);
        c.changed(3, 0.25);
        c.changed(4, 2);
        s.observe(c);
        assertThat(s.weight(3)).isEqualTo(0.25);
        assertThat(s.weight(4)).isEqualTo(2);
        assertThat(s.weight(5)).isZero();
        assertThat(s.eta()).isEqualTo(0.01 * (2.25 / 2));
    }

    @Test
    void rejectsInvalidChangesAndUseBeforeInit() {
        DynamicScheduler s = dynamic(SchedulerSettings.defaults(), 10, DependencyOracle.NONE, 1);
        ChangeSet c = new ChangeSet();
        c.reset(4);
        c.changed(10, 1);
        assertThatThrownBy(() -> s.observe(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 10").hasMessageContaining("round 4");
        c.reset(5);
        c.changed(2, Double.NaN);
        assertThatThrownBy(() -> s.observe(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        c.reset(6);
        c.changed(2, -1);
        assertThatThrownBy(() -> s.observe(c)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DynamicScheduler(SchedulerSettings.defaults()).next(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("init");
    }

    /** Repeated pairs are answered from memory; checks = oracle calls + hits. */
    @Test
    void countsChecksAndCacheHits() {
        AtomicLong oracleCalls = new AtomicLong();
        DependencyOracle counting = (a, b) -> {
            oracleCalls.incrementAndGet();
            return 0;
        };
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(4).build(), 12, counting, 2);
        for (int t = 0; t < 200; t++) {
            s.next(t);
        }
        // Each round keeps 4 with no conflicts: 0+1+2+3 = 6 checks.
        assertThat(s.dependencyChecks()).isEqualTo(200 * 6);
        assertThat(s.cacheHits()).isPositive();
        assertThat(s.dependencyChecks() - s.cacheHits()).isEqualTo(oracleCalls.get());
        // 12 parameters: a table of all 66 pairs, so each distinct pair reaches the oracle once.
        assertThat(oracleCalls.get()).isLessThanOrEqualTo(66);
    }

    /**
     * With few parameters no pair is asked of the oracle twice, however often the filter checks it: a hashed cache
     * let colliding pairs evict each other for the whole run, and on tall data each of those checks is a dot
     * product over every row.
     */
    @Test
    void fewParametersAskTheOracleOncePerPair() {
        int p = 64;
        int[][] calls = new int[p][p];
        DependencyOracle counting = (a, b) -> {
            calls[a][b]++;
            return (a + b) % 9 == 0 ? 0.9 : 0.01;
        };
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(32).rho(0.1).warmupSweeps(0).build(), p,
                counting, 3);
        SplittableRandom random = new SplittableRandom(3);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = random.nextDouble();
        }
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < 500; t++) {
            observeScheduled(s, s.next(t), w, c);
        }
        assertThat(s.dependencyChecks()).isGreaterThan(100L * DependencyTable.pairs(p));
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                assertThat(calls[a][b]).as("oracle calls for (%d, %d)", a, b).isLessThanOrEqualTo(1);
            }
        }
        SchedulerSettings on = SchedulerSettings.defaults();
        SchedulerSettings off = on.toBuilder().rho(SchedulerSettings.NO_FILTER).build();
        assertThat(DynamicScheduler.estimateBytes(p, on) - DynamicScheduler.estimateBytes(p, off))
                .as("the table: 4 bytes a pair").isEqualTo(4 * DependencyTable.pairs(p));
    }

    /** The table when it takes no more memory than the cache would, and fits in one array. */
    @Test
    void aTableUpTo1254ParametersWithTheDefaultCache() {
        SchedulerSettings defaults = SchedulerSettings.defaults();
        assertThat(DynamicScheduler.usesTable(defaults, 1254)).isTrue();
        assertThat(DynamicScheduler.usesTable(defaults, 1255)).isFalse();
        SchedulerSettings largest = defaults.toBuilder().dependencyCacheBits(SchedulerSettings.MAX_CACHE_BITS).build();
        assertThat(DynamicScheduler.usesTable(largest, 65_536)).isTrue();
        assertThat(DynamicScheduler.usesTable(largest, 70_000)).as("more pairs than one array holds").isFalse();
    }

    @Test
    void reinitStartsOver() {
        DynamicScheduler s = dynamic(SchedulerSettings.builder().blockSize(4).warmupSweeps(0.5).build(), 40,
                DependencyOracle.NONE, 6);
        List<Schedule> first = drive(s);
        s.init(new SchedulerContext(40, 4, DependencyOracle.NONE, 6));
        assertThat(drive(s)).isEqualTo(first);
    }

    private static List<Schedule> drive(DynamicScheduler s) {
        List<Schedule> out = new ArrayList<>();
        ChangeSet c = new ChangeSet();
        for (int t = 0; t < 50; t++) {
            Schedule schedule = s.next(t);
            out.add(schedule);
            c.reset(t);
            for (int j : schedule.params()) {
                c.changed(j, (j * 31 + t) % 7 * 0.1);
            }
            s.observe(c);
        }
        return out;
    }
}
