package org.smpframe.mf;

import org.smpframe.data.IdMap;
import org.smpframe.data.Ratings;

/**
 * Training (and optionally test) ratings as the MF programs use them: dense user and item indices, rating
 * counts per user and item (the weights of the penalty and the load of each shard), and the global mean.
 * Test ratings must use the training id maps (read them with unknown ids skipped). Test ratings of a user or
 * item without training ratings (a random split can leave some) are left out and counted: the model knows
 * nothing about them, and scoring its zero factors would only add noise to the test RMSE.
 */
public final class MfProblem {
    final int numUsers;
    final int numItems;
    final int[] users;
    final int[] items;
    final float[] values;
    final int[] testUsers;
    final int[] testItems;
    final float[] testValues;
    final int coldTestRatings;
    final int[] userCounts;
    final int[] itemCounts;
    final double mean;
    final IdMap userIds;
    final IdMap itemIds;

    private MfProblem(Ratings train, Ratings test) {
        this.numUsers = train.numUsers();
        this.numItems = train.numItems();
        this.users = train.users();
        this.items = train.items();
        this.values = train.values();
        this.userIds = train.userIds();
        this.itemIds = train.itemIds();
        this.userCounts = new int[numUsers];
        this.itemCounts = new int[numItems];
        double sum = 0;
        for (int r = 0; r < users.length; r++) {
            userCounts[users[r]]++;
            itemCounts[items[r]]++;
            sum += values[r];
        }
        this.mean = users.length == 0 ? 0 : sum / users.length;
        if (test != null && (test.userIds() != train.userIds() || test.itemIds() != train.itemIds())) {
            throw new IllegalArgumentException("test ratings must be read with the training id maps");
        }
        int n = test == null ? 0 : test.size();
        int[] tu = new int[n];
        int[] ti = new int[n];
        float[] tv = new float[n];
        int kept = 0;
        for (int r = 0; r < n; r++) {
            int u = test.user(r);
            int j = test.item(r);
            if (u < numUsers && j < numItems && userCounts[u] > 0 && itemCounts[j] > 0) {
                tu[kept] = u;
                ti[kept] = j;
                tv[kept++] = test.rating(r);
            }
        }
        this.testUsers = java.util.Arrays.copyOf(tu, kept);
        this.testItems = java.util.Arrays.copyOf(ti, kept);
        this.testValues = java.util.Arrays.copyOf(tv, kept);
        this.coldTestRatings = n - kept;
    }

    /**
     * The problem of {@code train}, evaluated on {@code test} as well when it is not null.
     *
     * @throws IllegalArgumentException when there are no training ratings or the test set uses other id maps
     */
    public static MfProblem of(Ratings train, Ratings test) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(train.source() + ": no training ratings");
        }
        return new MfProblem(train, test);
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public int numRatings() {
        return users.length;
    }

    /** Test ratings scored (those of users and items with training ratings). */
    public int numTestRatings() {
        return testUsers.length;
    }

    /** Test ratings left out because their user or item has no training rating. */
    public int coldTestRatings() {
        return coldTestRatings;
    }

    /** Mean training rating (the global offset of the model with biases). */
    public double mean() {
        return mean;
    }

    public IdMap userIds() {
        return userIds;
    }

    public IdMap itemIds() {
        return itemIds;
    }
}
