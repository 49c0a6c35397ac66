package org.smpframe.bench.spark;

import java.util.Objects;

/**
 * A matrix-factorization problem: training and test ratings as parallel primitive arrays of dense 0-based user and
 * item indices (the same index space in both parts) and float ratings.
 *
 * <p>Test ratings whose user or item has no training rating cannot be predicted by ALS; {@link #unseenTest()}
 * marks them and {@link SparkAlsBaseline} leaves them out of the test RMSE.
 */
public record AlsProblem(
    int[] trainUsers, int[] trainItems, float[] trainRatings,
    int[] testUsers, int[] testItems, float[] testRatings) {

  public AlsProblem {
    Objects.requireNonNull(trainUsers, "trainUsers");
    Objects.requireNonNull(trainItems, "trainItems");
    Objects.requireNonNull(trainRatings, "trainRatings");
    Objects.requireNonNull(testUsers, "testUsers");
    Objects.requireNonNull(testItems, "testItems");
    Objects.requireNonNull(testRatings, "testRatings");
    if (trainUsers.length != trainItems.length || trainUsers.length != trainRatings.length) {
      throw new IllegalArgumentException("train arrays differ in length: " + trainUsers.length + ", "
          + trainItems.length + ", " + trainRatings.length);
    }
    if (testUsers.length != testItems.length || testUsers.length != testRatings.length) {
      throw new IllegalArgumentException("test arrays differ in length: " + testUsers.length + ", "
          + testItems.length + ", " + testRatings.length);
    }
    if (trainUsers.length == 0) {
      throw new IllegalArgumentException("no training ratings");
    }
    checkIds("trainUsers", trainUsers);
    checkIds("trainItems", trainItems);
    checkIds("testUsers", testUsers);
    checkIds("testItems", testItems);
  }

  private static void checkIds(String name, int[] ids) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + ids[i] + " < 0");
      }
    }
  }

  public int numTrain() {
    return trainRatings.length;
  }

  public int numTest() {
    return testRatings.length;
  }

  /** One more than the largest user index in either part. */
  public int numUsers() {
    return Math.max(max(trainUsers), max(testUsers)) + 1;
  }

  /** One more than the largest item index in either part. */
  public int numItems() {
    return Math.max(max(trainItems), max(testItems)) + 1;
  }

  /** For each test rating: true if its user or its item has no training rating (ALS has no factor for it). */
  public boolean[] unseenTest() {
    boolean[] userSeen = new boolean[numUsers()];
    boolean[] itemSeen = new boolean[numItems()];
    for (int k = 0; k < trainUsers.length; k++) {
      userSeen[trainUsers[k]] = true;
      itemSeen[trainItems[k]] = true;
    }
    boolean[] unseen = new boolean[testUsers.length];
    for (int k = 0; k < testUsers.length; k++) {
      unseen[k] = !userSeen[testUsers[k]] || !itemSeen[testItems[k]];
    }
    return unseen;
  }

  private static int max(int[] a) {
    int m = -1;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
