package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WeightOrderTest {
    /** Same order as a stable library sort by weight descending: ties keep their input order. */
    @Property(tries = 300)
    void sortsByWeightDescendingAndIsStable(@ForAll @IntRange(min = 0, max = 300) int k, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int p = k + random.nextInt(50);
        double[] weights = new double[Math.max(p, 1)];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = random.nextInt(3) == 0 ? 0 : random.nextInt(5) * 0.25;
        }
        int[] perm = new int[weights.length];
        for (int j = 0; j < perm.length; j++) {
            perm[j] = j;
        }
        for (int j = perm.length - 1; j > 0; j--) {
            int r = random.nextInt(j + 1);
            int t = perm[j];
            perm[j] = perm[r];
            perm[r] = t;
        }
        int[] ids = Arrays.copyOf(perm, Math.min(k, perm.length));
        Integer[] expected = Arrays.stream(ids).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingDouble((Integer j) -> weights[j]).reversed()); // stable

        int[] sorted = ids.clone();
        double[] keys = new double[sorted.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = weights[sorted[i]];
        }
        WeightOrder.sortDescending(sorted, keys, sorted.length, new int[sorted.length], new double[sorted.length]);
        assertThat(Arrays.stream(sorted).boxed().toArray(Integer[]::new)).containsExactly(expected);
        for (int i = 0; i < keys.length; i++) {
            assertThat(keys[i]).isEqualTo(weights[sorted[i]]);
        }
    }
}
