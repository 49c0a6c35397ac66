package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smpframe.api.DependencyOracle;

class DependencyTableTest {
    /** Every pair of 37 parameters has its own slot: asked many times, each pair reaches the oracle once. */
    @Test
    void everyPairIsAskedOnceAndAnsweredAsTheOracleDecides() {
        int p = 37;
        int[][] calls = new int[p][p];
        DependencyOracle oracle = (a, b) -> {
            calls[a][b]++;
            return pairValue(a, b);
        };
        DependencyTable table = new DependencyTable(oracle, 0.5, p);
        for (int repeat = 0; repeat < 3; repeat++) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    if (a != b) {
                        assertThat(table.independent(a, b)).as("(%d, %d)", a, b)
                                .isEqualTo(pairValue(Math.min(a, b), Math.max(a, b)) < 0.5);
                    }
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                assertThat(calls[a][b]).as("oracle calls for (%d, %d)", a, b).isEqualTo(1);
            }
        }
        long asked = 3L * p * (p - 1);
        assertThat(table.lookups()).isEqualTo(asked);
        assertThat(table.hits()).isEqualTo(asked - DependencyTable.pairs(p));
    }

    /** A value per pair that differs between pairs sharing either parameter, half of them below 0.5. */
    private static double pairValue(int a, int b) {
        return ((a * 31 + b * 17) % 101) / 100.0;
    }

    /** A parameter with itself is not a pair: asked of the oracle, never stored. */
    @Test
    void aParameterWithItselfAsksTheOracle() {
        AtomicInteger calls = new AtomicInteger();
        DependencyTable table = new DependencyTable((a, b) -> {
            calls.incrementAndGet();
            return a == b ? 1.0 : 0.0;
        }, 0.5, 4);
        assertThat(table.independent(0, 0)).isFalse();
        assertThat(table.independent(3, 3)).isFalse();
        assertThat(table.independent(0, 3)).isTrue();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void asksTheOracleInCanonicalOrder() {
        AtomicInteger calls = new AtomicInteger();
        DependencyTable table = new DependencyTable((a, b) -> {
            assertThat(a).isLessThan(b);
            calls.incrementAndGet();
            return 0;
        }, 0.1, 10);
        assertThat(table.independent(9, 3)).isTrue();
        assertThat(table.independent(3, 9)).isTrue();
        assertThat(calls.get()).isEqualTo(1);
    }

    /** Values that a float rounding would push across ρ keep their side of it. */
    @Test
    void floatStorageNeverFlipsADecision() {
        double rho = 0.1;
        double justBelow = Math.nextDown(rho); // rounds to 0.1f, which is above 0.1
        assertThat((double) (float) justBelow).isGreaterThanOrEqualTo(rho);
        DependencyTable table = new DependencyTable((a, b) -> a == 0 ? justBelow : rho, rho, 3);
        for (int repeat = 0; repeat < 3; repeat++) {
            assertThat(table.independent(0, 1)).isTrue();
            assertThat(table.independent(1, 2)).isFalse();
        }
        assertThat(table.hits()).isEqualTo(4);
    }

    @Test
    void nanCountsAsDependentAndIsRemembered() {
        AtomicInteger calls = new AtomicInteger();
        DependencyTable table = new DependencyTable((a, b) -> {
            calls.incrementAndGet();
            return Double.NaN;
        }, 0.1, 2);
        assertThat(table.independent(0, 1)).isFalse();
        assertThat(table.independent(1, 0)).isFalse();
        assertThat(calls.get()).isEqualTo(1);
    }
}
