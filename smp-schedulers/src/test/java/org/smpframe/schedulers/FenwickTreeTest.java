package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FenwickTreeTest {
    /** Prefix sums and the descent agree with a plain array after random builds and updates. */
    @Property(tries = 200)
    void agreesWithAPlainArray(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
        }
        FenwickTree tree = new FenwickTree(n);
        tree.build(w);
        for (int step = 0; step < 50; step++) {
            int j = random.nextInt(n);
            double v = random.nextInt(4) == 0 ? 0 : random.nextInt(10);
            tree.add(j, v - w[j]);
            w[j] = v;
        }
        double s = 0;
        for (int j = 0; j <= n; j++) {
            assertThat(tree.prefixSum(j)).isEqualTo(s); // small integers: exact
            if (j < n) {
                s += w[j];
            }
        }
        // find(u) is the j whose slice [S(j), S(j+1)) holds u; integer weights make the slices exact.
        double prefix = 0;
        for (int j = 0; j < n; j++) {
            if (w[j] > 0) {
                assertThat(tree.find(prefix)).isEqualTo(j);
                assertThat(tree.find(prefix + w[j] - 0.5)).isEqualTo(j);
            }
            prefix += w[j];
        }
        assertThat(tree.find(prefix)).isEqualTo(n);
    }

    /** Descents with u uniform in [0, Σw) pick j with frequency w_j / Σw (chi-square, fixed seed). */
    @Test
    void samplingFrequenciesMatchTheWeights() {
        double[] w = {0.5, 0, 3, 1, 0, 0, 7.25, 2, 0.125, 4, 0, 1.5, 10};
        FenwickTree tree = new FenwickTree(w.length);
        tree.build(w);
        double total = tree.prefixSum(w.length);
        assertThat(total).isCloseTo(29.375, within(1e-12));
        SplittableRandom random = new SplittableRandom(2024);
        int samples = 300_000;
        long[] count = new long[w.length];
        for (int i = 0; i < samples; i++) {
            count[tree.find(random.nextDouble() * total)]++;
        }
        double chi2 = 0;
        int dof = -1;
        for (int j = 0; j < w.length; j++) {
            if (w[j] == 0) {
                assertThat(count[j]).as("weight-0 slot %d", j).isZero();
            } else {
                double expected = samples * w[j] / total;
                chi2 += (count[j] - expected) * (count[j] - expected) / expected;
                dof++;
            }
        }
        assertThat(dof).isEqualTo(8);
        // 8 degrees of freedom: the 0.9999 quantile is ~31.8.
        assertThat(chi2).isLessThan(31.8);
    }
}
