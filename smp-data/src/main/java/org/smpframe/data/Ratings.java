package org.smpframe.data;

/**
 * An immutable list of (user, item, rating) triples, the input of matrix factorization, held in
 * three parallel primitive arrays: triple {@code i} is {@code (users()[i], items()[i],
 * values()[i])}, with users and items as dense indices into {@link #userIds()} and
 * {@link #itemIds()}.
 *
 * <p>Why parallel arrays: a training epoch visits every triple, and 12 bytes per rating without
 * object headers or pointers is what lets tens of millions of ratings sit in a modest heap and
 * stream through the cache.
 *
 * <p>Ratings are floats because the factor updates are computed in float precision anyway and
 * the values are small, usually short decimals such as {@code 3.5}; the mean is accumulated in
 * double. The order of the triples is the order of the file, which splits preserve.
 *
 * <p>The id maps may be shared with other Ratings (a test set read against the training maps,
 * the two halves of a split) and may grow after this object is made, since maps only grow; every
 * index stored here stays valid. {@link #numUsers()} is the current size of the map, which can
 * exceed the number of distinct users present here.
 *
 * <p>Ratings from {@link RatingsReader} never hold a (user, item) pair twice; {@link #of} does not
 * check that (it would cost a sort), so a generator must not produce duplicates if its consumer
 * cares.
 */
public final class Ratings {

    private final String source;
    private final int[] users;
    private final int[] items;
    private final float[] values;
    private final IdMap userIds;
    private final IdMap itemIds;
    private final long skippedUnknown;
    private final double mean;

    private Ratings(String source, int[] users, int[] items, float[] values, IdMap userIds, IdMap itemIds,
                    long skippedUnknown) {
        this.source = source;
        this.users = users;
        this.items = items;
        this.values = values;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.skippedUnknown = skippedUnknown;
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        this.mean = values.length == 0 ? Double.NaN : sum / values.length;
    }

    /**
     * Wraps the arrays without copying them; the caller hands them over and must not modify them
     * afterwards.
     *
     * @param source  a name for messages and reports, e.g. a file name or {@code "generated"}
     * @throws IllegalArgumentException if an argument is null, the arrays differ in length, a user
     *                                  or item index is outside its map, or a rating is not finite
     */
    public static Ratings of(String source, int[] users, int[] items, float[] values, IdMap userIds, IdMap itemIds) {
        return checked(source, users, items, values, userIds, itemIds, 0);
    }

    /** {@link #of} with the reader's count of skipped triples; the reader's arrays pass the same checks. */
    static Ratings checked(String source, int[] users, int[] items, float[] values, IdMap userIds, IdMap itemIds,
                           long skippedUnknown) {
        if (source == null || users == null || items == null || values == null || userIds == null
                || itemIds == null) {
            throw new IllegalArgumentException("null argument");
        }
        if (users.length != items.length || users.length != values.length) {
            throw new IllegalArgumentException("array lengths differ: " + users.length + " users, " + items.length
                    + " items, " + values.length + " values");
        }
        int nu = userIds.size();
        int ni = itemIds.size();
        for (int i = 0; i < users.length; i++) {
            if (users[i] < 0 || users[i] >= nu) {
                throw new IllegalArgumentException("triple " + i + ": user index " + users[i]
                        + " outside the user id map (size " + nu + ")");
            }
            if (items[i] < 0 || items[i] >= ni) {
                throw new IllegalArgumentException("triple " + i + ": item index " + items[i]
                        + " outside the item id map (size " + ni + ")");
            }
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("triple " + i + ": rating " + values[i] + " is not finite");
            }
        }
        return new Ratings(source, users, items, values, userIds, itemIds, skippedUnknown);
    }

    /** Number of triples. */
    public int size() {
        return users.length;
    }

    /** The user index of triple {@code i}. */
    public int user(int i) {
        return users[i];
    }

    /** The item index of triple {@code i}. */
    public int item(int i) {
        return items[i];
    }

    /** The rating of triple {@code i}. */
    public float rating(int i) {
        return values[i];
    }

    /** The user indices, owned by this object: for hot loops to read, never to modify. */
    public int[] users() {
        return users;
    }

    /** The item indices, owned by this object: for hot loops to read, never to modify. */
    public int[] items() {
        return items;
    }

    /** The ratings, owned by this object: for hot loops to read, never to modify. */
    public float[] values() {
        return values;
    }

    /** External user ids; possibly shared with other Ratings. */
    public IdMap userIds() {
        return userIds;
    }

    /** External item ids; possibly shared with other Ratings. */
    public IdMap itemIds() {
        return itemIds;
    }

    /** {@code userIds().size()}: the row count a user factor matrix needs. */
    public int numUsers() {
        return userIds.size();
    }

    /** {@code itemIds().size()}: the row count an item factor matrix needs. */
    public int numItems() {
        return itemIds.size();
    }

    /** The mean rating, the usual global bias; NaN when there are no triples. */
    public double mean() {
        return mean;
    }

    /**
     * Triples the reader dropped because their user or item was not in the given maps
     * ({@link RatingsReader.UnknownIds#SKIP}); 0 otherwise and for subsets.
     */
    public long skippedUnknown() {
        return skippedUnknown;
    }

    /** Where the triples came from, for messages. */
    public String source() {
        return source;
    }

    /**
     * The triples at {@code indices}, in that order, copied into new arrays, sharing the id maps.
     *
     * @throws IllegalArgumentException if an index is out of range or repeated (a repeat would
     *                                  duplicate a (user, item) pair)
     */
    public Ratings subset(int[] indices, String source) {
        if (indices == null || source == null) {
            throw new IllegalArgumentException("null argument");
        }
        int n = users.length;
        long[] seen = new long[(n + 63) >>> 6];
        int[] u = new int[indices.length];
        int[] it = new int[indices.length];
        float[] v = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("index " + i + " at position " + k + " outside 0.." + (n - 1));
            }
            if ((seen[i >>> 6] & (1L << i)) != 0) {
                throw new IllegalArgumentException("index " + i + " repeated at position " + k);
            }
            seen[i >>> 6] |= 1L << i;
            u[k] = users[i];
            it[k] = items[i];
            v[k] = values[i];
        }
        return new Ratings(source, u, it, v, userIds, itemIds, 0);
    }

    @Override
    public String toString() {
        return "Ratings[" + source + ": " + size() + " ratings, " + numUsers() + " users x " + numItems() + " items"
                + (skippedUnknown > 0 ? ", " + skippedUnknown + " skipped (unknown ids)" : "") + "]";
    }
}
