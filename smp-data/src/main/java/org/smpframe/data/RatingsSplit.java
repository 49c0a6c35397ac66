package org.smpframe.data;

import java.util.SplittableRandom;

/**
 * Train/test splits of {@link Ratings} for evaluating matrix factorization when no separate test
 * file exists.
 *
 * <p>Both halves share the input's id maps, so an index means the same user or item in both, and
 * keep the input's relative order of triples. A split is a function of the input and the seed
 * alone: the same seed gives the same split on every run and machine ({@link SplittableRandom}
 * is specified exactly), so an experiment can be repeated.
 *
 * <p>Selection sampling (Knuth's Algorithm S) picks an exact number of triples in one pass in
 * file order, so neither a permutation array nor a sort of the picked indices is needed.
 */
public final class RatingsSplit {

    private RatingsSplit() {
    }

    /**
     * The two halves of a split.
     *
     * @param train the triples to fit on
     * @param test  the held-out triples
     */
    public record Split(Ratings train, Ratings test) {
        public Split {
            if (train == null || test == null) {
                throw new IllegalArgumentException("train and test are required");
            }
        }
    }

    /**
     * Holds out a uniformly random subset of exactly {@code round(testFraction * n)} triples.
     *
     * @throws IllegalArgumentException unless {@code 0 < testFraction < 1}
     */
    public static Split random(Ratings r, double testFraction, long seed) {
        check(r, testFraction);
        int n = r.size();
        int k = (int) Math.round(testFraction * n);
        boolean[] test = new boolean[n];
        select(test, null, 0, n, k, new SplittableRandom(seed));
        return build(r, test, k);
    }

    /**
     * Holds out, for each user with at least 2 ratings, {@code round(testFraction * n_u)} of its
     * ratings, but at least 1 and at most {@code n_u - 1}: every such user is both trained and
     * evaluated, which a global random split cannot promise for users with few ratings. Users with
     * a single rating stay entirely in train, since holding it out would leave nothing to learn the
     * user from.
     *
     * @throws IllegalArgumentException unless {@code 0 < testFraction < 1}
     */
    public static Split perUser(Ratings r, double testFraction, long seed) {
        check(r, testFraction);
        int n = r.size();
        int[] users = r.users();
        int numUsers = r.numUsers();
        // Counting sort of triple positions by user, stable, so each user's triples stay in file order.
        int[] start = new int[numUsers + 1];
        for (int i = 0; i < n; i++) {
            start[users[i] + 1]++;
        }
        for (int u = 0; u < numUsers; u++) {
            start[u + 1] += start[u];
        }
        int[] byUser = new int[n];
        int[] next = start.clone();
        for (int i = 0; i < n; i++) {
            byUser[next[users[i]]++] = i;
        }
        boolean[] test = new boolean[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        int total = 0;
        for (int u = 0; u < numUsers; u++) {
            int nu = start[u + 1] - start[u];
            if (nu < 2) {
                continue;
            }
            int k = (int) Math.min(nu - 1, Math.max(1, Math.round(testFraction * nu)));
            select(test, byUser, start[u], nu, k, rnd);
            total += k;
        }
        return build(r, test, total);
    }

    /**
     * Marks exactly {@code k} of the {@code count} positions {@code from..from+count-1} (mapped
     * through {@code positions} when given) in {@code test}: each position is taken with
     * probability (still needed) / (still left), which yields every k-subset equally likely.
     */
    private static void select(boolean[] test, int[] positions, int from, int count, int k, SplittableRandom rnd) {
        int needed = k;
        for (int j = 0; j < count && needed > 0; j++) {
            if (rnd.nextInt(count - j) < needed) {
                test[positions == null ? from + j : positions[from + j]] = true;
                needed--;
            }
        }
    }

    private static Split build(Ratings r, boolean[] test, int testSize) {
        int n = r.size();
        int[] trainIdx = new int[n - testSize];
        int[] testIdx = new int[testSize];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (test[i]) {
                testIdx[b++] = i;
            } else {
                trainIdx[a++] = i;
            }
        }
        return new Split(r.subset(trainIdx, r.source() + " [train]"), r.subset(testIdx, r.source() + " [test]"));
    }

    private static void check(Ratings r, double f) {
        if (r == null) {
            throw new IllegalArgumentException("ratings must not be null");
        }
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException("testFraction must be strictly between 0 and 1, got " + f);
        }
    }
}
