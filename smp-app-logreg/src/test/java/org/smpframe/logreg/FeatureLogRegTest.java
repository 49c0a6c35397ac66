package org.smpframe.logreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.LabeledDataset;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * The feature-sharded logistic regression: the optimality conditions hold at its solution for dense and sparse
 * data, with and without a bias, for every scheduler and worker count; its wire formats carry every message.
 */
class FeatureLogRegTest {
    /** p ≫ n and dense (held as dense columns). */
    private static final LabeledDataset DENSE = new LogisticDesign(60, 400, 0.9, 5, 0.8, 6, 8).generate();
    /** Sparse (compressed columns), wider than tall. */
    private static final LabeledDataset SPARSE = new LogisticDesign(150, 600, 0.05, 4, 0.6, 8, 5).generate();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String data : new String[] {"dense", "sparse"}) {
            for (boolean bias : new boolean[] {false, true}) {
                for (String scheduler : new String[] {"smp", "random", "cyclic"}) {
                    for (int workers : new int[] {1, 2, 4}) {
                        all.add(Arguments.of(data, bias, scheduler, workers));
                    }
                }
            }
        }
        return all.stream();
    }

    private static LogRegResult fit(LabeledDataset data, LogRegConfig config, int workers) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LogRegTrainer(config).fit(data, null, runtime, LogRegListener.NONE);
        }
    }

    @ParameterizedTest(name = "{0}, bias {1}, {2}, P={3}")
    @MethodSource("cases")
    void theSolutionSatisfiesTheOptimalityConditions(String which, boolean bias, String scheduler, int workers) {
        LabeledDataset data = which.equals("dense") ? DENSE : SPARSE;
        assertThat(LogRegProblem.of(data, bias).dense()).isEqualTo(which.equals("dense"));
        double lambda = 0.05 * LogRegProblem.of(data, bias).lambdaMax();
        LogRegConfig config = LogRegConfig.builder().layout("features").lambda(lambda).bias(bias).tolerance(1e-9)
                .scheduler(scheduler).maxRounds(1_000_000).build();
        LogRegResult r = fit(data, config, workers);
        assertThat(r.allConverged()).isTrue();
        LogRegModel model = r.finalModel();
        assertThat(model.nonzeros()).isPositive();
        // The stop's claim, recomputed from the definition: ‖∇ˢF(w)‖₁ ≤ tolerance × ‖∇ˢF(0)‖₁.
        double atSolution = subgradientNorm(lossGradient(data, model), model.weights(), bias, lambda);
        double[] zero = new double[model.weights().length];
        LogRegModel empty = new LogRegModel(zero, bias ? 0.0 : Double.NaN, 1, -1);
        double atZero = subgradientNorm(lossGradient(data, empty), zero, bias, lambda);
        assertThat(atSolution).as("the optimality conditions' violation, lambda %s", lambda)
                .isLessThan(1.01 * 1e-9 * atZero);
        assertThat(NaiveLogReg.objective(data, model, lambda)).isCloseTo(r.last().objective(),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    /** Σ_j of the minimum-norm subgradient's magnitude (the bias unpenalized). */
    private static double subgradientNorm(double[] g, double[] w, boolean bias, double lambda) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] > 0 ? Math.abs(g[j] + lambda) : w[j] < 0 ? Math.abs(g[j] - lambda)
                    : Math.max(0, Math.abs(g[j]) - lambda);
        }
        return bias ? sum + Math.abs(g[w.length]) : sum;
    }

    /** (1/n) Σ_i −y_i x_ij σ(−y_i m_i) for every feature, then for the bias, from the definition. */
    private static double[] lossGradient(LabeledDataset data, LogRegModel model) {
        CsrMatrix x = data.features();
        double[] w = model.weights();
        double b = Double.isNaN(model.bias()) ? 0 : model.bias();
        double[] g = new double[w.length + 1];
        for (int i = 0; i < x.numRows; i++) {
            double m = b;
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                m += x.values[e] * w[x.colIdx[e]];
            }
            double y = data.labels()[i] > 0 ? 1 : -1;
            double s = 1 / (1 + Math.exp(y * m)); // σ(−y m)
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                g[x.colIdx[e]] -= y * x.values[e] * s / x.numRows;
            }
            g[w.length] -= y * s / x.numRows;
        }
        return g;
    }

    @Test
    void everyLayoutAndWorkerCountReachTheSameOptimum() {
        double lambda = 0.05 * LogRegProblem.of(SPARSE, true).lambdaMax();
        LogRegConfig.Builder b = LogRegConfig.builder().lambda(lambda).tolerance(1e-9).maxRounds(1_000_000);
        double rows = fit(SPARSE, b.layout("rows").build(), 1).last().objective();
        for (int workers : new int[] {1, 2, 4}) {
            double features = fit(SPARSE, b.layout("features").build(), workers).last().objective();
            assertThat(Math.abs(features - rows) / rows).as("P = %d", workers).isLessThan(1e-9);
        }
    }

    @Test
    void theWireFormatsCarryEveryMessageUnchanged() {
        // Encoding and decoding every message (as the cluster runtime does) changes nothing, bit for bit.
        for (int workers : new int[] {1, 2}) {
            LogRegConfig.Builder b = LogRegConfig.builder().layout("features").path(3, 0.05).tolerance(1e-8);
            LogRegResult plain = fit(DENSE, b.build(), workers);
            LogRegResult wired = fit(DENSE, b.verifyWireFormats(true).build(), workers);
            for (int s = 0; s < plain.stages().size(); s++) {
                assertThat(wired.stages().get(s).model().weights()).as("P = %d, lambda %d", workers, s)
                        .containsExactly(plain.stages().get(s).model().weights());
            }
        }
    }

    @Test
    void aStrongRulePathMatchesSingleFitsAtEveryLambda() {
        LogRegConfig path = LogRegConfig.builder().layout("features").path(8, 0.02).tolerance(1e-9).build();
        LogRegResult r = fit(SPARSE, path, 2);
        assertThat(r.allConverged()).isTrue();
        for (int s : new int[] {2, 5, 7}) {
            double lambda = r.stages().get(s).lambda();
            double single = fit(SPARSE, LogRegConfig.builder().layout("features").lambda(lambda).tolerance(1e-9)
                    .build(), 1).last().objective();
            assertThat(Math.abs(r.stages().get(s).objective() - single) / single).as("lambda %d", s)
                    .isLessThan(1e-8);
        }
    }
}
