package org.smpframe.mf;

import org.smpframe.data.IdMap;
import org.smpframe.data.Ratings;

/**
 * Training (and optionally test) ratings as the MF programs use them: dense user and item indices, rating
 * counts per user and item (the weights of the penalty and the load of each shard), and the global mean.
 * Test ratings must use the training id maps (read them with unknown ids skipped).
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
        if (test != null) {
            if (test.userIds() != train.userIds() || test.itemIds() != train.itemIds()) {
                throw new IllegalArgumentException("test ratings must be read with the training id maps");
            }
            this.testUsers = test.users();
            this.testItems = test.items();
            this.testValues = test.values();
        } else {
            this.testUsers = new int[0];
            this.testItems = new int[0];
            this.testValues = new float[0];
        }
        this.userCounts = new int[numUsers];
        this.itemCounts = new int[numItems];
        double sum = 0;
        for (int r = 0; r < users.length; r++) {
            userCounts[users[r]]++;
            itemCounts[items[r]]++;
            sum += values[r];
        }
        this.mean = users.length == 0 ? 0 : sum / users.length;
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

    public int numTestRatings() {
        return testUsers.length;
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
