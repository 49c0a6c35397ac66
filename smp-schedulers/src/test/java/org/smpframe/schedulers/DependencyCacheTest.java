package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smpframe.api.DependencyOracle;

class DependencyCacheTest {
    @Test
    void repeatedPairsAreServedFromTheCacheInEitherOrder() {
        AtomicInteger calls = new AtomicInteger();
        DependencyOracle oracle = (a, b) -> {
            calls.incrementAndGet();
            return a + b == 3 ? 0.5 : 0.0;
        };
        DependencyCache cache = new DependencyCache(oracle, 0.1, 8);
        assertThat(cache.independent(1, 2)).isFalse();
        assertThat(cache.independent(2, 1)).isFalse();
        assertThat(cache.independent(0, 1)).isTrue();
        assertThat(cache.independent(1, 0)).isTrue();
        assertThat(calls.get()).isEqualTo(2);
        assertThat(cache.lookups()).isEqualTo(4);
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void asksTheOracleInCanonicalOrder() {
        DependencyCache cache = new DependencyCache((a, b) -> {
            assertThat(a).isLessThan(b);
            return 0;
        }, 0.1, 4);
        cache.independent(9, 3);
        cache.independent(3, 9);
    }

    /** Values that a float rounding would push across ρ keep their side of it. */
    @Test
    void floatStorageNeverFlipsADecision() {
        double rho = 0.1;
        double justBelow = Math.nextDown(rho); // rounds to 0.1f, which is above 0.1
        double justAbove = rho;                // rounds to 0.1f as well
        assertThat((double) (float) justBelow).isGreaterThanOrEqualTo(rho);
        DependencyCache cache = new DependencyCache((a, b) -> a == 0 ? justBelow : justAbove, rho, 6);
        for (int repeat = 0; repeat < 3; repeat++) {
            assertThat(cache.independent(0, 1)).isTrue();
            assertThat(cache.independent(1, 2)).isFalse();
        }
        assertThat(cache.hits()).isEqualTo(4);
    }

    @Test
    void nanCountsAsDependent() {
        DependencyCache cache = new DependencyCache((a, b) -> Double.NaN, 0.1, 2);
        assertThat(cache.independent(0, 1)).isFalse();
        assertThat(cache.independent(0, 1)).isFalse();
    }

    @Test
    void aOneEntryCacheStillAnswersCorrectly() {
        DependencyCache cache = new DependencyCache((a, b) -> (a * 7 + b) % 3 == 0 ? 0.9 : 0.05, 0.1, 0);
        for (int a = 0; a < 20; a++) {
            for (int b = a + 1; b < 20; b++) {
                assertThat(cache.independent(b, a)).isEqualTo((a * 7 + b) % 3 != 0);
            }
        }
    }
}
