package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Optimality;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.SmpSession;
import org.smpframe.api.TracePoint;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.CoordinateSchedulers;
import org.smpframe.linear.Layout;
import org.smpframe.linear.PlacementStrategy;
import org.smpframe.runtime.embedded.EmbeddedRuntime;
import org.smpframe.schedulers.SchedulerSettings;

/**
 * The feature-sharded Lasso against the math: the optimum's KKT conditions on dense and sparse data, with and
 * without an intercept, for every scheduler and 1, 2 and 4 workers; exact coordinate minimization with one
 * worker; no committed round ever raises the objective; repeatable runs; and the smp scheduler never updating
 * two columns correlated above ρ in parallel.
 */
class FeatureLassoTest {
    private static final double LAMBDA = 0.03;
    /** The reference optimum of each data set and intercept setting, computed once. */
    private static final java.util.Map<String, Double> OPTIMA = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (String data : new String[] {"dense", "sparse"}) {
            for (boolean intercept : new boolean[] {true, false}) {
                for (String scheduler : new String[] {"smp", "random", "cyclic"}) {
                    for (int workers : new int[] {1, 2, 4}) {
                        all.add(Arguments.of(data, intercept, scheduler, workers));
                    }
                }
            }
        }
        return all.stream();
    }

    private static LabeledDataset data(String kind) {
        // p > n in both: the shape the layout is for.
        return kind.equals("dense") ? LassoTestData.correlated(40, 90, 0.8, 5) : LassoTestData.sparse(50, 80, 0.15, 9);
    }

    private static LassoConfig.Builder config(String scheduler, boolean intercept) {
        return LassoConfig.builder().lambda(LAMBDA).scheduler(scheduler).layout("features").intercept(intercept)
                .blockSize(Integer.MAX_VALUE).pipelineDepth(0).tolerance(1e-12).seed(3);
    }

    private static LassoResult fit(LabeledDataset data, LassoConfig config, int workers, LassoListener listener) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LassoTrainer(config).fit(data, runtime, listener);
        }
    }

    @ParameterizedTest(name = "{0} data, intercept {1}, {2}, P={3}")
    @MethodSource("configurations")
    void theKktConditionsHoldAtTheSolution(String kind, boolean intercept, String scheduler, int workers) {
        LabeledDataset data = data(kind);
        LassoResult r = fit(data, config(scheduler, intercept).build(), workers, LassoListener.NONE);
        assertThat(r.allConverged()).isTrue();
        DenseLassoReference ref = new DenseLassoReference(data, intercept);
        LassoModel m = r.finalModel();
        double[] beta = m.coefficients();
        assertThat(m.intercept()).isCloseTo(ref.intercept(beta), within(1e-9));
        double[] g = ref.gradient(beta, m.intercept());
        int nonzeros = 0;
        for (int j = 0; j < beta.length; j++) {
            if (beta[j] != 0) {
                nonzeros++;
                assertThat(g[j]).as("stationarity of active coordinate %d", j)
                        .isCloseTo(LAMBDA * Math.signum(beta[j]), within(1e-6));
            } else {
                assertThat(Math.abs(g[j])).as("subgradient bound of zero coordinate %d", j)
                        .isLessThanOrEqualTo(LAMBDA + 1e-6);
            }
        }
        assertThat(nonzeros).isPositive();
        double optimum = OPTIMA.computeIfAbsent(kind + intercept, key -> {
            double[] b = ref.solve(LAMBDA);
            return ref.objective(b, ref.intercept(b), LAMBDA);
        });
        assertThat(ref.objective(beta, m.intercept(), LAMBDA)).isCloseTo(optimum, within(1e-9 * optimum));
    }

    @Test
    void withOneWorkerEachUpdateIsTheExactCoordinateMinimizer() {
        LabeledDataset data = LassoTestData.sparse(30, 6, 0.7, 5);
        DenseLassoReference ref = new DenseLassoReference(data);
        double[] previous = new double[6];
        for (int k = 1; k <= 14; k++) {
            // Cyclic, one coordinate a round, one sweep: round k updates coordinate (k − 1) mod 6.
            LassoConfig config = config("cyclic", true).blockSize(1).maxRounds(k).evaluateEvery(1).tolerance(0)
                    .build();
            double[] current = fit(data, config, 1, LassoListener.NONE).finalModel().coefficients();
            int j = (k - 1) % 6;
            assertThat(current[j]).as("coordinate %d after round %d", j, k)
                    .isCloseTo(ref.coordinateMinimizer(previous, j, LAMBDA), within(1e-10));
            for (int other = 0; other < 6; other++) {
                if (other != j) {
                    assertThat(current[other]).isEqualTo(previous[other]);
                }
            }
            previous = current;
        }
    }

    @Test
    void noCommittedRoundRaisesTheObjectiveEvenWithCorrelatedBlocksOnDifferentWorkers() {
        // Uniform placement (the random scheduler's) splits the strongly correlated blocks across four workers:
        // the workers' summed steps overshoot, and the aggregator must shorten them.
        LabeledDataset data = LassoTestData.correlated(40, 60, 0.97, 8);
        List<Double> objectives = new ArrayList<>();
        LassoConfig config = config("random", true).evaluateEvery(1).maxRounds(300).tolerance(0).build();
        fit(data, config, 4, p -> objectives.add(p.objective()));
        assertThat(objectives).hasSizeGreaterThan(100);
        for (int i = 1; i < objectives.size(); i++) {
            assertThat(objectives.get(i)).as("objective after evaluation %d", i)
                    .isLessThanOrEqualTo(objectives.get(i - 1) * (1 + 1e-13));
        }
    }

    @Test
    void aFixedSeedGivesTheSameRunWhateverTheTiming() {
        LabeledDataset data = LassoTestData.correlated(40, 90, 0.8, 5);
        for (int depth : new int[] {0, 2}) {
            LassoConfig config = config("smp", true).pipelineDepth(depth).path(5, 0.05).build();
            List<Double> first = new ArrayList<>();
            List<Double> second = new ArrayList<>();
            LassoResult a = fit(data, config, 4, p -> first.add(p.objective()));
            LassoResult b = fit(data, config, 4, p -> second.add(p.objective()));
            assertThat(second).as("depth %d", depth).isEqualTo(first);
            assertThat(b.finalModel().coefficients()).isEqualTo(a.finalModel().coefficients());
        }
    }

    @Test
    void messagesThroughTheirWireFormatsChangeNothing() {
        LabeledDataset data = LassoTestData.sparse(50, 80, 0.15, 9);
        LassoResult plain = fit(data, config("smp", true).path(4, 0.05).build(), 3, LassoListener.NONE);
        LassoResult wired = fit(data, config("smp", true).path(4, 0.05).verifyWireFormats(true).build(), 3,
                LassoListener.NONE);
        for (int s = 0; s < plain.stages().size(); s++) {
            assertThat(wired.stages().get(s).model().coefficients())
                    .isEqualTo(plain.stages().get(s).model().coefficients());
        }
    }

    @Test
    void columnsCorrelatedAboveRhoAreNeverUpdatedInParallel() {
        // Blocks of 5 columns with within-block correlation 0.9: with 2 or 4 workers and ρ = 0.5 no round may give
        // two workers columns whose exact |correlation| reaches ρ.
        LabeledDataset data = LassoTestData.correlated(60, 200, 0.9, 12);
        LassoProblem problem = LassoProblem.of(data, true, false);
        double[][] x = problem.centeredDenseColumns();
        double rho = 0.5;
        for (int workers : new int[] {2, 4}) {
            for (PlacementStrategy placement : PlacementStrategy.values()) {
                FeatureLassoProgram program = new FeatureLassoProgram(problem, 0.01, 1e-10, placement, 1);
                Scheduler inner = CoordinateSchedulers.create("smp",
                        SchedulerSettings.builder().rho(rho).build(), Layout.FEATURES);
                List<Schedule> schedules = new ArrayList<>();
                Scheduler recording = new Recording(inner, schedules);
                try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers);
                     SmpSession session = runtime.open(program)) {
                    RunSummary summary = session.run(recording, RunOptions.builder().pipelineDepth(0)
                            .evaluateEvery(Integer.MAX_VALUE).maxRounds(5_000).build(), RoundListener.NONE);
                    assertThat(summary.reason()).isEqualTo(RunSummary.StopReason.CONVERGED);
                }
                long pairs = 0;
                for (Schedule s : schedules) {
                    int[] params = s.params();
                    int[] by = new int[params.length]; // which worker updates each scheduled coordinate
                    for (int w = 0; w < workers; w++) {
                        for (int i = s.from(w); i < s.to(w); i++) {
                            by[i] = w;
                        }
                    }
                    for (int a = 0; a < params.length; a++) {
                        for (int b = a + 1; b < params.length; b++) {
                            if (by[a] != by[b]) {
                                pairs++;
                                assertThat(Math.abs(correlation(x[params[a]], x[params[b]])))
                                        .as("columns %d and %d in round %d, %s placement, P = %d", params[a],
                                                params[b], s.round(), placement, workers)
                                        .isLessThan(rho);
                            }
                        }
                    }
                }
                // A small working set goes whole to one worker: then nothing runs in parallel at all.
            }
        }
    }

    private static double correlation(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** A scheduler that keeps every schedule it hands out. */
    private record Recording(Scheduler inner, List<Schedule> schedules) implements Scheduler {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void init(SchedulerContext context) {
            inner.init(context);
        }

        @Override
        public Schedule next(long round) {
            Schedule s = inner.next(round);
            schedules.add(s);
            return s;
        }

        @Override
        public void observe(ChangeSet changes) {
            inner.observe(changes);
        }

        @Override
        public boolean wantsOptimality() {
            return inner.wantsOptimality();
        }

        @Override
        public void observeOptimality(Optimality report) {
            inner.observeOptimality(report);
        }
    }

    @Test
    void theTraceReportsEveryCheckAndTheRunEndsAtTheCertifiedGap() {
        LabeledDataset data = LassoTestData.correlated(40, 90, 0.8, 5);
        List<TracePoint> points = new ArrayList<>();
        LassoResult r = fit(data, config("smp", true).tolerance(1e-8).build(), 2, p -> points.add(
                new TracePoint(p.seconds(), p.round(), p.updates(), p.evaluation())));
        LassoStage last = r.stages().get(0);
        assertThat(last.summary().reason()).isEqualTo(RunSummary.StopReason.CONVERGED);
        double gap = last.summary().last().evaluation().get(LassoAggregator.GAP);
        assertThat(gap).isLessThanOrEqualTo(1e-8 * last.objective());
        assertThat(points.get(0).round()).as("the first check is before any round").isZero();
    }
}
