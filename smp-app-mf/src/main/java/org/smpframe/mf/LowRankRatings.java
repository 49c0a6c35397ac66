package org.smpframe.mf;

import java.util.SplittableRandom;
import org.smpframe.data.IdMap;
import org.smpframe.data.Ratings;

/**
 * Synthetic ratings with a known answer: r = μ + uᵢ·vⱼ + ε for a random rank-R truth (entries of u, v normal with
 * variance 1/√R, so uᵢ·vⱼ has unit variance) and Gaussian noise ε of standard deviation σ, observed on a random
 * subset of the cells. A good fit reaches test RMSE ≈ σ. User ids are "u0", "u1", ..., item ids "i0", ....
 */
public final class LowRankRatings {
    private LowRankRatings() {
    }

    /**
     * Ratings of {@code users × items} cells, each observed with probability {@code density} (every user and every
     * item at least once).
     */
    public static Ratings generate(int users, int items, int rank, double density, double mean, double noise,
                                   long seed) {
        if (users < 1 || items < 1 || rank < 1 || !(density > 0 && density <= 1) || !(noise >= 0)) {
            throw new IllegalArgumentException("need users, items, rank >= 1, density in (0, 1], noise >= 0");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double scale = Math.pow(rank, -0.25);
        double[] u = new double[users * rank];
        double[] v = new double[items * rank];
        for (int k = 0; k < u.length; k++) {
            u[k] = gaussian(rng) * scale;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] = gaussian(rng) * scale;
        }
        IdMap userIds = IdMap.create();
        IdMap itemIds = IdMap.create();
        for (int i = 0; i < users; i++) {
            userIds.intern("u" + i);
        }
        for (int j = 0; j < items; j++) {
            itemIds.intern("i" + j);
        }
        int expected = (int) Math.min(Integer.MAX_VALUE - 8, (long) (users * (double) items * density) + users + items);
        int[] us = new int[expected];
        int[] is = new int[expected];
        float[] rs = new float[expected];
        int n = 0;
        boolean[] itemSeen = new boolean[items];
        for (int i = 0; i < users; i++) {
            int forced = rng.nextInt(items); // every user rates at least one item
            for (int j = 0; j < items; j++) {
                boolean take = j == forced || rng.nextDouble() < density
                        || (i == users - 1 && !itemSeen[j]); // and every item is rated at least once
                if (!take || n == us.length) {
                    continue;
                }
                double dot = 0;
                for (int f = 0; f < rank; f++) {
                    dot += u[i * rank + f] * v[j * rank + f];
                }
                us[n] = i;
                is[n] = j;
                rs[n++] = (float) (mean + dot + noise * gaussian(rng));
                itemSeen[j] = true;
            }
        }
        return Ratings.of("low-rank(" + users + "x" + items + ", rank " + rank + ", noise " + noise + ")",
                java.util.Arrays.copyOf(us, n), java.util.Arrays.copyOf(is, n), java.util.Arrays.copyOf(rs, n),
                userIds, itemIds);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double a = rng.nextDouble();
        double b = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
    }
}
