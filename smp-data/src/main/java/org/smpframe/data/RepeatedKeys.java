package org.smpframe.data;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Finds a repeated (row, column) pair among a reader's entries by sorting packed {@code long} keys: O(n log n)
 * on one primitive array, where a hash set of pairs in the hot loop would box every entry. Where the pair is
 * matters only on the error path, so it is recovered only there.
 */
final class RepeatedKeys {
    private RepeatedKeys() {
    }

    /**
     * The first entry, in input order, whose key occurred before, and where it first occurred: {@code {k, first}},
     * or null if every key is distinct. This is the pair a line-by-line check would report.
     *
     * @param n   the number of entries
     * @param key the key of entry k (called again on the error path, so that only one array is sorted)
     */
    static int[] firstRepeat(int n, IntToLongFunction key) {
        long[] sorted = new long[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = key.applyAsLong(k);
        }
        Arrays.sort(sorted);
        int dups = 0;
        for (int k = 1; k < n; k++) {
            if (sorted[k] == sorted[k - 1] && (k < 2 || sorted[k - 1] != sorted[k - 2])) {
                dups++;
            }
        }
        if (dups == 0) {
            return null;
        }
        // Error path from here on: the distinct repeated keys, sorted, and where each first occurs.
        long[] repeated = new long[dups];
        dups = 0;
        for (int k = 1; k < n; k++) {
            if (sorted[k] == sorted[k - 1] && (k < 2 || sorted[k - 1] != sorted[k - 2])) {
                repeated[dups++] = sorted[k];
            }
        }
        int[] first = new int[dups];
        Arrays.fill(first, -1);
        for (int k = 0; k < n; k++) {
            int j = Arrays.binarySearch(repeated, key.applyAsLong(k));
            if (j < 0) {
                continue;
            }
            if (first[j] >= 0) {
                return new int[] {k, first[j]};
            }
            first[j] = k;
        }
        throw new AssertionError("a repeated key was not found again");
    }
}
