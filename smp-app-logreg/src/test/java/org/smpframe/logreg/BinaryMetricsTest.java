package org.smpframe.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void aucMatchesNaivePairCountWithTies(long seed) {
        Random rnd = new Random(seed);
        int n = 50 + rnd.nextInt(400);
        double[] d = new double[n];
        double[] y = new double[n];
        boolean zeroOne = seed % 2 == 0;
        for (int i = 0; i < n; i++) {
            // Few distinct scores, so ties (also between +0.0 and -0.0) are frequent.
            d[i] = (rnd.nextInt(15) - 7) * 0.5;
            if (d[i] == 0 && rnd.nextBoolean()) {
                d[i] = -0.0;
            }
            boolean positive = rnd.nextDouble() < 0.3 + 0.05 * d[i];
            y[i] = positive ? 1 : (zeroOne ? 0 : -1);
        }
        assertThat(BinaryMetrics.of(d, y).auc()).isCloseTo(naiveAuc(d, y), within(1e-12));

        double[] continuous = new double[n];
        for (int i = 0; i < n; i++) {
            continuous[i] = rnd.nextGaussian() + (y[i] > 0 ? 0.7 : 0);
        }
        assertThat(BinaryMetrics.of(continuous, y).auc()).isCloseTo(naiveAuc(continuous, y), within(1e-12));
    }

    @Test
    void perfectInvertedAndConstantScores() {
        double[] y = {1, -1, 1, -1, -1, 1};
        double[] perfect = {3, -1, 2, -2, 0, 0.5};
        double[] inverted = {-3, 1, -2, 2, 0.1, -0.5};
        double[] constant = {0.25, 0.25, 0.25, 0.25, 0.25, 0.25};
        assertThat(BinaryMetrics.of(perfect, y).auc()).isEqualTo(1.0);
        assertThat(BinaryMetrics.of(inverted, y).auc()).isEqualTo(0.0);
        assertThat(BinaryMetrics.of(constant, y).auc()).isEqualTo(0.5);
        assertThat(BinaryMetrics.of(perfect, y).accuracy()).isEqualTo(1.0);
        assertThat(BinaryMetrics.of(inverted, y).accuracy()).isEqualTo(0.0);
        assertThat(BinaryMetrics.of(constant, y).accuracy()).isEqualTo(0.5);
    }

    @Test
    void aucIsNaNWhenAClassIsAbsent() {
        assertThat(BinaryMetrics.of(new double[] {1, 2}, new double[] {1, 1}).auc()).isNaN();
        assertThat(BinaryMetrics.of(new double[] {1, 2}, new double[] {0, -1}).auc()).isNaN();
        BinaryMetrics none = BinaryMetrics.of(new double[0], new double[0]);
        assertThat(none.rows()).isZero();
        assertThat(none.auc()).isNaN();
        assertThat(none.accuracy()).isNaN();
    }

    @Test
    void accuracyUsesStrictlyPositiveDecisionAndTreatsZeroLabelsAsNegative() {
        double[] d = {0.0, 0.0, 1.0, -1.0, 2.0};
        double[] y = {-1, 1, 1, 0, 0};
        // correct: row 0 (0 → negative), row 2, row 3; wrong: row 1, row 4
        BinaryMetrics m = BinaryMetrics.of(d, y);
        assertThat(m.rows()).isEqualTo(5);
        assertThat(m.accuracy()).isEqualTo(3.0 / 5);
    }

    @Test
    void logLossMatchesTheDirectFormula() {
        Random rnd = new Random(9);
        int n = 300;
        double[] d = new double[n];
        double[] y = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextGaussian() * 4;
            y[i] = rnd.nextBoolean() ? 1 : -1;
            double p = 1 / (1 + Math.exp(-d[i]));
            sum += -(y[i] > 0 ? Math.log(p) : Math.log(1 - p));
        }
        assertThat(BinaryMetrics.of(d, y).logLoss()).isCloseTo(sum / n, within(1e-9));
        assertThat(BinaryMetrics.of(new double[] {0}, new double[] {1}).logLoss()).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void extremeDecisionsStayFinite() {
        double[] d = {1e6, -1e6, 1e6, -1e6, 1e300, -1e300};
        double[] y = {1, -1, -1, 1, 1, -1};
        BinaryMetrics m = BinaryMetrics.of(d, y);
        // two rows wrong by 1e6 each; the confident right ones cost nothing
        assertThat(m.logLoss()).isFinite().isCloseTo(2e6 / 6, within(1e-6));
        assertThat(m.accuracy()).isEqualTo(4.0 / 6);
        assertThat(m.auc()).isFinite();
        assertThat(BinaryMetrics.of(new double[] {1e6}, new double[] {1}).logLoss()).isEqualTo(0.0);
    }

    @Test
    void rejectsMismatchedLengthsAndNaN() {
        assertThatThrownBy(() -> BinaryMetrics.of(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinaryMetrics.of(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double naiveAuc(double[] d, double[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < d.length; i++) {
            if (y[i] <= 0) {
                continue;
            }
            for (int k = 0; k < d.length; k++) {
                if (y[k] > 0) {
                    continue;
                }
                pairs++;
                wins += d[i] > d[k] ? 1 : d[i] == d[k] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }
}
