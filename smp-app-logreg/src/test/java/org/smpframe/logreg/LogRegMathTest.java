package org.smpframe.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.Schedule;
import org.smpframe.data.LabeledDataset;

/** The worker's derivative and line-search sums and the aggregator's step, against the definitions. */
class LogRegMathTest {
    private static final LabeledDataset DATA = new LogisticDesign(60, 12, 0.4, 3, 0.5, 4, 3).generate();

    private static int[] allParams(int p) {
        int[] all = new int[p];
        for (int j = 0; j < p; j++) {
            all[j] = j;
        }
        return all;
    }

    private static double[] randomWeights(int p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble(-1.5, 1.5);
        }
        return w;
    }

    /** Mean loss with the problem's parameters (bias last). */
    private static double meanLoss(double[] w) {
        double[] features = Arrays.copyOf(w, DATA.numFeatures());
        return NaiveLogReg.objective(DATA, features, w[DATA.numFeatures()], 0.0);
    }

    private static LogRegWorker workerAt(LogRegProblem problem, double[] w) {
        LogRegWorker worker = new LogRegWorker(problem.columns(), problem.y);
        worker.apply(LogRegCommit.inner(allParams(problem.p), w)); // d = w
        worker.apply(LogRegCommit.outerStep(1.0)); // w += d
        return worker;
    }

    @Test
    void gradientAndCurvatureMatchFiniteDifferences() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        double[] w = randomWeights(problem.p, 5);
        LogRegPartial partial = workerAt(problem, w).push(Schedule.shared(0, allParams(problem.p)));
        assertThat(partial.modelGradient()).containsOnly(0.0); // no inner direction yet
        double h = 1e-4;
        for (int j = 0; j < problem.p; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double f0 = meanLoss(w);
            double fp = meanLoss(plus);
            double fm = meanLoss(minus);
            double fdGradient = (fp - fm) / (2 * h);
            double fdCurvature = (fp - 2 * f0 + fm) / (h * h);
            assertThat(partial.outerGradient()[j] / problem.n).as("gradient %d", j).isCloseTo(fdGradient, within(1e-8));
            assertThat(partial.outerCurvature()[j] / problem.n).as("curvature %d", j)
                    .isCloseTo(fdCurvature, within(1e-5));
        }
    }

    /** Δ_i = x_i·d over all rows, for a direction given on a few coordinates. */
    private static double[] directionMargins(LogRegProblem problem, int[] params, double[] dirs) {
        double[] dm = new double[problem.n];
        for (int i = 0; i < problem.n; i++) {
            for (int e = problem.rows.rowPtr[i]; e < problem.rows.rowPtr[i + 1]; e++) {
                for (int k = 0; k < params.length; k++) {
                    dm[i] += problem.rows.colIdx[e] == params[k] ? problem.rows.values[e] * dirs[k] : 0;
                }
            }
        }
        return dm;
    }

    @Test
    void innerRoundsPushTheQuadraticModelsGradientWithoutMovingTheIterate() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        double[] w = randomWeights(problem.p, 7);
        LogRegWorker worker = workerAt(problem, w);
        worker.push(Schedule.shared(0, new int[] {0})); // hands over the outer statistics
        int[] params = {0, 4, problem.p - 1};
        double[] dirs = {0.3, -0.8, 0.5};
        worker.apply(LogRegCommit.inner(params, dirs));
        LogRegPartial partial = worker.push(Schedule.shared(1, allParams(problem.p)));
        double[] dm = directionMargins(problem, params, dirs);
        double[] margin = new double[problem.n];
        for (int i = 0; i < problem.n; i++) {
            for (int e = problem.rows.rowPtr[i]; e < problem.rows.rowPtr[i + 1]; e++) {
                margin[i] += problem.rows.values[e] * w[problem.rows.colIdx[e]];
            }
        }
        for (int j = 0; j < problem.p; j++) {
            double expected = 0;
            for (int e = problem.columns().colPtr[j]; e < problem.columns().colPtr[j + 1]; e++) {
                int i = problem.columns().rowIdx[e];
                double s = 1 / (1 + Math.exp(problem.y[i] * margin[i]));
                expected += problem.columns().values[e] * s * (1 - s) * dm[i];
            }
            assertThat(partial.modelGradient()[j]).as("model gradient %d", j).isCloseTo(expected, within(1e-10));
        }
        assertThat(partial.outerGradient()).isEmpty();
        double quadratic = 0;
        for (int i = 0; i < problem.n; i++) {
            double s = 1 / (1 + Math.exp(problem.y[i] * margin[i]));
            quadratic += s * (1 - s) * dm[i] * dm[i];
        }
        assertThat(partial.modelQuadratic()).isCloseTo(quadratic, within(1e-10));
        assertThat(worker.localStats().loss() / problem.n).isCloseTo(meanLoss(w), within(1e-12));
    }

    @Test
    void lineSearchSumsAreTheExactLossChangesAndTheQuadraticBoundTerms() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        double[] w = randomWeights(problem.p, 9);
        LogRegWorker worker = workerAt(problem, w);
        int[] params = {0, 4, problem.p - 1};
        double[] dirs = {0.8, -2.5, 1.2};
        worker.apply(LogRegCommit.inner(new int[] {0}, new double[] {0.5}));
        worker.apply(LogRegCommit.lineSearch(params, new double[] {0.3, -2.5, 1.2})); // d_0 = 0.5 + 0.3
        double[] sums = worker.push(Schedule.shared(1, new int[] {2})).lineSearch();
        assertThat(sums).hasSize(LogRegPartial.LINE_SEARCH_SUMS);
        for (int s = 0; s < LogRegPartial.EXACT_STEPS.length; s++) {
            double[] moved = w.clone();
            for (int k = 0; k < params.length; k++) {
                moved[params[k]] += LogRegPartial.EXACT_STEPS[s] * dirs[k];
            }
            assertThat(sums[s]).as("step %s", LogRegPartial.EXACT_STEPS[s])
                    .isCloseTo((meanLoss(moved) - meanLoss(w)) * problem.n, within(1e-10));
        }
        double a = 1e-6;
        double[] nudged = w.clone();
        for (int k = 0; k < params.length; k++) {
            nudged[params[k]] += a * dirs[k];
        }
        assertThat(sums[3]).as("directional derivative").isCloseTo((meanLoss(nudged) - meanLoss(w)) / a * problem.n,
                within(1e-4));
        double squares = 0;
        for (double v : directionMargins(problem, params, dirs)) {
            squares += v * v;
        }
        assertThat(sums[4]).isCloseTo(squares, within(1e-9));
        // The sums are handed over once.
        assertThat(worker.push(Schedule.shared(2, new int[] {2})).lineSearch()).isEmpty();
    }

    @Test
    void anOuterStepMovesTheIterateByAlphaTimesTheDirection() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        double[] w = randomWeights(problem.p, 13);
        int[] params = {1, 3, problem.p - 1};
        double[] dirs = {-0.7, 1.1, 0.4};
        Schedule all = Schedule.shared(1, allParams(problem.p));
        for (double alpha : new double[] {1.0, 0.25, 0.0}) {
            LogRegWorker worker = workerAt(problem, w);
            worker.apply(LogRegCommit.lineSearch(params, dirs));
            worker.push(all);
            worker.apply(LogRegCommit.outerStep(alpha));
            double[] settled = w.clone();
            for (int k = 0; k < params.length; k++) {
                settled[params[k]] += alpha * dirs[k];
            }
            LogRegPartial after = worker.push(all);
            LogRegPartial expected = workerAt(problem, settled).push(all);
            for (int j = 0; j < problem.p; j++) {
                assertThat(after.outerGradient()[j]).as("alpha %s, gradient %d", alpha, j)
                        .isCloseTo(expected.outerGradient()[j], within(1e-9));
                assertThat(after.outerCurvature()[j]).isCloseTo(expected.outerCurvature()[j], within(1e-9));
            }
            assertThat(after.modelGradient()).containsOnly(0.0); // d was reset
            assertThat(worker.localStats().loss() / problem.n).isCloseTo(meanLoss(settled), within(1e-12));
        }
    }

    @Test
    void evaluationRecomputesLossAndGradientExactly() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        double[] w = randomWeights(problem.p, 11);
        LogRegStats stats = workerAt(problem, w).localStats();
        assertThat(stats.loss() / problem.n).isCloseTo(meanLoss(w), within(1e-13));
        LogRegPartial partial = workerAt(problem, w).push(Schedule.shared(0, allParams(problem.p)));
        for (int j = 0; j < problem.p; j++) {
            assertThat(stats.gradient()[j]).isCloseTo(partial.outerGradient()[j], within(1e-12));
        }
    }

    @Test
    void directionMinimizesTheProximalNewtonModel() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        LogRegAggregator aggregator = new LogRegAggregator(problem, 0.3, 0.01, 0);
        SplittableRandom rnd = new SplittableRandom(4);
        for (int t = 0; t < 2000; t++) {
            double g = rnd.nextDouble(-1, 1);
            double h = rnd.nextDouble(0.01, 2);
            double wj = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble(-1, 1);
            boolean penalized = rnd.nextBoolean();
            double d = aggregator.direction(g, h, wj, penalized);
            double best = model(g, h, wj, d, penalized, 0.3);
            for (double probe : new double[] {d + 1e-6, d - 1e-6, -wj, 0, -g / h}) {
                assertThat(best).isLessThanOrEqualTo(model(g, h, wj, probe, penalized, 0.3) + 1e-15);
            }
        }
    }

    @Test
    void aFlatColumnsNewtonStepIsClippedToTheTrustRegion() {
        // Rows far out on the sigmoid's tails: curvature ~0, gradient not, Newton step ~1e8 (a column of w8a).
        // Without the clip no line search accepted it, and its size, reported as priority, put it into every
        // block and got every block rejected.
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        LogRegAggregator aggregator = new LogRegAggregator(problem, 1e-3, 0.01, 0);
        int j = 2;
        double maxAbs = 0;
        for (int e = problem.columns().colPtr[j]; e < problem.columns().colPtr[j + 1]; e++) {
            maxAbs = Math.max(maxAbs, Math.abs(problem.columns().values[e]));
        }
        double[] g = new double[problem.p];
        g[j] = 0.5 * problem.n;
        LogRegPartial flat = new LogRegPartial(new double[] {0.0}, g, new double[problem.p], 0.0, LogRegPartial.NONE);
        LogRegCommit commit = aggregator.pull(Schedule.shared(0, new int[] {j}), List.of(flat), ChangeSink.IGNORE);
        assertThat(commit.params()).containsExactly(j);
        assertThat(commit.deltas()[0]).isEqualTo(-LogRegAggregator.TRUST_MARGIN / maxAbs);
    }

    private static double model(double g, double h, double wj, double d, boolean penalized, double lambda) {
        return g * d + 0.5 * h * d * d + (penalized ? lambda * Math.abs(wj + d) : 0);
    }

    @Test
    void lambdaMaxIsWhereZeroWeightsStopBeingOptimal() {
        LogRegProblem problem = LogRegProblem.of(DATA, true);
        double lambdaMax = problem.lambdaMax();
        LogRegResult above = fit(LogRegConfig.builder().lambda(lambdaMax * 1.01).tolerance(1e-6).relTolerance(0).build());
        LogRegResult below = fit(LogRegConfig.builder().lambda(lambdaMax * 0.9).tolerance(1e-6).relTolerance(0).build());
        assertThat(above.finalModel().nonzeros()).isZero();
        // With every feature weight 0 the bias alone fits the class ratio: b = log(n₊ / n₋).
        assertThat(above.finalModel().bias()).isCloseTo(Math.log(problem.positives / (double) problem.negatives),
                within(1e-4));
        assertThat(below.finalModel().nonzeros()).isPositive();
    }

    private static LogRegResult fit(LogRegConfig config) {
        try (var runtime = new org.smpframe.runtime.embedded.EmbeddedRuntime(1)) {
            return new LogRegTrainer(config).fit(DATA, null, runtime, LogRegListener.NONE);
        }
    }

    @Test
    void labelsZeroOneMapToTheNegativeClassAndMixingIsRefused() {
        double[] zeroOne = DATA.labels().clone();
        for (int i = 0; i < zeroOne.length; i++) {
            zeroOne[i] = zeroOne[i] > 0 ? 1 : 0;
        }
        LogRegProblem problem = LogRegProblem.of(new LabeledDataset("z", DATA.features(), zeroOne, null), true);
        assertThat(problem.negativeLabel).isZero();
        assertThat(problem.y).containsExactly(LogRegProblem.of(DATA, true).y);
        zeroOne[0] = -1;
        List<String> errors = new ArrayList<>();
        try {
            LogRegProblem.of(new LabeledDataset("mixed.svm", DATA.features(), zeroOne, null), true);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        assertThat(errors).singleElement().asString().startsWith("mixed.svm: labels mix 0 and -1");
    }
}
