package org.smpframe.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.api.TracePoint;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsSplit;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

class CcdMathTest {
    private static final Ratings SMALL = LowRankRatings.generate(60, 40, 3, 0.3, 3.5, 0.2, 7);

    private static MfResult fit(Ratings train, Ratings test, MfConfig config, int workers, List<TracePoint> trace) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new MfTrainer(config).fit(train, test, runtime, p -> {
                if (trace != null) {
                    trace.add(p);
                }
            });
        }
    }

    /** One worker must do exactly what textbook CCD++ does (up to float residuals). */
    @ParameterizedTest
    @CsvSource({"false,WEIGHTED", "true,WEIGHTED", "false,UNWEIGHTED", "true,UNWEIGHTED"})
    void oneWorkerMatchesTextbookCcdPlusPlus(boolean biases, Regularization regularization) {
        MfConfig config = MfConfig.builder().rank(4).lambda(0.05).biases(biases).regularization(regularization)
                .iterations(3).innerIterations(2).build();
        MfModel model = fit(SMALL, null, config, 1, null).model();
        NaiveCcd naive = new NaiveCcd(SMALL, config);
        for (int it = 0; it < 3; it++) {
            naive.iterate(2);
        }
        double[] w = model.userMatrix();
        double[] h = model.itemMatrix();
        for (int k = 0; k < w.length; k++) {
            assertThat(w[k]).as("w[%d]", k).isCloseTo(naive.w[k], within(1e-4));
        }
        for (int k = 0; k < h.length; k++) {
            assertThat(h[k]).as("h[%d]", k).isCloseTo(naive.h[k], within(1e-4));
        }
    }

    /** The objective the workers assemble from per-item sums equals the objective computed from its definition. */
    @ParameterizedTest
    @CsvSource({"1,false", "3,true", "4,false"})
    void reportedObjectiveAndRmseMatchTheirDefinitions(int workers, boolean biases) {
        RatingsSplit.Split split = RatingsSplit.random(SMALL, 0.2, 3);
        MfConfig config = MfConfig.builder().rank(3).lambda(0.1).biases(biases).iterations(4).build();
        MfResult r = fit(split.train(), split.test(), config, workers, null);
        MfModel m = r.model();
        double direct = NaiveCcd.objective(split.train(), config.columns(), m.mean(), m.userMatrix(),
                m.itemMatrix(), 0.1, Regularization.WEIGHTED);
        assertThat(r.objective()).isCloseTo(direct, within(1e-6 * direct));
        double sse = 0;
        Ratings test = split.test();
        for (int k = 0; k < test.size(); k++) {
            double e = test.rating(k) - m.predict(test.user(k), test.item(k));
            sse += e * e;
        }
        assertThat(r.testRmse()).isCloseTo(Math.sqrt(sse / test.size()), within(1e-6));
        assertThat(r.last().get(MfObjective.ITERATION)).isEqualTo(4);
    }

    /** Exact coordinate minimization: no sweep may raise the objective, whatever the number of workers. */
    @ParameterizedTest
    @CsvSource({"1,1,false", "2,1,true", "4,1,false", "3,2,true"})
    void objectiveNeverIncreasesAcrossSweeps(int workers, int blocksPerWorker, boolean biases) {
        List<TracePoint> trace = new ArrayList<>();
        MfConfig config = MfConfig.builder().rank(5).lambda(0.02).biases(biases).iterations(12)
                .blocksPerWorker(blocksPerWorker).build();
        fit(SMALL, null, config, workers, trace);
        assertThat(trace).hasSize(12);
        for (int k = 1; k < trace.size(); k++) {
            double before = trace.get(k - 1).evaluation().objective();
            double after = trace.get(k).evaluation().objective();
            assertThat(after).as("iteration %d", k + 1).isLessThanOrEqualTo(before * (1 + 1e-7));
        }
        assertThat(trace.get(11).evaluation().objective()).isLessThan(trace.get(0).evaluation().objective());
    }

    @Test
    void oneAndFourWorkersAgreeWithTheSameSeed() {
        MfConfig config = MfConfig.builder().rank(4).lambda(0.05).biases(true).iterations(8).seed(11).build();
        MfResult one = fit(SMALL, null, config, 1, null);
        MfResult four = fit(SMALL, null, config.toBuilder().blocksPerWorker(2).build(), 4, null);
        assertThat(four.objective()).isCloseTo(one.objective(), within(1e-5 * one.objective()));
        for (int i = 0; i < SMALL.numUsers(); i += 7) {
            for (int j = 0; j < SMALL.numItems(); j += 5) {
                assertThat(four.model().predict(i, j)).isCloseTo(one.model().predict(i, j), within(1e-4));
            }
        }
    }

    @Test
    void runsUnchangedWhenEveryMessageCrossesItsWireFormat() {
        MfConfig config = MfConfig.builder().rank(3).lambda(0.05).biases(true).iterations(3).build();
        RatingsSplit.Split split = RatingsSplit.random(SMALL, 0.25, 5);
        MfResult plain = fit(split.train(), split.test(), config, 3, null);
        MfResult wired = fit(split.train(), split.test(), config.toBuilder().verifyWireFormats(true).build(), 3, null);
        assertThat(wired.objective()).isEqualTo(plain.objective());
        assertThat(wired.testRmse()).isEqualTo(plain.testRmse());
        // Every round, each of the 3 workers pushes a partial and receives the commit, and every block moves.
        org.smpframe.api.Traffic t = wired.summary().traffic();
        long rounds = wired.summary().rounds();
        assertThat(t.partials()).isEqualTo(3 * rounds);
        assertThat(t.blockMoves()).isEqualTo(3 * rounds);
        assertThat(t.commits()).isBetween(3 * (rounds - 1), 3 * rounds);
        assertThat(t.blockBytes()).isGreaterThan(t.partialBytes());
        assertThat(plain.summary().traffic()).isEqualTo(org.smpframe.api.Traffic.NONE);
    }

    /** A rank-4 matrix observed with noise σ = 0.1: the fit recovers it down to the noise on held-out ratings. */
    @Test
    void testRmseReachesTheNoiseLevelOnALowRankMatrix() {
        Ratings all = LowRankRatings.generate(400, 300, 4, 0.25, 3, 0.1, 21);
        RatingsSplit.Split split = RatingsSplit.random(all, 0.1, 4);
        MfConfig config = MfConfig.builder().rank(4).lambda(0.002).biases(true).iterations(30).build();
        MfResult r = fit(split.train(), split.test(), config, 4, null);
        assertThat(r.testRmse()).isLessThan(0.115);
        assertThat(r.trainRmse()).isLessThan(0.105);
    }

    /** A random split can leave users without training ratings: their test ratings are left out, not scored. */
    @Test
    void testRatingsOfUsersWithoutTrainingRatingsAreLeftOutAndCounted() {
        Ratings all = SMALL;
        int[] idx = new int[all.size()];
        int[] testIdx = new int[all.size()];
        int nTrain = 0;
        int nTest = 0;
        for (int k = 0; k < all.size(); k++) {
            if (all.user(k) == 0) {
                testIdx[nTest++] = k; // user 0 only in the test set
            } else {
                idx[nTrain++] = k;
            }
        }
        Ratings train = all.subset(java.util.Arrays.copyOf(idx, nTrain), "train");
        Ratings test = all.subset(java.util.Arrays.copyOf(testIdx, nTest), "test");
        MfResult r = fit(train, test, MfConfig.builder().rank(2).iterations(2).build(), 2, null);
        assertThat(r.coldTestRatings()).isEqualTo(nTest);
        assertThat(r.testRatings()).isZero();
    }

    @Test
    void aProgramRunsInOneSessionOnly() {
        CcdProgram program = new CcdProgram(MfProblem.of(SMALL, null), MfConfig.builder().rank(2).build());
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            runtime.open(program).close();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.open(program))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("one session");
        }
    }
}
